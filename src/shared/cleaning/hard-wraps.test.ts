import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { cleanPlainText } from './clean-plain-text'

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed)
const keptTexts = (blocks: Block[]) => kept(blocks).map((b) => b.text)

/** Greedy wrapping at `width` columns, as a mail client or `fmt` does it. */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

const PORT = [
  'Shipments through the northern corridor fell by a third in the second quarter, according to port authority figures reviewed by the monitoring group.',
  'Insurers raised war-risk premiums twice during the period, and two carriers suspended their calls at the terminal altogether, citing the cost of cover.',
  'Exporters have partly shifted to river barges, but barge capacity on the lower river is limited and freight rates have risen sharply over three months.'
]

describe('hard-wrapped plain text', () => {
  it('reads a paragraph wrapped at 72 columns as running text, as the writer wrote it', () => {
    const doc = cleanPlainText(`Grain corridor update\n\n${PORT.map((p) => wrap(p, 72)).join('\n\n')}`, 'mail.txt')
    expect(keptTexts(doc.document.blocks)).toEqual(PORT)
    expect(doc.text).not.toContain('\n' + 'the')
  })

  it('joins a word broken at a line end, and keeps the hyphen of a compound the text writes whole', () => {
    const raw = [
      'Grain corridor update',
      'Shipments through the northern corridor fell by a third in the sec-\nond quarter, according to port authority figures reviewed by the\nmonitoring group. Insurers raised their war-risk premiums twice.',
      'Two carriers suspended their calls at the terminal altogether, and the\nmonitoring group expects the other carriers to follow; its war-\nrisk estimate for the corridor rose again in the last week of June.'
    ].join('\n\n')
    const texts = keptTexts(cleanPlainText(raw, 'report.txt').document.blocks)
    expect(texts[0]).toContain('in the second quarter, according to port authority figures reviewed by the monitoring group.')
    expect(texts[1]).toContain('its war-risk estimate')
  })

  it('reads text copied from a PDF viewer, with no blank line between paragraphs, as its paragraphs', () => {
    const copied = `Grain corridor update\n\n${PORT.map((p) => wrap(p, 70)).join('\n')}`
    expect(keptTexts(cleanPlainText(copied, 'copied.txt').document.blocks)).toEqual(PORT)
  })

  it('keeps the line breaks of a contact block, an address or a list of short lines in a wrapped text', () => {
    const contact = 'Media contact:\nKari Lund\n+47 22 00 00 00\npress@halvorsen.example'
    const doc = cleanPlainText(`Halvorsen buys Baltic Freight\n\n${PORT.map((p) => wrap(p, 72)).join('\n\n')}\n\n${contact}`, 'release.txt')
    expect(keptTexts(doc.document.blocks)).toContain(contact)
  })

  it('leaves a scraped article, one line to a paragraph, as it was', () => {
    const raw = `Grain corridor update\n\n${PORT.join('\n\n')}\n\nMedia contact:\nKari Lund`
    expect(keptTexts(cleanPlainText(raw, 'scraped.txt').document.blocks)).toEqual([...PORT, 'Media contact:\nKari Lund'])
  })

  it('does not join lines of Japanese, which puts no space between words', () => {
    const line = '港湾当局によると、北部回廊の貨物量は第2四半期に3分の1減少した。保険会社は戦争危険保険料を2回引き上げた。'
    const raw = `穀物回廊の最新情報\n\n${[line, line, line].join('\n')}\n\n${[line, line, line].join('\n')}`
    for (const text of keptTexts(cleanPlainText(raw, 'ja.txt').document.blocks)) expect(text).not.toContain(`${line} ${line}`)
  })

  it('reads any paragraphs wrapped at any common width back as they were written', () => {
    const word = fc.constantFrom('the', 'port', 'authority', 'said', 'on', 'Monday', 'that', 'shipments', 'of', 'grain', 'fell', 'sharply', 'while', 'insurers', 'raised', 'premiums', 'and', 'carriers', 'suspended', 'calls', 'at', 'terminal')
    const paragraph = fc
      .tuple(fc.constantFrom('Officials', 'The union', 'Analysts', 'Dock workers'), fc.array(word, { minLength: 25, maxLength: 60 }))
      .map(([first, rest]) => `${first} ${rest.join(' ')}.`)
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 2, maxLength: 5 }), fc.integer({ min: 50, max: 110 }), (paragraphs, width) => {
        const doc = cleanPlainText(`Grain corridor update\n\n${paragraphs.map((p) => wrap(p, width)).join('\n\n')}`, 'wrapped.txt')
        expect(keptTexts(doc.document.blocks)).toEqual(paragraphs)
      }),
      { numRuns: 150 }
    )
  })
})

