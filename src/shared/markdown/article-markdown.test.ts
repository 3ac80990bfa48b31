import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Article } from '../domain-types'
import { articleMarkdown } from './article-markdown'

const article = (over: Partial<Article> = {}): Article => ({
  id: '0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b',
  title: 'Harbour pact',
  source: 'The Daily Test',
  url: 'https://news.example.com/pact',
  author: 'Jane Roe',
  publishedAt: '2026-11-03',
  importedAt: '2026-11-04T09:00:00.000Z',
  originalName: 'pact.html',
  document: { version: 1, blocks: [] },
  dateline: null,
  language: null,
  originalType: 'html',
  contentHash: 'hash',
  text: 'irrelevant here',
  tags: ['baltic'],
  ...over
})

/** Tags, comments, processing instructions and declarations left once backslash escapes are removed. */
const htmlIn = (markdown: string) =>
  markdown.replace(/\\[\s\S]/g, '').match(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<\?|<![A-Za-z]/g) ?? []

describe('articleMarkdown', () => {
  it('lays out front matter, heading, source and quoted highlights with their notes', () => {
    const md = articleMarkdown(article(), [
      { id: 'h1', exact: 'First #quote', noteMarkdown: '**Why** it matters' },
      { id: 'h2', exact: 'Second\n\nparagraph', noteMarkdown: null }
    ])
    const [, yaml, body] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(md)!
    expect(parse(yaml!)).toMatchObject({ title: 'Harbour pact', tags: ['baltic'], published: '2026-11-03' })
    expect(body).toBe(
      '\n\n# Harbour pact\n\nSource: <https://news.example.com/pact>\n\n## Highlights\n\n' +
        '> First \\#quote\n\n**Why** it matters\n\n> Second\n>\n> paragraph\n'
    )
  })

  it('shows a url that is not plain http(s) as text, never as an autolink', () => {
    for (const url of ['x> <img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://a.example/with space']) {
      const md = articleMarkdown(article({ url }), [])
      expect(md).not.toContain(`<${url}>`)
      expect(htmlIn(md.split('---\n').slice(2).join('---\n'))).toEqual([])
    }
  })

  it('emits no HTML in the body for any title or quoted text', () => {
    const hostile = fc.string({
      unit: fc.oneof(fc.constantFrom('<', '>', '/', 'b', 'script', '!--', '?', ' ', '\n', '\\', '&', '#'), fc.string({ maxLength: 2 })),
      maxLength: 40
    })
    fc.assert(
      fc.property(hostile, fc.array(hostile, { maxLength: 3 }), (title, quotes) => {
        const md = articleMarkdown(
          article({ title: title.replace(/\s+/g, ' ') }),
          quotes.map((exact, i) => ({ id: String(i), exact, noteMarkdown: null }))
        )
        const body = md.slice(md.indexOf('---\n', 4) + 4)
        expect(htmlIn(body)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})
