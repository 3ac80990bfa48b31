import { describe, expect, it } from 'vitest'
import { allowedNoteStyle, withAllowedStyles } from './note-style'

const state = (textStyle: string, style: string) =>
  JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          textStyle,
          children: [{ type: 'text', version: 1, text: 'Hello', format: 0, mode: 'normal', detail: 0, style }]
        }
      ]
    }
  })

describe('note styles', () => {
  it('drops the probe’s window-covering and fetching styles from text and paragraphs', () => {
    const hostile = state('background:url(https://evil.example/x.png)', 'position:fixed; width:100vw; height:100vh; top:0; left:0; z-index:99999')
    const cleaned = JSON.parse(withAllowedStyles(hostile))
    const paragraph = cleaned.root.children[0]
    expect(paragraph.textStyle).toBe('')
    expect(paragraph.children[0].style).toBe('')
    expect(paragraph.children[0].text).toBe('Hello')
  })

  it('keeps only properties the editor sets (none today), whatever the spelling', () => {
    for (const css of ['color: red', 'COLOR:red', 'font-size: 400px', 'x: url(a)', 'behavior: url(x.htc)', '-moz-binding: url(x)', ';;', 'color']) {
      expect(allowedNoteStyle(css)).toBe('')
    }
  })

  it('leaves a note without styles, and text that is not JSON, exactly as they were', () => {
    const plain = state('', '')
    expect(withAllowedStyles(plain)).toBe(plain)
    expect(withAllowedStyles('{not json')).toBe('{not json')
  })
})
