import { $createCodeNode } from '@lexical/code'
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link'
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils'
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode
} from 'lexical'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { $createHorizontalRuleNode } from '../../../shared/notes/nodes/HorizontalRuleNode'
import { SHORTCUTS, findShortcut, type ShortcutSpec } from '../../../shared/shortcuts'
import { isSafeLink } from './safe-link'

/** The shortcut rows this toolbar binds; they act on the editor that has the focus. */
const EDITOR_ROWS = (SHORTCUTS as readonly ShortcutSpec[]).filter((s) =>
  ['notes.link', 'notes.heading', 'notes.paragraph', 'notes.numberedList', 'notes.bulletList', 'notes.checkList', 'notes.codeBlock'].includes(s.id)
)

interface Props {
  /** Buttons only one of the editors has (Insert quote, History). */
  children?: ReactNode
}

/**
 * Every format the notes support, one button each. Keyboard users have the same through
 * Ctrl/Cmd+B, I, Z, Shift+Z, the Notes rows of the shortcut table, and Markdown typed as-is.
 */
export function NoteToolbar({ children }: Props) {
  const [editor] = useLexicalComposerContext()
  const [linking, setLinking] = useState(false)
  const [url, setUrl] = useState('https://')
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)

  const keepFocus = (e: { preventDefault(): void }) => e.preventDefault()

  const setBlock = (create: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection()
      if ($isRangeSelection(selection)) $setBlocksType(selection, create)
    })
  const heading = (tag: HeadingTagType) => setBlock(() => $createHeadingNode(tag))
  const paragraph = () => setBlock(() => $createParagraphNode())
  const codeBlock = () => setBlock(() => $createCodeNode())
  const rule = () => editor.update(() => void $insertNodeToNearestRoot($createHorizontalRuleNode()))

  const startLink = () => {
    const existing = editor.getEditorState().read(() => {
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return null
      const parent = selection.anchor.getNode().getParent()
      return $isLinkNode(parent) ? parent.getURL() : null
    })
    if (existing) {
      // Ctrl/Cmd+K on a link removes it, as in most editors.
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null)
      return
    }
    setUrl('https://')
    setLinking(true)
  }

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const found = findShortcut(event, EDITOR_ROWS)
            if (!found) return false
            event.preventDefault()
            const id = found.spec.id
            if (id === 'notes.link') startLink()
            else if (id === 'notes.heading') heading(`h${found.key.slice(-1)}` as HeadingTagType)
            else if (id === 'notes.paragraph') paragraph()
            else if (id === 'notes.numberedList') editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)
            else if (id === 'notes.bulletList') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)
            else if (id === 'notes.checkList') editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined)
            else if (id === 'notes.codeBlock') codeBlock()
            return true
          },
          COMMAND_PRIORITY_LOW
        )
      ),
    // The handlers only close over the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor]
  )

  function applyLink(event: FormEvent) {
    event.preventDefault()
    if (isSafeLink(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url)
    setLinking(false)
    editor.focus()
  }

  const button = (label: string, title: string, onClick: () => void, content: ReactNode, disabled = false) => (
    <button type="button" onMouseDown={keepFocus} onClick={onClick} title={title} aria-label={label} disabled={disabled}>
      {content}
    </button>
  )

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      {button('Undo', 'Undo (Ctrl/Cmd+Z)', () => editor.dispatchCommand(UNDO_COMMAND, undefined), '↶', !canUndo)}
      {button('Redo', 'Redo (Ctrl/Cmd+Shift+Z)', () => editor.dispatchCommand(REDO_COMMAND, undefined), '↷', !canRedo)}
      <span className="toolbar-gap" />
      {button('Heading 1', 'Heading 1 (# space, Ctrl/Cmd+Alt+1)', () => heading('h1'), 'H1')}
      {button('Heading 2', 'Heading 2 (## space, Ctrl/Cmd+Alt+2)', () => heading('h2'), 'H2')}
      {button('Heading 3', 'Heading 3 (### space, Ctrl/Cmd+Alt+3)', () => heading('h3'), 'H3')}
      {button('Paragraph', 'Plain paragraph (Ctrl/Cmd+Alt+0)', paragraph, '¶')}
      <span className="toolbar-gap" />
      {button('Bold', 'Bold (Ctrl/Cmd+B or **bold**)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), <b>B</b>)}
      {button('Italic', 'Italic (Ctrl/Cmd+I or *italic*)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), <i>I</i>)}
      {button('Inline code', 'Inline code (`code`)', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code'), <code>{'<>'}</code>)}
      {button('Link', 'Link (Ctrl/Cmd+K)', startLink, 'Link')}
      <span className="toolbar-gap" />
      {button('Bulleted list', 'Bulleted list (- space, Ctrl/Cmd+Alt+8)', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined), '•')}
      {button('Numbered list', 'Numbered list (1. space, Ctrl/Cmd+Alt+7)', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined), '1.')}
      {button('Check list', 'Check list ([ ] space, Ctrl/Cmd+Alt+9)', () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined), '☑')}
      {button('Quote', 'Quote (> space)', () => setBlock(() => $createQuoteNode()), '❝')}
      {button('Code block', 'Code block (``` space, Ctrl/Cmd+Alt+C)', codeBlock, '{ }')}
      {button('Horizontal rule', 'Horizontal rule (--- then Enter)', rule, '―')}
      {children}
      {linking && (
        <form className="link-form" onSubmit={applyLink}>
          <input
            aria-label="Link address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setLinking(false)
                editor.focus()
              }
            }}
            autoFocus
          />
          <button type="submit">Apply</button>
        </form>
      )}
    </div>
  )
}
