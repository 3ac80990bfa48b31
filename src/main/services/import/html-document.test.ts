import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentText, type Block } from '../../../shared/document/article-document'
import { DossierError } from '../../../shared/errors'
import { canonicalText } from '../../../shared/text/canonical-text'
import { parseHtml, parseHtmlWholeText } from './html-document'
import { METADATA } from '../../../shared/cleaning/metadata-lines'
import { CHROME } from '../../../shared/cleaning/chrome-rules'

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8')

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed)
const keptText = (blocks: Block[]) => kept(blocks).map((b) => b.text).join('\n')
const removedWith = (blocks: Block[], text: string) => blocks.find((b) => b.removed && b.text.includes(text))?.removed?.reason

/** Every block is canonical on its own: what documentText joins must already be canonical. */
function expectCanonical(blocks: Block[]) {
  for (const b of blocks) {
    expect(b.text).not.toBe('')
    expect(canonicalText(b.text)).toBe(b.text)
    expect(b.text).toBe(b.text.normalize('NFC'))
    if (b.kind !== 'table') expect(b.text.trim()).toBe(b.text)
    for (const m of b.marks ?? []) {
      expect(m.start).toBeGreaterThanOrEqual(0)
      expect(m.end).toBeLessThanOrEqual(b.text.length)
      expect(m.end).toBeGreaterThan(m.start)
    }
  }
}

describe('parseHtml: a news page', () => {
  const doc = parseHtml(fixture('news-page.html'), 'rota.html')
  const blocks = doc.document.blocks

  it('finds the metadata in meta tags, JSON-LD, <link> and <html lang>', () => {
    expect(doc).toMatchObject({
      title: 'Baltic ports agree a shared icebreaker rota',
      // JSON-LD names people (one through its @graph @id); article:author here is a profile URL.
      author: 'Mira Kalnins, Andris Ozols',
      source: 'The Harbour Ledger',
      url: 'https://ledger.example.com/2026/11/icebreaker-rota',
      publishedAt: '2026-11-03T08:15:00+02:00',
      language: 'en-GB',
      dateline: null,
      tags: []
    })
    expect(doc.text).toBe(documentText(doc.document))
  })

  it('keeps every body sentence, with its structure and marks', () => {
    const text = keptText(blocks)
    for (const sentence of [
      'Port operators along the eastern Baltic agreed on Tuesday to share four icebreakers',
      'The deal, seen by The Harbour Ledger, lets any signatory call on the nearest vessel',
      '“Nobody wants to be the port that closes for a week in February,” said Andris Ozols',
      'Insurers have quietly pushed for the arrangement since premiums for winter sailings rose',
      'Meteorologists expect a colder season than the last two'
    ]) {
      expect(text).toContain(sentence)
    }
    expect(kept(blocks).find((b) => b.kind === 'heading')).toMatchObject({ text: 'Insurers pushed for the pact' })
    expect(kept(blocks).find((b) => b.kind === 'caption')?.text).toBe('The icebreaker Varma clears a lane off Riga in February 2025.')
    const first = kept(blocks)[0]!
    expect(first.marks).toEqual([{ type: 'strong', start: first.text.indexOf('four icebreakers'), end: first.text.indexOf('four icebreakers') + 16 }])
    // A relative link is resolved against the canonical URL.
    const quote = kept(blocks).find((b) => b.text.startsWith('“Nobody'))!
    expect(quote.marks).toEqual([{ type: 'link', start: quote.text.indexOf('Riga'), end: quote.text.indexOf('Riga') + 4, href: 'https://ledger.example.com/places/riga' }])
    expectCanonical(blocks)
  })

  it('removes chrome: what survives extraction stays as removed blocks with a reason', () => {
    const text = keptText(blocks)
    for (const chrome of ['cookies', 'NAV_ITEM', 'Share on Facebook', 'Advertisement', 'Morning Ledger', 'daily newsletter', 'Grain ships wait', 'COMMENT_TEXT', 'SIDEBAR_LINK', '© 2026', 'Email address', 'TRACKING_SCRIPT', 'STYLE_PAYLOAD', 'IMG_ONERROR', 'CLICK_TRACKING']) {
      expect(text).not.toContain(chrome)
    }
    expect(removedWith(blocks, 'Advertisement')).toBe('advertisement')
    expect(removedWith(blocks, 'Sign up for our daily newsletter')).toBe('site chrome: newsletter prompt')
    expect(removedWith(blocks, 'Grain ships wait out the first storm')).toBe('site chrome: related links')
    for (const b of blocks) if (b.removed) expect(b.removed.reason).not.toBe('')
  })
})

describe('parseHtml: a think-tank brief', () => {
  const doc = parseHtml(fixture('think-tank-brief.html'), 'brief.html')
  const blocks = kept(doc.document.blocks)

  it('sets the headline above the story aside as the title, not deleting it', () => {
    expect(doc.document.blocks[0]).toMatchObject({ kind: 'heading', removed: { reason: 'title' }, text: doc.title })
  })

  it('reads Highwire and Dublin Core metadata', () => {
    expect(doc).toMatchObject({
      title: 'Winter Navigation in the Baltic: Options for a Shared Icebreaking Regime',
      author: 'Laura Berzina',
      source: 'Nordic Policy Institute',
      url: 'https://npi.example.org/briefs/14',
      publishedAt: '2026-03-04',
      language: 'en'
    })
  })

  it('keeps headings with levels, nested and numbered lists, quote, table, code and captions', () => {
    const shape = blocks.map((b) => [b.kind, b.level ?? null, b.ordered ?? null, b.text.slice(0, 24)])
    expect(shape).toContainEqual(['heading', 2, null, '1. Background'])
    expect(shape).toContainEqual(['heading', 3, null, '1.1 The current arrangeme'.slice(0, 24)])
    expect(shape).toContainEqual(['list-item', 0, true, 'who may request assistan'])
    expect(shape).toContainEqual(['list-item', 0, true, 'how requests are ranked '])
    expect(shape).toContainEqual(['list-item', 1, false, 'by ship size in Finland,'])
    expect(shape).toContainEqual(['list-item', 0, true, 'and who pays for the esc'])
    expect(blocks.find((b) => b.kind === 'blockquote')?.text).toBe('A shared regime is less a question of ships than of trust between the coastal administrations.')
    expect(blocks.find((b) => b.kind === 'caption')?.text).toBe('Table 1. Icebreaker fleets and escort hours, winter 2025')
    const table = blocks.find((b) => b.kind === 'table')!
    // The empty last cell of Estonia's row is dropped: a row may not end in a tab.
    expect(table.text).toBe('State\tVessels\tEscort hours\nFinland\t8\t4,100\nSweden\t5\t2,950\nEstonia\t2')
    expect(table.marks).toEqual([{ type: 'strong', start: table.text.indexOf('4,100'), end: table.text.indexOf('4,100') + 5 }])
    // Blank lines inside code are dropped: a blank line would split the block.
    expect(blocks.find((b) => b.kind === 'code')?.text).toBe('rate(2025) = 1 850 EUR/h\nrate(2026) = 1 920 EUR/h')
    const formula = blocks.find((b) => b.text.startsWith('Running costs'))!
    expect(formula.marks).toEqual([{ type: 'code', start: formula.text.indexOf('cost ='), end: formula.text.indexOf('cost =') + 'cost = hours × rate'.length }])
    expectCanonical(doc.document.blocks)
  })

  it('keeps a "Key points" box as editorial blocks', () => {
    const box = doc.document.blocks.filter((b) => b.kind === 'editorial')
    expect(box.map((b) => b.text)).toEqual([
      'Key points',
      'Four states operate icebreakers under separate national rules.',
      'A pooled fleet would cut average waiting times in severe winters.'
    ])
  })

  it('links only to http(s) and mailto targets, resolving relative ones', () => {
    const marks = blocks.flatMap((b) => b.marks ?? []).filter((m) => m.type === 'link')
    expect(marks.map((m) => m.href)).toEqual(['https://npi.example.org/annex/a', 'mailto:briefs@npi.example.org'])
    expect(keptText(blocks)).toContain('and this broken link.')
  })
})

