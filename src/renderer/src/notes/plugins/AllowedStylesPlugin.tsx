import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ParagraphNode, TextNode } from 'lexical'
import { useEffect } from 'react'
import { allowedNoteStyle } from '../../../../shared/notes/note-style'

/**
 * Keeps a pasted or loaded text's inline CSS to what the editor sets itself (note-style.ts), as
 * it arrives, so `position: fixed` or `url(…)` never reaches the page, not even before a save.
 */
export function AllowedStylesPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const offText = editor.registerNodeTransform(TextNode, (node) => {
      const style = node.getStyle()
      if (style && allowedNoteStyle(style) !== style) node.setStyle(allowedNoteStyle(style))
    })
    const offParagraph = editor.registerNodeTransform(ParagraphNode, (node) => {
      const style = node.getStyle()
      if (style && allowedNoteStyle(style) !== style) node.setStyle(allowedNoteStyle(style))
      const textStyle = node.getTextStyle()
      if (textStyle && allowedNoteStyle(textStyle) !== textStyle) node.setTextStyle(allowedNoteStyle(textStyle))
    })
    return () => {
      offText()
      offParagraph()
    }
  }, [editor])
  return null
}
