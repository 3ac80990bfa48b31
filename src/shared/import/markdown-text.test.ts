import { describe, expect, it } from 'vitest'
import { parseMarkdown } from './markdown-text'

describe('parseMarkdown', () => {
  it('reads metadata from front matter and keeps the body as text', () => {
    const doc = parseMarkdown(
      '\uFEFF---\r\ntitle: Ice pact\r\nauthor: Mira\r\npublished: 2026-11-03\r\nsite: Baltic Times\r\nsource_url: https://e.org/x\r\ntags: "#ice, ports  #ice"\r\n---\r\nBody.\r\n',
      'f.md'
    )
    expect(doc).toEqual({
      title: 'Ice pact',
      text: 'Body.',
      author: 'Mira',
      source: 'Baltic Times',
      url: 'https://e.org/x',
      publishedAt: '2026-11-03',
      tags: ['ice', 'ports']
    })
  })

  it('keeps only http(s) URLs, as HTML imports do', () => {
    const url = (value: string) => parseMarkdown(`---\nurl: "${value}"\n---\nBody.`, 'f.md').url
    expect(url('https://example.org/a b')).toBe('https://example.org/a%20b')
    expect(url('javascript:alert(1)')).toBeNull()
    expect(url('x> <img src=x onerror=alert(1)>')).toBeNull()
  })

  it('accepts "..." as the end of front matter', () => {
    expect(parseMarkdown('---\ntitle: Dots\n...\nBody.', 'f.md')).toMatchObject({ title: 'Dots', text: 'Body.' })
  })

  it('keeps lines that only look like front matter when they are not YAML', () => {
    const doc = parseMarkdown('---\n: : [unclosed\n---\nBody.', 'notes-on-ice.md')
    expect(doc.text).toContain('[unclosed')
    expect(doc.title).toBe('notes on ice')
  })

  it('takes a leading heading as the title, dropping only a closing run of #', () => {
    expect(parseMarkdown('# Learning F#\n\nBody.', 'f.md')).toMatchObject({ title: 'Learning F#', text: 'Body.' })
    expect(parseMarkdown('## Closed heading ##\n\nBody.', 'f.md')).toMatchObject({ title: 'Closed heading', text: 'Body.' })
    expect(parseMarkdown('### C# in 2026   #\n\nBody.', 'f.md').title).toBe('C# in 2026')
  })

  it('leaves a heading that is not the first line in the text', () => {
    const doc = parseMarkdown('Intro line.\n\n# Later heading', 'ice-report.md')
    expect(doc).toMatchObject({ title: 'ice report', text: 'Intro line.\n\n# Later heading' })
  })

  it('accepts numbers for text fields and ignores other shapes', () => {
    const doc = parseMarkdown('---\ntitle: 1984\nauthor: [a, b]\ntags: 7\n---\nBody.', 'f.md')
    expect(doc).toMatchObject({ title: '1984', author: null, tags: [] })
  })
})
