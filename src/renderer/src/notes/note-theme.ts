import type { EditorThemeClasses } from 'lexical'

/** Class names for the note editor's nodes; styles.css gives them their look. */
export const noteTheme: EditorThemeClasses = {
  paragraph: 'note-p',
  quote: 'note-quote',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  list: {
    ul: 'note-ul',
    ol: 'note-ol',
    checklist: 'note-checklist',
    listitem: 'note-li',
    listitemChecked: 'note-li-checked',
    listitemUnchecked: 'note-li-unchecked',
    nested: { listitem: 'note-li-nested' }
  },
  link: 'note-link',
  code: 'note-code',
  text: { bold: 'note-bold', italic: 'note-italic', code: 'note-inline-code', underline: 'note-underline' }
}
