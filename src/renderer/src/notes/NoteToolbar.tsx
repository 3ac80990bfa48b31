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
import { Bold, Code, Heading1, Heading2, Heading3, Italic, Link, List, ListChecks, ListOrdered, Pilcrow, Quote, Redo2, SeparatorHorizontal, SquareCode, Undo2, type LucideIcon } from 'lucide-react'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { $createHorizontalRuleNode } from '../../../shared/notes/nodes/HorizontalRuleNode'
import { SHORTCUTS, findShortcut, formatKeys, type ShortcutSpec } from '../../../shared/shortcuts'
import { isSafeLink } from './safe-link'
import { useT } from '../i18n/use-t'

/** The shortcut rows this toolbar binds; they act on the editor that has the focus. */
const EDITOR_ROWS = (SHORTCUTS as readonly ShortcutSpec[]).filter((s) =>
  ['notes.link', 'notes.heading', 'notes.paragraph', 'notes.numberedList', 'notes.bulletList', 'notes.checkList', 'notes.codeBlock'].includes(s.id)
)

interface Props {
  /** What the toolbar edits ("Note formatting"): two editors are on screen at once. */
  name: string
  /** Buttons only one of the editors has (Insert quote, History). */
  children?: ReactNode
}

/**
 * Every format the notes support, one button each. Keyboard users have the same through
 * ${formatKeys('CmdOrCtrl+B')}, I, Z, Shift+Z, the Notes rows of the shortcut table, and Markdown typed as-is.
 */
export function NoteToolbar({ name, children }: Props) {
  const t = useT()
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

  // Icons, not letters: a visible "H1" that is named "Heading 1" fails label-content-name-mismatch.
  const button = (label: string, title: string, onClick: () => void, Icon: LucideIcon, disabled = false) => (
    <button type="button" onMouseDown={keepFocus} onClick={onClick} title={title} aria-label={label} disabled={disabled}>
      <Icon size={16} aria-hidden="true" focusable="false" />
    </button>
  )

  return (
    <div className="note-toolbar" role="toolbar" aria-label={name}>
      {button(t('notes:toolbar.undo'), t('notes:toolbar.undoTitle', { keys: formatKeys('CmdOrCtrl+Z') }), () => editor.dispatchCommand(UNDO_COMMAND, undefined), Undo2, !canUndo)}
      {button(t('notes:toolbar.redo'), t('notes:toolbar.redoTitle', { keys: formatKeys('CmdOrCtrl+Shift+Z') }), () => editor.dispatchCommand(REDO_COMMAND, undefined), Redo2, !canRedo)}
      <span className="toolbar-gap" />
      {button(t('notes:toolbar.heading1'), t('notes:toolbar.heading1Title', { keys: formatKeys('CmdOrCtrl+Alt+1') }), () => heading('h1'), Heading1)}
      {button(t('notes:toolbar.heading2'), t('notes:toolbar.heading2Title', { keys: formatKeys('CmdOrCtrl+Alt+2') }), () => heading('h2'), Heading2)}
      {button(t('notes:toolbar.heading3'), t('notes:toolbar.heading3Title', { keys: formatKeys('CmdOrCtrl+Alt+3') }), () => heading('h3'), Heading3)}
      {button(t('notes:toolbar.paragraph'), t('notes:toolbar.paragraphTitle', { keys: formatKeys('CmdOrCtrl+Alt+0') }), paragraph, Pilcrow)}
      <span className="toolbar-gap" />
      {button(t('notes:toolbar.bold'), t('notes:toolbar.boldTitle', { keys: formatKeys('CmdOrCtrl+B') }), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), Bold)}
      {button(t('notes:toolbar.italic'), t('notes:toolbar.italicTitle', { keys: formatKeys('CmdOrCtrl+I') }), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), Italic)}
      {button(t('notes:toolbar.inlineCode'), t('notes:toolbar.inlineCodeTitle'), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code'), Code)}
      {button(t('notes:toolbar.link'), t('notes:toolbar.linkTitle', { keys: formatKeys('CmdOrCtrl+K') }), startLink, Link)}
      <span className="toolbar-gap" />
      {button(t('notes:toolbar.bulletList'), t('notes:toolbar.bulletListTitle', { keys: formatKeys('CmdOrCtrl+Alt+8') }), () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined), List)}
      {button(t('notes:toolbar.numberedList'), t('notes:toolbar.numberedListTitle', { keys: formatKeys('CmdOrCtrl+Alt+7') }), () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined), ListOrdered)}
      {button(t('notes:toolbar.checkList'), t('notes:toolbar.checkListTitle', { keys: formatKeys('CmdOrCtrl+Alt+9') }), () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined), ListChecks)}
      {button(t('notes:toolbar.quote'), t('notes:toolbar.quoteTitle'), () => setBlock(() => $createQuoteNode()), Quote)}
      {button(t('notes:toolbar.codeBlock'), t('notes:toolbar.codeBlockTitle', { keys: formatKeys('CmdOrCtrl+Alt+C') }), codeBlock, SquareCode)}
      {button(t('notes:toolbar.rule'), t('notes:toolbar.ruleTitle'), rule, SeparatorHorizontal)}
      {children}
      {linking && (
        <form className="link-form" onSubmit={applyLink}>
          <input
            aria-label={t('notes:toolbar.linkAddress')}
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
          <button type="submit">{t('notes:toolbar.apply')}</button>
        </form>
      )}
    </div>
  )
}
