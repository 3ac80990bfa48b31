import { describe, expect, it } from 'vitest'
import { pageAt } from '../../../shared/document/article-document'
import { column, type LineSpec } from '../../../shared/pdf/test-pages'
import { parseFile } from './parse-document'
import { NO_TEXT_LAYER } from './pdf-document'
import { encryptedPdf, fontMatrixPdf, hostilePdf, makePdf, scannedPdf } from './test-documents'

const LEFT = [
  'The ministry published its annual review of maritime security in the northern waters on Monday.',
  'Officials said patrols doubled over the year while incidents fell by a third across the region.'
]
const RIGHT = [
  'Shipping companies welcomed the report but asked for clearer rules on convoy escorts in the straits.',
  'A parliamentary committee will hear the minister next month about the cost of the extra patrols.'
]

describe('PDF import', () => {
  it('reads a two-column report in column order, with its metadata and the running heads set aside', async () => {
    const pages = [1, 2, 3].map((n) => [
      { text: 'Northern Waters Review 2024', x: 72, y: 800, size: 8 },
      ...(n === 1 ? [{ text: 'Maritime security in the north', x: 72, y: 740, size: 20 }] : []),
      ...column(LEFT.map((p) => `${p} (page ${n})`), 72, 700, 44).lines,
      ...column(RIGHT.map((p) => `${p} (page ${n})`), 320, 700, 44).lines,
      { text: `Page ${n} of 3`, x: 270, y: 40, size: 8 }
    ])
    const bytes = await makePdf({ pages, title: 'Maritime security in the north', author: 'Coast Research Unit' })
    const { format, article } = await parseFile('report_final_v3.pdf', bytes)
    expect(format).toBe('pdf')
    expect(article.title).toBe('Maritime security in the north')
    expect(article.author).toBe('Coast Research Unit')
    expect(article.pages).toBe(3)
    const kept = article.document.blocks.filter((b) => !b.removed)
    expect(kept.map((b) => b.text)).toEqual([1, 2, 3].flatMap((n) => [...LEFT, ...RIGHT].map((p) => `${p} (page ${n})`)))
    expect(kept.map((b) => b.page)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
    const removed = article.document.blocks.filter((b) => b.removed).map((b) => b.removed!.reason)
    expect(removed).toEqual(expect.arrayContaining(['title', 'running header (on 3 pages)', 'page number']))
  })

  it('knows a heading set bold at the body’s size by its font, and a bold header row stays in its table', async () => {
    const body = column(LEFT, 72, 700, 90)
    const lines = [
      ...body.lines,
      { text: '3.1 The two incidents', x: 72, y: body.bottom, bold: true },
      ...column(RIGHT, 72, body.bottom - 20, 90).lines,
      ...[['Quarter', 'Departures', 'Premium'], ['Q1', '401', '1.0'], ['Q2', '388', '1.1'], ['Q3', '352', '2.6']].flatMap((cells, r) =>
        cells.map((text, c) => ({ text, x: 72 + c * 120, y: 500 - r * 14, bold: r === 0 }))
      )
    ]
    const { article } = await parseFile('incidents.pdf', await makePdf({ pages: [lines] }))
    const kept = article.document.blocks.filter((b) => !b.removed)
    expect(kept.find((b) => b.text === '3.1 The two incidents')).toMatchObject({ kind: 'heading' })
    const table = kept.find((b) => b.kind === 'table')
    expect(table?.text.split('\n')[0]).toBe('Quarter\tDepartures\tPremium')
  })

  it('reads a memo printed to PDF: its subject, sender and date over the file’s own title', async () => {
    const lines = [
      { text: 'MEMORANDUM', x: 72, y: 770, size: 14, bold: true },
      { text: 'TO: Director, Regional Analysis', x: 72, y: 740 },
      { text: 'FROM: Baltic Desk', x: 72, y: 726 },
      { text: 'DATE: 9 March 2026', x: 72, y: 712 },
      { text: 'SUBJECT: Ferry cuts and island supply', x: 72, y: 698 },
      { text: 'Winter ferry cuts announced this week will reduce sailings to the outer islands by a fifth.', x: 72, y: 660 }
    ]
    const { article } = await parseFile('memo.pdf', await makePdf({ pages: [lines], title: 'Microsoft Word - memo_template.docx' }))
    expect(article.title).toBe('Ferry cuts and island supply')
    expect(article.author).toBe('Baltic Desk')
    expect(article.publishedAt).toBe('2026-03-09')
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(['Winter ferry cuts announced this week will reduce sailings to the outer islands by a fifth.'])
  })

  it('dates a press release from its dateline, not from when the PDF was made', async () => {
    const lines = [
      { text: 'Halvorsen Logistics to acquire Baltic Freight Partners', x: 72, y: 760, size: 16, bold: true },
      { text: 'OSLO, Norway, March 3, 2026 /PRNewswire/ -- Halvorsen Logistics ASA today announced an agreement', x: 72, y: 720 },
      { text: 'to acquire Baltic Freight Partners, adding fourteen warehouses in the Baltic states.', x: 72, y: 706 }
    ]
    const { article } = await parseFile('release.pdf', await makePdf({ pages: [lines] }))
    expect(article.dateline).toBe('OSLO, Norway, March 3, 2026 /PRNewswire/')
    expect(article.publishedAt).toBe('2026-03-03')
  })

  it('reads a web page a browser printed to PDF as a page: its address, byline and date, its chrome set aside', async () => {
    const story = [
      'KLAIPEDA, Lithuania — Ferry services to Germany were suspended for a second day on Tuesday as dock workers extended a strike over night-shift pay.',
      'The terminal operator said it had offered a six per cent increase, which the union rejected as far below inflation over the past two years.'
    ]
    const url = 'https://www.harbour-news.example/europe/2025/02/18/ferry-strike'
    const margins = (n: number): LineSpec[] => [
      { text: `2/18/25, 10:02 AM    Ferry strike enters second day | Harbour News`, x: 30, y: 820, size: 7 },
      { text: `${url}    ${n}/2`, x: 30, y: 20, size: 7 }
    ]
    const page1: LineSpec[] = [
      ...margins(1),
      { text: 'World', x: 72, y: 780 },
      { text: 'Business', x: 72, y: 766 },
      { text: 'Ferry strike enters second day', x: 72, y: 730, size: 20 },
      { text: 'By Liisa Korhonen', x: 72, y: 700 },
      { text: 'Published February 18, 2025', x: 72, y: 686 },
      { text: 'Share', x: 72, y: 660 },
      ...column(story, 72, 630, 90).lines
    ]
    const page2: LineSpec[] = [...margins(2), { text: 'Advertisement', x: 72, y: 780 }, { text: 'Liisa Korhonen is a correspondent covering the Baltic ports.', x: 72, y: 750 }]
    const { article } = await parseFile('ferry strike.pdf', await makePdf({ pages: [page1, page2], title: 'Ferry strike enters second day | Harbour News' }))
    expect(article).toMatchObject({ url, title: 'Ferry strike enters second day', author: 'Liisa Korhonen', publishedAt: '2025-02-18', source: 'Harbour News' })
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(story)
    const why = Object.fromEntries(article.document.blocks.filter((b) => b.removed).map((b) => [b.text, b.removed!.reason]))
    expect(why).toMatchObject({ World: 'site chrome: navigation', 'By Liisa Korhonen': 'byline', Share: 'site chrome: share buttons', Advertisement: 'advertisement' })
    expect(why['Liisa Korhonen is a correspondent covering the Baltic ports.']).toBe('about the author')
  })

  it('keeps a report whose running footer names its publisher’s site as a report', async () => {
    const pages = [1, 2, 3].map((n) => [
      { text: 'Northern Waters Review', x: 72, y: 800, size: 8 },
      { text: 'Share', x: 72, y: 760 },
      ...column([`${LEFT[0]} (page ${n})`], 72, 740, 90).lines,
      { text: `https://www.coast-research.example    ${n}`, x: 72, y: 30, size: 8 }
    ])
    const { article } = await parseFile('review.pdf', await makePdf({ pages }))
    expect(article.url).toBeNull()
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toContain('Share')
  })

  it('never takes a file-name title from the metadata when the cover has a real one', async () => {
    const bytes = await makePdf({
      title: 'Microsoft Word - report_final_v3.docx',
      pages: [[{ text: 'Ports and the Arctic route', x: 72, y: 740, size: 24 }, ...column(LEFT, 72, 700, 90).lines]]
    })
    const { article } = await parseFile('report_final_v3.pdf', bytes)
    expect(article.title).toBe('Ports and the Arctic route')
  })

  it('keeps the PDF’s page labels, so roman front matter is cited as such', async () => {
    const pages = [0, 1, 2].map((n) => column([`${LEFT[0]} Part ${n + 1}.`], 72, 700, 90).lines)
    const bytes = await makePdf({ pages, labels: [{ from: 0, style: 'r' }, { from: 2, style: 'D', start: 1 }] })
    const { article } = await parseFile('labels.pdf', bytes)
    expect(article.document.pageLabels).toEqual(['i', 'ii', '1'])
    const third = article.text.indexOf('Part 3')
    expect(pageAt(article.document, third)).toEqual({ page: 3, label: '1' })
    expect(pageAt(article.document, article.text.indexOf('Part 2'))).toEqual({ page: 2, label: 'ii' })
  })

  it('asks for the password of an encrypted PDF and reads it with the right one', async () => {
    const bytes = encryptedPdf('Sealed findings of the inquiry into the harbour contract.', 'opensesame')
    await expect(parseFile('sealed.pdf', bytes)).rejects.toMatchObject({ code: 'needs_password', message: expect.stringMatching(/^sealed\.pdf: the PDF is encrypted/) })
    await expect(parseFile('sealed.pdf', bytes, { password: 'wrong' })).rejects.toMatchObject({ code: 'needs_password', message: expect.stringMatching(/password is not right/) })
    const { article } = await parseFile('sealed.pdf', bytes, { password: 'opensesame' })
    expect(article.text).toBe('Sealed findings of the inquiry into the harbour contract.')
  })

  it('refuses a scanned PDF, a truncated one and one that is not a PDF, naming the file', async () => {
    await expect(parseFile('scan.pdf', await scannedPdf())).rejects.toThrow(`scan.pdf: ${NO_TEXT_LAYER}.`)
    const whole = await makePdf({ pages: [column(LEFT, 72, 700, 90).lines] })
    await expect(parseFile('cut.pdf', whole.slice(0, 400))).rejects.toThrow(/^cut\.pdf: /)
    await expect(parseFile('fake.pdf', new TextEncoder().encode('This is a text file renamed .pdf'))).rejects.toThrow(/^fake\.pdf: not a PDF/)
    await expect(parseFile('empty.pdf', new Uint8Array())).rejects.toThrow(/^empty\.pdf: /)
  })

  it('refuses a file over the size limit before parsing it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1)
    await expect(parseFile('huge.pdf', big)).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/^huge\.pdf: the file is 50\.0 MB/) })
  })

  it('imports only the text of hostile PDFs: no action, attachment, form or font program runs', async () => {
    const { article } = await parseFile('hostile.pdf', await hostilePdf())
    expect(article.text).toBe('A report with hostile parts that must never run.')
    const font = await parseFile('font-matrix.pdf', fontMatrixPdf()).catch((err: Error) => err)
    // Whatever pdf.js makes of the broken font, nothing was evaluated: the text, or a clear refusal.
    if (font instanceof Error) expect(font.message).toMatch(/^font-matrix\.pdf: /)
    else expect(font.article.text).not.toContain('fetch')
  })
})