describe('parseHtml: hostile markup', () => {
  const html = fixture('hostile.html')
  const doc = parseHtml(html, 'hostile.html')
  const all = doc.document.blocks

  it('keeps the body sentences', () => {
    const text = keptText(all)
    for (const n of ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT']) expect(text).toContain(`BODY_${n}`)
    expect(text).toContain('a < b and 3 <4, while <3 of the ports objected')
  })

  it('lets no script, handler, payload or markup through, kept or removed', () => {
    const strings = [...all.map((b) => b.text), doc.title, doc.author ?? '', doc.source ?? '', doc.url ?? '']
    for (const s of strings) {
      expect(s).not.toMatch(/PAYLOAD|javascript:|vbscript:|data:text|on(?:error|load|click)\s*=|<\s*\/?\s*(?:script|img|iframe|svg|style|math|object|embed|base|meta|form|input|textarea)\b/i)
    }
    expect(doc.url).toBeNull()
  })

  it('gives marks only http(s) or mailto targets', () => {
    const hrefs = all.flatMap((b) => b.marks ?? []).filter((m) => m.type === 'link').map((m) => m.href)
    expect(hrefs).toEqual(['https://ok.example.org/safe'])
    for (const b of all) for (const m of b.marks ?? []) if (m.type !== 'link') expect(m.href).toBeUndefined()
  })

  it('reads no markup out of comments, processing instructions or XML-shaped attributes (the page is never serialized)', () => {
    const story = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i} of the port story, long enough and with commas, sentences and words to be the article.</p>`).join('\n')
    const page = `<html><head><title>Port</title></head><body><article>
      <!-- <img src=x onerror=alert('PAYLOAD')> --><?xml-stylesheet href="javascript:alert('PAYLOAD')"?>
      ${story}
      <p patchsrc="javascript:PAYLOAD" for="x">Closing <label for="y">line</label> of the story.<!--</p><script>PAYLOAD</script>--></p>
      <div class="x" title="</style><img src=x onerror=PAYLOAD>"><![CDATA[<img src=x onerror=PAYLOAD>]]></div>
    </article></body></html>`
    const doc = parseHtml(page, 'xml.html')
    for (const s of doc.document.blocks.map((b) => b.text)) expect(s).not.toMatch(/PAYLOAD|<\s*\/?\s*(?:script|img|style)\b|javascript:/i)
    expect(doc.text).toContain('Paragraph 3 of the port story')
    expect(doc.text).toContain('Closing')
  })

  it('does not let a </noscript> inside an attribute swallow the page', () => {
    const page = `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>
      <p>The article body after the noscript must survive sanitizing, all of it, and stay readable for the analyst.</p>`
    expect(parseHtml(page, 'n.html').text).toBe('The article body after the noscript must survive sanitizing, all of it, and stay readable for the analyst.')
  })
})

describe('parseHtml: pages without an article', () => {
  it('asks before importing a page of links, and parseHtmlWholeText imports them', () => {
    const html = fixture('links-only.html')
    let error: unknown
    try {
      parseHtml(html, 'sections.html')
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(DossierError)
    expect(error).toMatchObject({ code: 'no_article', message: 'sections.html: no article text was found on this page; import its whole text instead?' })
    const whole = parseHtmlWholeText(html, 'sections.html')
    expect(whole.title).toBe('Baltic Ledger — Sections')
    expect(whole.document.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['list-item', 'World news from the Nordic and Baltic states'],
      ['list-item', 'Business, shipping and energy markets'],
      ['list-item', 'Opinion and analysis from our columnists'],
      ['list-item', 'Sport results and fixtures'],
      ['list-item', 'Culture, books and music']
    ])
  })

  it('imports a short page whose whole text is what was extracted', () => {
    const doc = parseHtml('<html><head><title>Note</title></head><body><p>One short line.</p></body></html>', 'note.html')
    expect(doc).toMatchObject({ title: 'Note', text: 'One short line.' })
  })

  it('returns no text for a page with none, for the caller to reject as empty', () => {
    for (const page of ['', '<body><script>x()</script><img src=a></body>', '<html><frameset><frame src="a.html"></frameset></html>', '<svg><text>only svg</text></svg>']) {
      expect(parseHtml(page, 'empty.html').text).toBe('')
      expect(parseHtmlWholeText(page, 'empty.html').text).toBe('')
    }
  })

  it('reads bare text without any markup', () => {
    expect(parseHtml('Just a line of text, typed into a file that happens to end in .html.', 'bare.html').text).toBe(
      'Just a line of text, typed into a file that happens to end in .html.'
    )
  })
})

describe('parseHtml: blocks', () => {
  const blocksOf = (body: string) => parseHtmlWholeText(`<body>${body}</body>`, 'b.html').document.blocks

  it('collapses white space as a browser does and keeps <br> as a line break', () => {
    expect(blocksOf('<p>  Ports \n\t met\u00a0 on <b> Tuesday </b>.<br>  Next line<br><br>New para </p>')).toEqual([
      { kind: 'paragraph', text: 'Ports met on Tuesday .\nNext line', marks: [{ type: 'strong', start: 13, end: 20 }] },
      { kind: 'paragraph', text: 'New para' }
    ])
  })

  it('reads inline text around blocks as paragraphs, in order', () => {
    expect(blocksOf('<div>Loose text <em>here</em><p>A paragraph.</p>tail</div>').map((b) => b.text)).toEqual(['Loose text here', 'A paragraph.', 'tail'])
  })

  it('keeps the paragraphs of one list item in one block, a line apart', () => {
    expect(blocksOf('<ul><li><p>First para.</p><p>Second para.</p><ul><li>Deeper</li></ul></li></ul>')).toEqual([
      { kind: 'list-item', level: 0, ordered: false, text: 'First para.\nSecond para.' },
      { kind: 'list-item', level: 1, ordered: false, text: 'Deeper' }
    ])
  })

  it('composes text to NFC', () => {
    expect(blocksOf('<p>Cafe\u0301 Noe\u0308l</p>')[0]!.text).toBe('Café Noël')
  })

  it('reads a layout table as the paragraphs it holds', () => {
    expect(blocksOf('<table><tr><td><p>First column text.</p></td><td><p>Second column text.</p></td></tr></table>').map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'First column text.'],
      ['paragraph', 'Second column text.']
    ])
  })

  it('keeps a leading empty cell, so columns stay aligned', () => {
    expect(blocksOf('<table><tr><th></th><th>2025</th></tr><tr><td>Riga</td><td>4</td></tr></table>')).toEqual([{ kind: 'table', text: '\t2025\nRiga\t4' }])
  })
})

describe('parseHtml on random markup', () => {
  const TAGS = ['p', 'div', 'span', 'b', 'em', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'h2', 'figure', 'figcaption', 'br', 'script', 'style', 'svg', 'math', 'noscript', 'template', 'iframe', 'textarea', 'form', 'aside', 'footer', 'nav']
  const ATTRS = ['', ' href="javascript:alert(1)"', ' href="https://e.org/x"', ' href="/rel"', ' href="mailto:a@e.org"', ' onclick="alert(1)"', ' class="share-bar"', ' title="</noscript><img src=x onerror=alert(1)>"']
  const TEXT = ['Port talks resume.', ' ', '\n', '\u00a0', 'e\u0301', '&lt;b&gt;', '&amp;', '<', '>', '😀', 'Share', '\t']
  const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...TEXT),
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 4 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`)
    )
  })).node

  it('always yields canonical blocks, in-range marks and safe links', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), (parts) => {
        const html = `<html><head><link rel="canonical" href="https://e.org/page"></head><body>${parts.join('')}</body></html>`
        for (const parse of [parseHtmlWholeText, parseHtml]) {
          let doc
          try {
            doc = parse(html, 'r.html')
          } catch (err) {
            expect(err).toMatchObject({ code: 'no_article' })
            continue
          }
          expectCanonical(doc.document.blocks)
          expect(doc.text).toBe(documentText(doc.document))
          for (const b of doc.document.blocks) {
            expect(b.text).not.toMatch(/alert\(1\)|onerror/)
            for (const m of b.marks ?? []) if (m.type === 'link') expect(m.href).toMatch(/^(?:https:\/\/e\.org\/|mailto:a@e\.org$)/)
          }
        }
      }),
      { numRuns: 150 }
    )
  })
})

