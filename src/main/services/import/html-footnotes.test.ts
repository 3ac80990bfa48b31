import { describe, expect, it } from 'vitest'
import type { Block } from '../../../shared/document/article-document'
import { parseHtml } from './html-document'

// Pages written for these tests, in the footnote markup of the tools that make them.
const STORY = [
  'War-risk cover is written for seven days at a time and can be cancelled at short notice by the underwriters.',
  'Two incidents in the approaches to the port pushed the lead underwriters to widen their listed areas that autumn.',
  'The government facility introduced later narrowed the gap between quoted and paid premiums but did not close it.'
]

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed).map((b) => [b.kind, b.text])

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Insurance and the corridor</title></head><body><article><h1>Insurance and the corridor</h1>${body}</article>
    <div class="comments"><h2>Comments</h2><p>Great piece, thanks for writing it.</p></div></body></html>`
}

describe('footnotes on a web page', () => {
  it('reads Pandoc’s notes: the reference as [1], the note after the story without its back link', () => {
    const html = page(`<p>${STORY[0]}<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
      <p>${STORY[1]}<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p><p>${STORY[2]}</p>
      <section class="footnotes" role="doc-endnotes"><hr /><ol>
        <li id="fn1"><p>Interview with a London broker, 12 November.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
        <li id="fn2"><p>Rate sheets seen by the author, October to December.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
      </ol></section>`)
    const { document } = parseHtml(html, 'pandoc.html')
    expect(kept(document.blocks)).toEqual([
      ['paragraph', `${STORY[0]}[1]`],
      ['paragraph', `${STORY[1]}[2]`],
      ['paragraph', STORY[2]],
      ['footnote', '[1] Interview with a London broker, 12 November.'],
      ['footnote', '[2] Rate sheets seen by the author, October to December.']
    ])
  })

  it('reads a CMS’s raised links to a notes list, and a note whose target is only its number', () => {
    const html = page(`<p>${STORY[0]}<sup><a href="#note-1">1</a></sup></p><p>${STORY[1]}<a class="footnote-anchor" href="#footnote-2">2</a></p><p>${STORY[2]}</p>
      <ol class="notes"><li id="note-1">1. Interview with a London broker, 12 November.</li></ol>
      <div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>Rate sheets seen by the author.</p></div></div>`)
    const blocks = kept(parseHtml(html, 'cms.html').document.blocks)
    expect(blocks.slice(0, 3)).toEqual([
      ['paragraph', `${STORY[0]}[1]`],
      ['paragraph', `${STORY[1]}[2]`],
      ['paragraph', STORY[2]]
    ])
    expect(blocks.slice(3)).toEqual([
      ['footnote', '[1] Interview with a London broker, 12 November.'],
      ['footnote', '[2] Rate sheets seen by the author.']
    ])
  })

  it('leaves a numbered table of contents, pagination and a link to a section alone', () => {
    const html = page(`<ol class="toc"><li><a href="#s1">1</a> Cover</li><li><a href="#s2">2</a> Premiums</li></ol>
      <div class="pages"><a href="#slide-2">2</a> <a href="#slide-3">3</a></div><div id="slide-2"><p>Tanker at anchor.</p></div><div id="slide-3"><p>Pilot boat.</p></div>
      <h2 id="s1">Cover</h2><p>${STORY[0]}</p><h2 id="s2">Premiums</h2><p>${STORY[1]} See <a href="#more">3</a>.</p>
      <div id="more"><p>${STORY[2]}</p><p>${STORY[2]} ${STORY[1]} ${STORY[0]}</p><h3>Further</h3><p>${STORY[0]}</p></div>`)
    const { document, text } = parseHtml(html, 'toc.html')
    expect(document.blocks.some((b) => b.kind === 'footnote')).toBe(false)
    expect(text).toContain(`${STORY[1]} See 3.`)
    expect(document.blocks.map((b) => b.text)).toEqual(expect.arrayContaining(['1 Cover', '2 Premiums', 'Tanker at anchor.', 'Pilot boat.']))
  })
  it('sets the authors’ note aside above three footnotes too', () => {
    const notes = [1, 2, 3].map((n) => `<li id="fn${n}">Source number ${n} of the post, seen by the author.</li>`).join('')
    const html = `<!doctype html><html lang="en"><head><title>Insurance</title><meta name="author" content="Karin Voss"></head><body><article><h1>Insurance</h1>
      ${STORY.map((p, i) => `<p>${p}<a href="#fn${i + 1}">${i + 1}</a></p>`).join('')}
      <p><em>Karin Voss writes about shipping and insurance from Hamburg.</em></p><ol class="footnotes">${notes}</ol></article></body></html>`
    const { document } = parseHtml(html, 'voss.html')
    expect(document.blocks.find((b) => b.text.startsWith('Karin Voss writes'))?.removed?.reason).toBe('about the author')
    expect(document.blocks.filter((b) => b.kind === 'footnote' && !b.removed)).toHaveLength(3)
  })
})