describe('running heads in text from a paginated document', () => {
  const raw = [
    'EASTERN GRAIN CORRIDOR ASSESSMENT                                    Page 3',
    '2. Findings',
    wrap(PORT[0]!, 70),
    wrap(PORT[1]!, 70),
    'EASTERN GRAIN CORRIDOR ASSESSMENT                                    Page 4',
    wrap(PORT[2]!, 70),
    '3. Outlook',
    wrap('Unless the rail spur reopens, the monitoring group expects volumes to remain below last year’s level through the end of the marketing year.', 70),
    '- 5 -'
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'assessment.txt')
  const blocks = doc.document.blocks

  it('sets the running head aside on every page and takes the report’s name as the title', () => {
    expect(doc.title).toBe('EASTERN GRAIN CORRIDOR ASSESSMENT')
    expect(blocks.filter((b) => b.removed?.reason === 'running header (on 2 pages)')).toHaveLength(2)
    expect(keptTexts(blocks).join('\n')).not.toContain('ASSESSMENT')
  })

  it('keeps numbered section headings, number and all, over their wrapped paragraphs', () => {
    expect(kept(blocks).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['2. Findings', '3. Outlook'])
    expect(keptTexts(blocks)).toContain(PORT[2])
  })

  it('leaves a repeated label without a page number, and a numbered heading, in the text', () => {
    const transcript = ['Hearing on the grain corridor', 'MODERATOR', 'Shipments fell by a third in the second quarter, the port authority said.', 'MODERATOR', 'Insurers raised premiums twice during the period.', 'Question 1', 'What changed in June?', 'Question 2', 'Who pays for the repairs?'].join('\n\n')
    const texts = keptTexts(cleanPlainText(transcript, 'hearing.txt').document.blocks)
    expect(texts.filter((t) => t === 'MODERATOR')).toHaveLength(2)
    expect(texts).toEqual(expect.arrayContaining(['Question 1', 'Question 2']))
  })

  it('joins a paragraph a page broke in two, leaving the page’s running head after it', () => {
    const head = (page: number) => `GRAIN CORRIDOR ASSESSMENT      Page ${page}`
    const broken = [
      head(3),
      'The decline is mainly due to the closure of the rail spur at Kalenko, which had\ncarried roughly',
      head(4),
      '40 per cent of the corridor’s volume since 2023. Repairs are not ex-\npected before the autumn.',
      'Exporters have shifted to river barges.'
    ].join('\n\n')
    const blocks = cleanPlainText(broken, 'report.txt').document.blocks
    expect(keptTexts(blocks)).toEqual([
      'The decline is mainly due to the closure of the rail spur at Kalenko, which had carried roughly 40 per cent of the corridor’s volume since 2023. Repairs are not expected before the autumn.',
      'Exporters have shifted to river barges.'
    ])
    expect(blocks.map((b) => b.removed?.reason ?? 'kept')).toEqual(['running header (on 2 pages)', 'kept', 'running header (on 2 pages)', 'kept'])
  })

  it('keeps apart two paragraphs a page break falls between', () => {
    const head = (page: number) => `GRAIN CORRIDOR ASSESSMENT      Page ${page}`
    const texts = keptTexts(cleanPlainText([head(3), 'Shipments fell by a third in the second quarter.', head(4), 'insurers raised premiums twice.', 'Exporters shifted to barges', head(5), 'Freight rates rose sharply.'].join('\n\n'), 'r.txt').document.blocks)
    expect(texts).toEqual(['Shipments fell by a third in the second quarter.', 'insurers raised premiums twice.', 'Exporters shifted to barges', 'Freight rates rose sharply.'])
  })

  it('keeps headings that end with a year, which no page number is', () => {
    const blocks = cleanPlainText(['Budget plans', PORT[0], 'Budget 2024 – 2025', PORT[1], 'Budget 2025 – 2026', PORT[2]].join('\n\n'), 'b.txt').document.blocks
    expect(blocks.filter((b) => b.removed?.reason.startsWith('running')).map((b) => b.text)).toEqual([])
    expect(keptTexts(blocks)).toEqual(expect.arrayContaining(['Budget 2024 – 2025', 'Budget 2025 – 2026']))
  })

  it('sets aside bare page numbers only when more than one page has one', () => {
    const pages = ['Grain corridor update', PORT[0], '1', PORT[1], '2', PORT[2]].join('\n\n')
    expect(cleanPlainText(pages, 'p.txt').document.blocks.filter((b) => b.removed?.reason === 'page number').map((b) => b.text)).toEqual(['1', '2'])
    const one = ['Grain corridor update', PORT[0], '7', PORT[1]].join('\n\n')
    expect(keptTexts(cleanPlainText(one, 'one.txt').document.blocks)).toContain('7')
  })
})