describe('parseHtml: what extraction leaves out is listed as removed text (issue 15 item 3)', () => {
  const doc = parseHtml(fixture('news-page.html'), 'rota.html')
  const removed = (reason: string) => doc.document.blocks.filter((b) => b.removed?.reason === reason).map((b) => b.text)

  it('lists the navigation, cookie banner, comments, related links and footer with their reasons', () => {
    expect(removed('site chrome: cookie banner')).toEqual(['We use cookies to improve your experience on our site.'])
    expect(removed('site chrome: navigation').join(' ')).toContain('Business')
    expect(removed('site chrome: comments').join(' ')).toContain('This is exactly what the small ports needed')
    expect(removed('site chrome: related links').join(' ')).toContain('Crew shortage hits Baltic tug operators')
    expect(removed('site chrome: related links').join(' ')).toContain('Ferry fares rise again')
    expect(removed('site chrome: footer').join(' ')).toContain('All rights reserved')
    expect(removed('outside the article')).toContain('The Harbour Ledger')
  })

  it('names the headline, byline and date taken out with the chrome for what they are', () => {
    expect(removed('title')).toEqual(['Baltic ports agree a shared icebreaker rota'])
    expect(removed('byline')).toEqual(['By Mira Kalnins'])
  })

  it('keeps the page in reading order and none of the removed text in the article text', () => {
    const texts = doc.document.blocks.map((b) => b.text)
    expect(texts.indexOf('We use cookies to improve your experience on our site.')).toBe(0)
    expect(texts.findIndex((t) => t.includes('All rights reserved'))).toBeGreaterThan(texts.findIndex((t) => t.startsWith('Meteorologists')))
    for (const marker of ['cookies', 'NAV_ITEM', 'COMMENT_TEXT', 'SIDEBAR_LINK', 'All rights reserved']) expect(doc.text).not.toContain(marker)
  })

  it('leaves menus out of a page imported as its whole text, as before', () => {
    const whole = parseHtmlWholeText(fixture('news-page.html'), 'rota.html')
    expect(whole.text).not.toContain('NAV_ITEM')
  })
})

describe('related headlines under a label inside the story', () => {
  const STORY = [
    'Dock workers at the northern terminal voted on Tuesday to extend their strike into a third week, the union said.',
    'The port authority said that container traffic had fallen by a third since the walkout began last month.',
    'Talks between the union and the operators are expected to resume after the weekend, according to officials.',
    'Shipping lines have started to divert vessels to neighbouring ports, where queues are growing by the day.'
  ]
  const HEADLINES = ['Rail freight operators warn of a winter backlog', 'Why the canal tolls keep rising', 'Shipyard orders hit a ten-year high in Gdynia']

  it('takes the headlines after a "Most read" paragraph as related links, restorable', () => {
    const html = `<!doctype html><html><head><title>Port strike enters third week</title></head><body><article>
      <h1>Port strike enters third week</h1>
      ${STORY.map((p) => `<p>${p}</p>`).join('\n')}
      <p><strong>Most read</strong></p>
      ${HEADLINES.map((h) => `<p><a href="https://news.example/${encodeURIComponent(h)}">${h}</a></p>`).join('\n')}
    </article></body></html>`
    const doc = parseHtml(html, 'strike.html')
    const removed = doc.document.blocks.filter((b) => b.removed?.reason === 'site chrome: related links').map((b) => b.text)
    expect(removed).toEqual(expect.arrayContaining(HEADLINES))
    for (const headline of HEADLINES) expect(doc.text).not.toContain(headline)
    for (const paragraph of STORY) expect(doc.text).toContain(paragraph)
  })
})

