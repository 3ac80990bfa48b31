import { createHeadlessEditor } from '@lexical/headless'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { NOTE_NODES } from '../src/shared/notes/note-nodes'

/** A note's Lexical state as the editor saves it: a paragraph, with bold text or a list. */
export function serializeNote(shape: 'plain' | 'bold' | 'list', text: string, extra: string): string {
  const editor = createHeadlessEditor({ namespace: 'bench', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
  editor.update(
    () => {
      const paragraph = $createParagraphNode().append($createTextNode(`${text} `))
      if (shape === 'bold') paragraph.append($createTextNode(extra).toggleFormat('bold'))
      const root = $getRoot().clear().append(paragraph)
      if (shape === 'list') root.append($createListNode('bullet').append($createListItemNode().append($createTextNode(extra)), $createListItemNode().append($createTextNode(text.slice(0, 20)))))
    },
    { discrete: true }
  )
  return JSON.stringify(editor.getEditorState().toJSON())
}
