import { TOGGLE_LINK_COMMAND } from '@lexical/link'
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createQuoteNode } from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical'
import { useState, type FormEvent } from 'react'
import { isSafeLink } from './NoteEditor'

/** Formatting for mouse users; the same is reachable by keyboard (Ctrl/Cmd+B, I) and Markdown shortcuts. */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext()
  const [linking, setLinking] = useState(false)
  const [url, setUrl] = useState('https://')

  const keepFocus = (e: { preventDefault(): void }) => e.preventDefault()

  function quote() {
    editor.update(() => {
      const selection = $getSelection()
      if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createQuoteNode())
    })
  }

  function applyLink(event: FormEvent) {
    event.preventDefault()
    if (isSafeLink(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
    setLinking(false)
    editor.focus()
  }

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} title="Bold (Ctrl/Cmd+B)" aria-label="Bold">
        <b>B</b>
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} title="Italic (Ctrl/Cmd+I)" aria-label="Italic">
        <i>I</i>
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} title="Bulleted list (- space)" aria-label="Bulleted list">
        •
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} title="Numbered list (1. space)" aria-label="Numbered list">
        1.
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={quote} title="Quote (> space)" aria-label="Quote">
        ❝
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => setLinking((v) => !v)} title="Link" aria-label="Link">
        Link
      </button>
      {linking && (
        <form className="link-form" onSubmit={applyLink}>
          <input aria-label="Link address" value={url} onChange={(e) => setUrl(e.target.value)} autoFocus />
          <button type="submit">Apply</button>
        </form>
      )}
    </div>
  )
}