describe('boxes named like chrome that hold the story', () => {
  // Written for this test: a short regional report whose body sits in the publisher's paywall box.
  const BODY = [
    'Die Stadtwerke Kölnbach haben am Montag angekündigt, die Preise für Fernwärme zum 1. Januar deutlich anzuheben.',
    'Als Grund nannte das Unternehmen gestiegene Beschaffungskosten für Gas sowie Investitionen in das Leitungsnetz.',
    'Der Mieterverein kritisierte die Ankündigung scharf. Die Erhöhung treffe vor allem Haushalte mit geringem Einkommen.'
  ]
  const page = (story: string, extra = '') => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadtwerke erhöhen Fernwärmepreise – Rheinische Rundschau</title></head><body>
    <nav><ul><li><a href="/">Startseite</a></li><li><a href="/region">Region</a></li></ul></nav>
    <div class="article-container"><h1>Stadtwerke erhöhen Fernwärmepreise um 18 Prozent</h1>${story}${extra}</div>
    <footer>Impressum · Datenschutz · Kontakt</footer></body></html>`

  it('keeps a short story wrapped in a "paywall-teaser" box, and still removes the related box beside it', () => {
    const related = `<div class="teaser-box"><a href="/heizkosten">Wie Sie Ihre Heizkosten senken können</a> <a href="/strom">Strompreise im Vergleich</a></div>`
    const doc = parseHtml(page(`<div class="paywall-teaser">${BODY.map((p) => `<p>${p}</p>`).join('')}</div>`, related), 'fernwaerme.html')
    for (const paragraph of BODY) expect(doc.text).toContain(paragraph)
    expect(removedWith(doc.document.blocks, 'Heizkosten senken')).toBe('site chrome: related links')
  })

  it('takes the publisher from the page title and the title from the headline, and sets the German byline aside', () => {
    const byline = '<p class="meta">Von Jonas Brückner | 2. Dezember 2026, 06:00 Uhr</p>'
    const doc = parseHtml(page(byline + BODY.map((p) => `<p>${p}</p>`).join('')), 'fernwaerme.html')
    expect(doc).toMatchObject({ title: 'Stadtwerke erhöhen Fernwärmepreise um 18 Prozent', source: 'Rheinische Rundschau', author: 'Jonas Brückner' })
    expect(doc.text).not.toContain('Jonas Brückner')
    expect(removedWith(doc.document.blocks, 'Jonas Brückner')).toBeDefined()
  })

  it('keeps a lead paragraph its CMS calls the "teaser"', () => {
    const lead = 'Rund 42.000 Haushalte im Stadtgebiet zahlen vom Januar an deutlich mehr für ihre Heizung, teilten die Stadtwerke mit.'
    const doc = parseHtml(page(`<p class="article-teaser">${lead}</p>${BODY.map((p) => `<p>${p}</p>`).join('')}`), 'fernwaerme.html')
    expect(doc.text).toContain(lead)
  })

  it('still removes a sign-up box and a box of headline links', () => {
    const story = BODY.map((p) => `<p>${p}</p>`).join('')
    const signup = '<div class="newsletter"><p>Der Morgen-Newsletter: jeden Tag um sechs in Ihrem Postfach.</p><button>Abonnieren</button></div>'
    const teasers = `<div class="teasers"><p><a href="/a">Neue Buslinie ab März im Norden der Stadt unterwegs</a> Die Verkehrsbetriebe erweitern ihr Angebot.</p><p><a href="/b">Schwimmbad bleibt bis Ostern wegen Sanierung geschlossen</a> Die Arbeiten dauern länger.</p></div>`
    const doc = parseHtml(page(story, signup + teasers), 'fernwaerme.html')
    expect(removedWith(doc.document.blocks, 'Morgen-Newsletter')).toBe('site chrome: newsletter prompt')
    expect(removedWith(doc.document.blocks, 'Neue Buslinie')).toBe('site chrome: related links')
    for (const paragraph of BODY) expect(doc.text).toContain(paragraph)
  })
})

describe('metadata a page says only in its text', () => {
  it('reads the authors and date of a report\'s credit line, and sets the line aside', () => {
    // Written for this test: a think tank's brief saved without meta tags.
    const html = `<!doctype html><html lang="en"><head><title>Critical Minerals — Policy Brief No. 14</title></head><body><div class="report">
      <h1>Critical Minerals</h1>
      <p class="subtitle">Policy Brief No. 14 · Amara Castellanos and Teo Virtanen · 15 October 2026</p>
      <p>Refining capacity for four of six critical minerals is concentrated in a single country, this brief finds.</p>
      <p>Stockpiles held by importing states cover less than ninety days of demand at current rates of use.</p>
    </div></body></html>`
    const doc = parseHtml(html, 'brief.html')
    expect(doc).toMatchObject({ author: 'Amara Castellanos and Teo Virtanen', publishedAt: '2026-10-15' })
    expect(removedWith(doc.document.blocks, 'Policy Brief No. 14 ·')).toBe(METADATA.byline)
    expect(doc.text).toContain('Refining capacity for four of six critical minerals')
  })

  it('takes the author from a "By" line when the markup names none', () => {
    const html = `<!doctype html><html><head><title>Ferries return</title></head><body><article><h1>Ferries return</h1>
      <p>By Mira Kalnins | 3 November 2026</p>
      <p>Ferries returned to the northern route on Monday after two weeks of storms kept them in port.</p>
      <p>Operators said the timetable would be back to normal by the end of the week, weather permitting.</p>
    </article></body></html>`
    expect(parseHtml(html, 'ferries.html')).toMatchObject({ author: 'Mira Kalnins', publishedAt: '2026-11-03' })
  })
})

describe('a regional site’s page with no metadata in its head', () => {
  // Written for this test: the byline box above the story holds the names and the date on two
  // lines, the note on the authors sits under the story, and the story opens with a dateline.
  const story = [
    'HELSINKI, Finland (NP) — Icebreakers cleared a channel into the port of Kotka on Wednesday after ten days in which no cargo ship could reach its quays.',
    'The port authority said about forty vessels were waiting at anchor in the gulf, some of them for more than a week.',
    'Pilots worked double shifts to bring the first tankers in before the wind turned and the ice closed the channel again.'
  ]
  const html = `<!doctype html><html lang="en"><head><title>Icebreakers reopen the channel to Kotka | Nordic Press</title></head><body>
    <div class="nav"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></div>
    <div class="wrap"><h1>Icebreakers reopen the channel to Kotka</h1>
    <div class="meta"><span>By <a href="/a/lk">Liisa Korhonen</a> and <a href="/a/ps">Pekka Salo</a></span><br><span>Published 7:05 AM, March 4, 2026</span></div>
    <div class="txt">${story.map((p) => `<p>${p}</p>`).join('')}</div>
    <p class="bio"><i>Liisa Korhonen is a correspondent covering Finland and the Baltic. Pekka Salo reports on transport.</i></p></div>
    <div class="foot">© 2026 Nordic Press. All rights reserved.</div></body></html>`
  const doc = parseHtml(html, 'kotka.html')

  it('reads the authors and date from the byline box above the story', () => {
    expect(doc).toMatchObject({ author: 'Liisa Korhonen and Pekka Salo', publishedAt: '2026-03-04T07:05:00', dateline: 'HELSINKI, Finland (NP)' })
    expect(removedWith(doc.document.blocks, 'By Liisa Korhonen and Pekka Salo')).toBe(METADATA.byline)
  })

  it('sets the note on the authors aside and keeps the story whole', () => {
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual(story)
    expect(removedWith(doc.document.blocks, 'Liisa Korhonen is a correspondent')).toBe(METADATA.authorBio)
  })
})

describe('pages of older and other shapes', () => {
  it('reads a page laid out in a table, its paragraphs parted by blank lines, as paragraphs', () => {
    // Written for this test, in the markup of a small site of 2005.
    const PARAS = [
      'The Port Harbor Commission voted 5-2 on Tuesday night to approve a $14 million dredging plan for the inner channel.',
      'Commissioners said the project would allow larger cargo vessels to reach the north terminal at low tide.',
      'Opponents argued that dredging would disturb shellfish beds near the breakwater, and asked for a later start.'
    ]
    const html = `<html><head><title>Harbor Commission Approves Dredging Plan</title></head><body><table width="100%"><tr>
      <td width="150"><a href="/">Home</a><br><a href="/news">News</a></td>
      <td><font size="4"><b>Harbor Commission Approves Dredging Plan</b></font><br><br>${PARAS.join('<br><br>\n')}</td></tr></table></body></html>`
    const doc = parseHtml(html, 'dredging.html')
    expect(doc.document.blocks.some((b) => b.kind === 'table')).toBe(false)
    for (const paragraph of PARAS) expect(kept(doc.document.blocks).map((b) => b.text)).toContain(paragraph)
  })

  it('keeps a data table with long cells a table', () => {
    const long = 'The option would pool coast guard vessels and share satellite tracking data among the four states, at a cost the ministries have not yet agreed on. '.repeat(3)
    const rows = ['A', 'B', 'C', 'D', 'E'].map((k) => `<tr><td>Option ${k}</td><td>${long}</td></tr>`).join('')
    const html = `<!doctype html><html><head><title>Options</title></head><body><article><h1>Options</h1>
      <p>The ministries weighed five options for the patrols before the meeting in Warsaw on Friday.</p>
      <table><tr><th>Option</th><th>What it means</th></tr>${rows}</table>
      <p>None of the options has been costed in full, the draft says, and a decision is due in March.</p></article></body></html>`
    expect(parseHtml(html, 'options.html').document.blocks.filter((b) => b.kind === 'table')).toHaveLength(1)
  })

  it('takes the names of a byline box whose lines ran together, without the place of reporting', () => {
    const html = `<!doctype html><html><head><title>Arctic lanes</title></head><body><article><h1>Arctic lanes</h1>
      <div class="byline"><p>Hanna Lindqvist and Omar Haddad</p><p>Reporting from Tromso, Norway</p></div>
      <p>For most of the last century, the Arctic Ocean was a place ships avoided. Now it is becoming a place they race to.</p>
      <p>Shipping companies are investing billions in ice-class vessels, ports and satellite systems along the route.</p>
    </article></body></html>`
    expect(parseHtml(html, 'arctic.html').author).toBe('Hanna Lindqvist and Omar Haddad')
  })

  it('takes the author from a French byline without its "Par"', () => {
    const html = `<!doctype html><html lang="fr"><head><title>Les ports bretons se préparent</title></head><body><article>
      <h1>Les ports bretons se préparent</h1><span class="author">Par Claire Dubois</span>
      <p>À Lorient, les chalutiers sont restés à quai lundi matin, dans l’attente des décisions sur les quotas.</p>
      <p>Le comité régional des pêches demande une aide d’urgence à l’État, qui n’a pas encore répondu.</p>
    </article></body></html>`
    expect(parseHtml(html, 'ports.html').author).toBe('Claire Dubois')
  })

  it('reads a Japanese page: the publisher after a full-width bar, the headline, the date line', () => {
    // Written for this test.
    const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>港湾スト、3週目に突入 物流に影響広がる｜北海日報</title></head><body>
      <article><h1>港湾スト、3週目に突入 物流に影響広がる</h1><p>2026年12月5日 7時30分</p>
      <p>北部の港湾労働者によるストライキが5日、3週目に入った。組合によると、コンテナの取扱量は前月比で約3割減少している。</p>
      <p>港湾局は週明けにも労使の協議を再開する方針を示したが、組合側は賃上げ幅をめぐって譲歩しない構えだ。</p></article></body></html>`
    const doc = parseHtml(html, 'kowan.html')
    expect(doc).toMatchObject({ title: '港湾スト、3週目に突入 物流に影響広がる', source: '北海日報', publishedAt: '2026-12-05T07:30:00' })
    expect(doc.text.startsWith('北部の港湾労働者')).toBe(true)
  })

  it('reads the date line of a French or German page, and sets it aside', () => {
    const page = (lang: string, dateLine: string) => `<!doctype html><html lang="${lang}"><head><title>Hafen</title></head><body><article>
      <h1>Hafen</h1><p>${dateLine}</p>
      <p>Der Hafen bleibt wegen des Sturms bis Donnerstag geschlossen, teilte die Behörde am Morgen mit.</p>
      <p>Die Fähren nach Norden fahren nach einem Ersatzfahrplan, der im Internet veröffentlicht wurde.</p>
    </article></body></html>`
    for (const [lang, line, iso] of [['fr', 'Publié le 3 décembre 2026 à 07h30', '2026-12-03T07:30:00'], ['de', 'Veröffentlicht am 2. Dezember 2026', '2026-12-02']] as const) {
      const doc = parseHtml(page(lang, line), 'hafen.html')
      expect(doc.publishedAt).toBe(iso)
      expect(removedWith(doc.document.blocks, line)).toBe(METADATA.published)
    }
  })
})

describe('interviews, press releases and wiki pages', () => {
  it('reads an interview’s credit and date, and sets its pull quote aside with the answer kept', () => {
    // Written for this test: a regional paper's interview with a pull quote set in the flow.
    const answer = 'There were forecasts of a dry spring, yes. We treated it as a risk to watch rather than a risk to act on. That was a mistake.'
    const html = `<!doctype html><html lang="en"><head><title>'We underestimated the drought' - Valley Courier</title></head><body><div class="post">
      <h1>'We underestimated the drought'</h1>
      <div class="meta">Interview by Tomas Verhoeven<br>Published 12 November 2025</div>
      <p><strong>Courier:</strong> Critics say the board had warnings as early as March. Were they right to say so?</p>
      <p><strong>Lindqvist:</strong> ${answer}</p>
      <blockquote class="pull">“We treated it as a risk to watch rather than a risk to act on.”</blockquote>
      <p><strong>Courier:</strong> What will be different next year, when the reservoirs are low again in June?</p>
    </div></body></html>`
    const doc = parseHtml(html, 'interview.html')
    expect(doc).toMatchObject({ author: 'Tomas Verhoeven', publishedAt: '2025-11-12', source: 'Valley Courier' })
    expect(removedWith(doc.document.blocks, '“We treated it as a risk')).toBe('pull quote')
    expect(doc.text).toContain(`Lindqvist: ${answer}`)
    expect(doc.text.split('risk to act on').length).toBe(2)
  })

  it('reads the publisher and date a press release lists as terms, and takes the headline after its label', () => {
    // Written for this test: a ministry's press release, its metadata in a definition list.
    const html = `<!doctype html><html lang="en"><head><title>Press release: Ministry publishes review of flood defences - Ministry of Environment</title></head><body>
      <main><h1>Ministry publishes review of flood defences</h1>
      <p class="summary">An independent review finds one in five river defences below the required standard.</p>
      <dl class="meta"><dt>From:</dt><dd><a href="/org">Ministry of Environment</a></dd><dt>Published</dt><dd>9 January 2026</dd></dl>
      <p>The Ministry of Environment today published an independent review of river flood defences across the country.</p>
      <p>The review inspected 1,240 embankments, walls and sluices between March and October 2025.</p></main></body></html>`
    const doc = parseHtml(html, 'release.html')
    expect(doc).toMatchObject({ title: 'Ministry publishes review of flood defences', source: 'Ministry of Environment', publishedAt: '2026-01-09' })
    expect(removedWith(doc.document.blocks, 'From:')).toBe(METADATA.source)
    expect(removedWith(doc.document.blocks, '9 January 2026')).toBe(METADATA.published)
    expect(kept(doc.document.blocks).map((b) => b.text)).not.toContain('Published')
  })

  it('keeps a term list that is no metadata', () => {
    const html = `<!doctype html><html lang="en"><head><title>Glossary of port terms</title></head><body><article><h1>Glossary of port terms</h1>
      <p>These are the terms the harbour authority uses in its notices to shipping and in its annual reports.</p>
      <dl><dt>Date</dt><dd>The day a vessel is expected to berth, as the agent declared it to the harbour master.</dd><dt>From</dt><dd>The last port of call.</dd></dl>
      <p>Terms not listed here follow the usage of the international maritime code, as amended in 2024.</p></article></body></html>`
    const doc = parseHtml(html, 'glossary.html')
    expect(doc.source).toBeNull()
    expect(doc.text).toContain('The day a vessel is expected to berth')
    expect(doc.text).toContain('The last port of call.')
  })

  it('reads a wiki page: headings without their [edit] links, its contents and link boxes set aside', () => {
    // Written for this test: a MediaWiki page's markup.
    const edit = '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/edit">edit</a><span class="mw-editsection-bracket">]</span></span>'
    const html = `<!doctype html><html lang="en"><head><title>Saltmarsh Barrage - Wikipedia</title></head><body><div id="content"><h1>Saltmarsh Barrage</h1>
      <div class="mw-parser-output"><p>The <b>Saltmarsh Barrage</b> is a tidal barrage across the estuary of the River Wend, built between 1983 and 1988 to protect the town from storm surges.</p>
      <div id="toc" class="toc"><h2>Contents</h2><ul><li><a href="#History">1 History</a></li><li><a href="#Operation">2 Operation</a></li><li><a href="#Notes">3 Notes</a></li></ul></div>
      <h2><span class="mw-headline" id="History">History</span>${edit}</h2>
      <p>Plans for a barrage were first drawn up after the flood of 1953. Construction was delayed for three decades by disputes over the cost.</p>
      <h2><span class="mw-headline" id="Operation">Operation</span>${edit}</h2>
      <p>The gates are closed when a surge of more than 1.5 metres above the predicted tide is forecast, about seven times a year.</p>
      <div class="navbox"><table><tr><th>Flood defences in the region</th></tr><tr><td><a href="/a">Saltmarsh Barrage</a> · <a href="/b">Wend Embankment</a> · <a href="/c">Eastbank Sluice</a></td></tr></table></div>
      </div></div></body></html>`
    const doc = parseHtml(html, 'wiki.html')
    const headings = kept(doc.document.blocks).filter((b) => b.kind === 'heading').map((b) => b.text)
    expect(headings).toEqual(['History', 'Operation'])
    expect(removedWith(doc.document.blocks, '1 History')).toBe('table of contents')
    expect(removedWith(doc.document.blocks, 'Wend Embankment')).toBe(CHROME.navigation)
    expect(doc.text).not.toContain('[edit]')
  })

  it('keeps the standfirst extraction left with the headline, and sets a newsletter’s sign-off aside', () => {
    // Written for this test: a newsletter post, its standfirst a heading under the title.
    const html = `<!doctype html><html lang="en"><head><title>The quiet collapse of the regional freight market</title>
      <meta property="og:site_name" content="Logistics Letters"></head><body><div class="topbar"><a href="/">Logistics Letters</a></div>
      <article class="post"><h1>The quiet collapse of the regional freight market</h1>
      <h3 class="subtitle">Why three operators left the corridor in a single quarter, and what it means for shippers</h3>
      <div class="post-meta"><a href="/profile/ruth">Ruth Adeyemi</a><div>May 14, 2026</div></div>
      <div class="body markup"><p>Between January and March, three of the five operators running scheduled freight services on the northern corridor withdrew.</p>
      <p>The reasons they gave were different: one cited fuel costs, one a shortage of drivers, one a strategic review of its routes.</p>
      <p>For shippers, the immediate effect is on price. Spot rates on the corridor have risen by roughly a fifth since February.</p>
      <p>Thanks for reading Logistics Letters! Subscribe for free to receive new posts and support my work.</p></div></article></body></html>`
    const doc = parseHtml(html, 'post.html')
    expect(kept(doc.document.blocks)[0]).toMatchObject({ kind: 'paragraph', text: 'Why three operators left the corridor in a single quarter, and what it means for shippers' })
    expect(removedWith(doc.document.blocks, 'Thanks for reading')).toBe(CHROME.newsletter)
    expect(doc.publishedAt).toBe('2026-05-14')
  })

  it('reads a page saved from the web archive: the archive’s toolbar is navigation, its capture dates no publication date', () => {
    // Written for this test: the Wayback Machine's toolbar over a story whose head says nothing.
    const html = `<!doctype html><html lang="en"><head><title>Shipyard wins navy contract | Harbour Times</title></head><body>
      <div id="wm-ipp-base"><div id="wm-ipp"><a href="/web/">Wayback Machine</a><div id="wm-nav-captures"><a href="#">14 captures</a><div>12 Mar 2024 - 02 Jun 2025</div></div></div></div>
      <div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/20240312081502/https://harbourtimes.example/news/shipyard</div>
      <article><h1>Shipyard wins navy contract</h1>
      <p>The northern shipyard has won a contract to build four patrol vessels for the navy, securing around 900 jobs, the ministry said.</p>
      <p>The contract is the largest the yard has received since it was rescued from administration in 2019. Work begins in the autumn.</p></article></body></html>`
    const doc = parseHtml(html, 'shipyard.html')
    expect(doc.publishedAt).toBeNull()
    expect(removedWith(doc.document.blocks, '12 Mar 2024')).toBe(CHROME.navigation)
    expect(removedWith(doc.document.blocks, 'The Wayback Machine -')).toBe(CHROME.navigation)
  })

  it('reads an Italian page’s lower-case "di" byline above the story', () => {
    const html = `<!doctype html><html lang="it"><head><title>Porto di Genova, sciopero dei portuali</title></head><body><article>
      <h1>Porto di Genova, sciopero dei portuali</h1><p class="firma">di Giulia Ferrari</p>
      <p>Sciopero compatto dei lavoratori del porto di Genova, che oggi hanno incrociato le braccia per otto ore.</p>
      <p>L'autorità portuale ha convocato le parti per giovedì mattina, dopo una giornata di navi in rada.</p></article></body></html>`
    const doc = parseHtml(html, 'genova.html')
    expect(doc.author).toBe('Giulia Ferrari')
    expect(removedWith(doc.document.blocks, 'di Giulia Ferrari')).toBe(METADATA.byline)
  })

  it('sets a blog’s "Posted on … by …" line aside as its byline', () => {
    // Written for this test: a WordPress theme's entry meta, its two dates glued together.
    const html = `<!doctype html><html lang="en"><head><title>Why the tram vote matters</title></head><body><article><h1>Why the tram vote matters</h1>
      <div class="entry-meta"><span>Posted on <time>April 15, 2026</time><time>April 16, 2026</time></span> <span class="byline">by <a href="/author/marta/">Marta Nowak</a></span></div>
      <div class="entry-content"><p>Last night's council vote on the eastern tram extension was closer than the headline figure suggests.</p>
      <p>The estimate of 310 million was prepared in 2023 and has not been updated since, and costs have risen.</p></div></article></body></html>`
    const doc = parseHtml(html, 'blog.html')
    expect(doc).toMatchObject({ author: 'Marta Nowak', publishedAt: '2026-04-15' })
    expect(removedWith(doc.document.blocks, 'Posted on')).toBe(METADATA.byline)
  })

  it('reads a saved email newsletter: its date and sender, its email furniture set aside', () => {
    // Written for this test: a think tank's newsletter saved from a mail client, laid out in tables.
    const html = `<!doctype html><html><head><title>Baltic Brief #112</title></head><body><table><tr><td><table>
      <tr><td><a href="#">View this email in your browser</a></td></tr>
      <tr><td><h1>Baltic Brief #112</h1><p>Friday 6 November 2026 · By the Baltic Policy Institute</p></td></tr>
      <tr><td><h2>Icebreaker pact signed</h2><p>Port operators in Estonia, Latvia and Lithuania signed a pact on Tuesday to share four icebreakers this winter.</p></td></tr>
      <tr><td><h2>Power prices</h2><p>Wholesale power prices in the region rose by 14 per cent in October, driven by low wind output.</p></td></tr>
      <tr><td><p>You are receiving this email because you signed up at balticpolicy.example.</p><p><a href="#">Unsubscribe</a> · <a href="#">Update your preferences</a></p></td></tr>
      </table></td></tr></table></body></html>`
    const doc = parseHtml(html, 'brief.html')
    expect(doc).toMatchObject({ source: 'Baltic Policy Institute', publishedAt: '2026-11-06' })
    expect(removedWith(doc.document.blocks, 'Friday 6 November')).toBe(METADATA.byline)
    expect(doc.text).not.toMatch(/email|Unsubscribe/u)
    expect(doc.text).toContain('Wholesale power prices in the region rose')
  })

  it('reads no date from "Updated 2 hours ago" above the story, and sets the line aside', () => {
    const html = `<!doctype html><html lang="en"><head><title>Gas storage lags</title></head><body><article><h1>Gas storage lags</h1><p>Updated 2 hours ago</p>
      <p>Gas storage in the Baltic states is about a fifth below its level a year ago, officials said on Wednesday.</p>
      <p>Latvia's single storage site was 64 per cent full, against 81 per cent at the same point last year.</p></article></body></html>`
    const doc = parseHtml(html, 'gas.html')
    expect(doc.publishedAt).toBeNull()
    expect(removedWith(doc.document.blocks, 'Updated 2 hours ago')).toBe(METADATA.updated)
  })

  it('reads a German page: the section kicker over the headline set aside, the short lead kept, the byline and relative date read', () => {
    // Written for this test: a regional German news page.
    const html = `<!doctype html><html lang="de"><head><title>Hafenstreik in Hamburg: Containerterminals stehen still | Nordkurier Online</title></head><body>
      <main><article><p class="kicker">Wirtschaft</p><h1>Hafenstreik in Hamburg: Containerterminals stehen still</h1>
      <p class="teaser">Verdi ruft zum Warnstreik auf. Reedereien leiten Schiffe nach Bremerhaven um.</p>
      <p class="autor">Von Lena Fischer und Jonas Brückner</p><p class="datum">Aktualisiert vor 3 Stunden</p>
      <p>Im Hamburger Hafen ist am Dienstag der Containerumschlag weitgehend zum Erliegen gekommen, nachdem Verdi zum Warnstreik aufgerufen hatte.</p>
      <p>Hintergrund sind stockende Tarifverhandlungen. Verdi fordert unter anderem einen Inflationsausgleich für rund 12.000 Beschäftigte.</p>
      </article></main></body></html>`
    const doc = parseHtml(html, 'hafen.html')
    expect(doc).toMatchObject({ author: 'Lena Fischer und Jonas Brückner', publishedAt: null, source: 'Nordkurier Online' })
    expect(removedWith(doc.document.blocks, 'Wirtschaft')).toBe(CHROME.navigation)
    expect(removedWith(doc.document.blocks, 'Hafenstreik in Hamburg')).toBe('title')
    expect(removedWith(doc.document.blocks, 'Aktualisiert vor 3 Stunden')).toBe(METADATA.updated)
    expect(kept(doc.document.blocks)[0]!.text).toBe('Verdi ruft zum Warnstreik auf. Reedereien leiten Schiffe nach Bremerhaven um.')
  })

  it('reads a Google Docs export: its title paragraph, its footnotes, and no reviewer comments', () => {
    // Written for this test: the markup Google Docs writes when a document is downloaded as HTML.
    const html = `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"></head><body class="doc-content">
      <p class="c3 title"><span class="c2">Shipping Risk Note: Red Sea Transits</span></p>
      <h1 class="c5"><span>Summary</span></h1>
      <p class="c0"><span>Transits through the strait fell by 38 per cent in February compared with a year earlier</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>.</span></p>
      <p class="c0"><span>We expect transits to stay low through the second quarter unless escorts are expanded</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup><span>.</span></p>
      <hr><div><p class="c7"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Port authority transit statistics, published 2 March 2026.</span></p></div>
      <div class="c9"><p class="c10"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Check this against the insurers' own forecast.</span></p></div></body></html>`
    const doc = parseHtml(html, 'note.html')
    expect(doc.title).toBe('Shipping Risk Note: Red Sea Transits')
    expect(removedWith(doc.document.blocks, 'Shipping Risk Note')).toBe('title')
    expect(doc.text).toContain('unless escorts are expanded.')
    expect(doc.text).not.toContain('insurers')
    expect(doc.document.blocks.filter((b) => b.kind === 'footnote').map((b) => b.text)).toEqual(['[1] Port authority transit statistics, published 2 March 2026.'])
  })

  it('keeps the words of links set side by side apart', () => {
    const html = `<!doctype html><html lang="en"><head><title>Ferries</title></head><body><div class="top"><a href="/">Harbour Times</a><a href="/login">Sign in</a></div>
      <article><h1>Ferries</h1><p>Ferries returned to the northern route on Monday after two weeks of storms kept them in port, operators said.</p>
      <p>See the timetables for <a href="/a">Riga</a>, <a href="/b">Tallinn</a> and <a href="/c">Helsinki</a>, each updated on <time>Monday</time>.</p></article></body></html>`
    const doc = parseHtml(html, 'ferries.html')
    expect(doc.document.blocks.some((b) => b.text === 'Harbour Times Sign in')).toBe(true)
    expect(doc.text).toContain('See the timetables for Riga, Tallinn and Helsinki, each updated on Monday.')
  })

  it('keeps a table of data whose first column links to each row’s report', () => {
    const html = `<!doctype html><html lang="en"><head><title>Inspections</title></head><body><article><h1>Inspections</h1>
      <p>The authority inspected these structures last year and published a report on each of them, listed below with their grades.</p>
      <table><tr><th>Structure</th><th>Grade</th><th>Inspected</th></tr>
      <tr><td><a href="/r/1">North embankment</a></td><td>Poor</td><td>March 2025</td></tr>
      <tr><td><a href="/r/2">Wend sluice</a></td><td>Fair</td><td>April 2025</td></tr>
      <tr><td><a href="/r/3">Harbour wall</a></td><td>Good</td><td>June 2025</td></tr></table>
      <p>Repairs to the structures graded poor are to begin before next winter, the authority said in its annual plan.</p></article></body></html>`
    const table = parseHtml(html, 'inspections.html').document.blocks.find((b) => b.kind === 'table')
    expect(table?.removed).toBeUndefined()
  })

  it('reads a wire press release: the headline its shortened title stands for, the wire, and the date in its dateline', () => {
    const html = `<!doctype html><html lang="en"><head><title>Northwind Bio Reports Phase 2 Results | GlobeNewswire</title></head><body>
      <main><article><h1>Northwind Bio Reports Positive Phase 2 Results for NW-201</h1>
      <p>BOSTON, April 14, 2026 (GLOBE NEWSWIRE) -- Northwind Bio, Inc., a clinical-stage biotechnology company, today announced results from its Phase 2 trial of NW-201.</p>
      <p>The trial met its primary endpoint, with a significant improvement in lung function at twelve weeks compared with placebo.</p></article></main></body></html>`
    const doc = parseHtml(html, 'release.html')
    expect(doc.title).toBe('Northwind Bio Reports Positive Phase 2 Results for NW-201')
    expect(removedWith(doc.document.blocks, 'Northwind Bio Reports Positive')).toBe('title')
    expect(doc.source).toBe('GlobeNewswire')
    expect(doc.dateline).toBe('BOSTON, April 14, 2026 (GLOBE NEWSWIRE)')
    expect(doc.publishedAt).toBe('2026-04-14')
  })

  it('sets a republication note under the story aside, naming the first publisher when the page does not', () => {
    const html = `<!doctype html><html lang="en"><head><title>River ports</title></head><body><article><h1>Why river ports are the weak link</h1>
      <p>Much of Europe’s grain first travels by river, on barges that carry it from inland silos to the sea ports at the river mouths.</p>
      <p>Those barges depend on water levels that are becoming less reliable, and the ports have little storage to buffer a dry season.</p>
      <p><em>This article is republished from <a href="https://theconversation.com/a">The Conversation</a> under a Creative Commons license.</em></p></article></body></html>`
    const doc = parseHtml(html, 'rivers.html')
    expect(doc.source).toBe('The Conversation')
    expect(removedWith(doc.document.blocks, 'republished')).toBe('source')
  })

  it('reads a newsletter saved from e-mail: its preheader set aside, the copyright holder as the source', () => {
    const html = `<!doctype html><html><head><title>The Morning Brief: Central bank holds rates</title></head><body><table width="100%"><tr><td>
      <table width="600"><tr><td class="preheader">Central bank holds rates; port strike enters second week</td></tr>
      <tr><td><h1>The Morning Brief</h1><p>Good morning. Here is what you need to know today.</p>
      <h2>Central bank holds rates</h2><p>The central bank kept its main rate at 4.25 per cent on Monday, saying that inflation remained too high to begin cutting.</p>
      <h2>Port strike enters second week</h2><p>Dock workers at the two largest ports extended their strike into a second week after talks broke down on Sunday.</p></td></tr>
      <tr><td class="footer"><p>Copyright © 2026 Example Media Ltd, 1 Fleet Lane, London. All rights reserved.</p></td></tr></table></td></tr></table></body></html>`
    const doc = parseHtml(html, 'brief.html')
    expect(doc.source).toBe('Example Media Ltd')
    expect(removedWith(doc.document.blocks, 'Central bank holds rates; port strike')).toBe('site chrome: newsletter prompt')
  })
})

