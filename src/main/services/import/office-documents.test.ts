import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-document'
import { footnoteRef, makeDocx, makeEpub, para } from './test-documents'
import { readZip } from './zip-archive'

const cell = (text: string) => `<w:tc>${para(text)}</w:tc>`
const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`

describe('Word import', () => {
  it('keeps headings, tables and quotes, with footnotes at the end and metadata from core.xml', async () => {
    const body = [
      para('Harbour pact: options for the ministry', 'Title'),
      para('Background', 'Heading1'),
      `<w:p><w:r><w:t xml:space="preserve">The pact was signed in March.</w:t></w:r>${footnoteRef(1)}<w:r><w:t xml:space="preserve"> Talks resume next week.</w:t></w:r></w:p>`,
      para('We will not be rushed.', 'Quote'),
      `<w:tbl>${row('Port', 'Ships')}${row('Riga', '41')}${row('Tallinn', '38')}</w:tbl>`,
      `<w:p><w:ins w:id="9" w:author="A"><w:r><w:t>Inserted sentence.</w:t></w:r></w:ins><w:del w:id="10" w:author="A"><w:r><w:delText>Gone sentence.</w:delText></w:r></w:del></w:p>`
    ].join('')
    const bytes = makeDocx({
      body,
      footnotes: ['Treaty text, article 4.'],
      comments: 3,
      core: { title: 'Harbour pact: options for the ministry', creator: 'Policy Unit', created: '2024-03-18T09:00:00Z' }
    })
    const { format, article } = await parseFile('memo_v2_FINAL.docx', bytes)
    expect(format).toBe('docx')
    expect(article.title).toBe('Harbour pact: options for the ministry')
    expect(article.author).toBe('Policy Unit')
    expect(article.publishedAt).toBe('2024-03-18')
    const kept = article.document.blocks.filter((b) => !b.removed)
    expect(kept.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Background'],
      ['paragraph', 'The pact was signed in March.[1] Talks resume next week.'],
      ['blockquote', 'We will not be rushed.'],
      ['table', 'Port\tShips\nRiga\t41\nTallinn\t38'],
      ['paragraph', 'Inserted sentence.'],
      ['footnote', '[1] Treaty text, article 4.']
    ])
    expect(article.notes).toEqual(['3 comments not imported', '2 tracked changes (insertions kept, deletions left out)'])
  })

  it('reads a memo’s subject, sender and date over what the template put in the file’s properties', async () => {
    const body = [
      para('MEMORANDUM'),
      para('TO: Director, Regional Analysis'),
      para('FROM: Baltic Desk'),
      para('DATE: 9 March 2026'),
      para('SUBJECT: Ferry cuts and island supply'),
      para('Winter ferry cuts will reduce sailings to the outer islands by a fifth.'),
      para('cc: Shipping Desk')
    ].join('')
    const { article } = await parseFile('memo.docx', makeDocx({ body, core: { title: 'Memo template', creator: 'jsmith', created: '2025-01-02T09:00:00Z' } }))
    expect(article.title).toBe('Ferry cuts and island supply')
    expect(article.author).toBe('Baltic Desk')
    expect(article.publishedAt).toBe('2026-03-09')
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(['Winter ferry cuts will reduce sailings to the outer islands by a fifth.'])
  })

  it('reads a Factiva story saved as a Word file: the record’s fields set aside, its publication the source', async () => {
    const body = [
      para('Baltic ferry operators cut winter sailings as fuel costs bite'),
      para('By Marta Kowalczyk'),
      para('412 words'),
      para('4 March 2026'),
      para('Baltic Shipping News'),
      para('BSN'),
      para('English'),
      para('Ferry operators on the Baltic have cut winter sailings by up to a fifth, blaming fuel costs that have risen for the third year running.'),
      para('Document BSN0000020260304em340001d')
    ].join('')
    const { article } = await parseFile('factiva.docx', makeDocx({ body, core: { created: '2026-05-01T08:00:00Z' } }))
    expect(article.source).toBe('Baltic Shipping News')
    const reasons = Object.fromEntries(article.document.blocks.filter((b) => b.removed).map((b) => [b.text, b.removed!.reason]))
    expect(reasons).toMatchObject({ '412 words': 'news database record', BSN: 'news database record', English: 'news database record', 'Document BSN0000020260304em340001d': 'news database record' })
  })

  it('dates a press release from its dateline rather than from when the file was written', async () => {
    const body = [
      para('Halvorsen Logistics Announces Acquisition of Baltic Freight Partners', 'Title'),
      para('OSLO, Norway, March 3, 2026 /PRNewswire/ -- Halvorsen Logistics ASA today announced that it has signed an agreement to acquire Baltic Freight Partners.'),
      para('The acquisition adds fourteen refrigerated warehouses in the Baltic states.')
    ].join('')
    const { article } = await parseFile('release.docx', makeDocx({ body, core: { created: '2026-02-27T16:00:00Z' } }))
    expect(article.dateline).toBe('OSLO, Norway, March 3, 2026 /PRNewswire/')
    expect(article.publishedAt).toBe('2026-03-03')
  })

  it('sets the table of contents aside, and keeps a paragraph of the text that reads like one of its entries', async () => {
    const entry = (anchor: string, text: string, page: number) =>
      `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:hyperlink w:anchor="${anchor}"><w:r><w:t>${text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>${page}</w:t></w:r></w:hyperlink></w:p>`
    const heading = (anchor: string, text: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="1" w:name="${anchor}"/><w:r><w:t>${text}</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>`
    const body =
      para('Contents') + entry('_Toc1', 'Background', 2) + entry('_Toc2', 'Findings', 3) +
      heading('_Toc1', 'Background') + para('The pact was signed in March.') + heading('_Toc2', 'Findings') + para('Findings 3') + para('Talks resume next week.')
    const { article } = await parseFile('review.docx', makeDocx({ body }))
    const removed = article.document.blocks.filter((b) => b.removed?.reason === 'table of contents').map((b) => b.text)
    expect(removed).toEqual(['Background 2', 'Findings 3'])
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(['Contents', 'Background', 'The pact was signed in March.', 'Findings', 'Findings 3', 'Talks resume next week.'])
  })

  it('sets aside the protective markings over and under an assessment, and a contents typed with dot leaders', async () => {
    // Written for this test: an assessment as a government unit writes one.
    const leader = (text: string, page: number) =>
      `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs></w:pPr><w:r><w:t>${text} ..........</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>${page}</w:t></w:r></w:p>`
    const body = [
      para('OFFICIAL – SENSITIVE'),
      para('Assessment of Port Labour Unrest', 'Title'),
      para('Contents'),
      leader('Key judgements', 2),
      leader('Outlook', 3),
      para('Key judgements', 'Heading1'),
      para('We judge it likely that strikes will spread to two more ports by the summer.'),
      para('Outlook', 'Heading1'),
      para('The government has offered mediation. Neither side has accepted it yet.'),
      para('OFFICIAL – SENSITIVE')
    ].join('')
    const { article } = await parseFile('assessment.docx', makeDocx({ body, core: { title: 'Assessment of Port Labour Unrest' } }))
    const blocks = article!.document.blocks
    const reasonOf = (text: string) => blocks.filter((b) => b.text.startsWith(text)).map((b) => b.removed?.reason ?? null)
    expect(reasonOf('OFFICIAL – SENSITIVE')).toEqual(['protective marking', 'protective marking'])
    expect(reasonOf('Assessment of Port Labour Unrest')).toEqual(['title'])
    expect(reasonOf('Key judgements ...')).toEqual(['table of contents'])
    expect(article!.text.startsWith('Key judgements\n\nWe judge it likely')).toBe(true)
  })

  it('falls back to the first heading when core.xml’s title is a file name', async () => {
    const bytes = makeDocx({ body: para('Arctic shipping lanes', 'Heading1') + para('Ice is thinning faster than forecast.'), core: { title: 'brief_draft_03' } })
    expect((await parseFile('brief.docx', bytes)).article.title).toBe('Arctic shipping lanes')
  })

  it('refuses a .docx that is not a zip, or lacks word/document.xml, naming the file', async () => {
    await expect(parseFile('memo.docx', strToU8('just text'))).rejects.toThrow('memo.docx: not a Word document (the file is not a zip archive).')
    await expect(parseFile('memo.docx', makeDocx({ body: '', withoutDocument: true }))).rejects.toThrow(
      'memo.docx: not a Word document (word/document.xml is missing).'
    )
    const truncated = makeDocx({ body: para('Some text') }).slice(0, 200)
    await expect(parseFile('cut.docx', truncated)).rejects.toThrow(/^cut\.docx: /)
  })
})

describe('EPUB import', () => {
  const chapters = [
    { file: 'c1.xhtml', body: '<h1>Chapter One</h1><p>It began at the harbour.</p>' },
    { file: 'c2.xhtml', body: '<h1>Chapter Two</h1><p>The ships came back.</p><script>alert(1)</script><img src="http://198.51.100.7/x.png">' },
    { file: 'c3.xhtml', body: '<h1>Chapter Three</h1><p>Nobody spoke.</p>' }
  ]

  it('reads chapters in spine order, each knowing its chapter, with the OPF’s metadata', async () => {
    const bytes = makeEpub({ title: 'The Harbour Years', creators: ['Ann Author', 'Ben Writer'], date: '2019-05', language: 'en-GB', chapters })
    const { format, article } = await parseFile('book.epub', bytes)
    expect(format).toBe('epub')
    expect(article.title).toBe('The Harbour Years')
    expect(article.author).toBe('Ann Author, Ben Writer')
    expect(article.publishedAt).toBe('2019-05-01')
    expect(article.language).toBe('en-GB')
    expect(article.document.blocks.map((b) => [b.kind, b.text, b.chapter])).toEqual([
      ['heading', 'Chapter One', 1],
      ['paragraph', 'It began at the harbour.', 1],
      ['heading', 'Chapter Two', 2],
      ['paragraph', 'The ships came back.', 2],
      ['heading', 'Chapter Three', 3],
      ['paragraph', 'Nobody spoke.', 3]
    ])
  })

  it('turns the book’s noterefs into [n] and its notes into footnotes at the end, and sets its front matter aside', async () => {
    const book = [
      { file: 'cover.xhtml', body: '<img src="cover.jpg" alt=""/><p>The Quiet Straits</p>' },
      { file: 'rights.xhtml', body: '<p>Copyright © 2019 Helena Marsh. All rights reserved.</p><p>ISBN 978-0-00-000000-0</p>' },
      { file: 'c1.xhtml', body: '<h1>The narrows</h1><p>The strait is eleven miles wide.<a epub:type="noteref" href="notes.xhtml#n1">1</a> Pilots learn its currents first.</p>' },
      { file: 'c2.xhtml', body: '<h1>Convoys</h1><p>The convoys gathered in the bay.<a role="doc-noteref" href="notes.xhtml#n2">2</a></p><div role="note"><p>Convoy times are local.</p></div>' },
      { file: 'notes.xhtml', body: '<h1>Notes</h1><aside epub:type="footnote" id="n1"><p><a href="c1.xhtml">1</a> Admiralty chart 2182.</p></aside><aside epub:type="footnote" id="n2"><p>Convoy records, ADM 199/72.</p></aside>' }
    ]
    const { article } = await parseFile('straits.epub', makeEpub({ title: 'The Quiet Straits', chapters: book }))
    const kept = article.document.blocks.filter((b) => !b.removed)
    expect(kept.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'The narrows'],
      ['paragraph', 'The strait is eleven miles wide.[1] Pilots learn its currents first.'],
      ['heading', 'Convoys'],
      ['paragraph', 'The convoys gathered in the bay.[2]'],
      ['paragraph', 'Convoy times are local.'],
      ['heading', 'Notes'],
      ['footnote', '[1] Admiralty chart 2182.'],
      ['footnote', '[2] Convoy records, ADM 199/72.']
    ])
    const front = article.document.blocks.filter((b) => b.removed).map((b) => [b.text, b.removed!.reason])
    expect(front).toEqual([
      ['The Quiet Straits', 'front matter'],
      ['Copyright © 2019 Helena Marsh. All rights reserved.', 'front matter'],
      ['ISBN 978-0-00-000000-0', 'front matter']
    ])
  })

  it('keeps a short chapter with a figure when it is the whole book, or past the opening pages', async () => {
    const figure = { file: 'map.xhtml', body: '<img src="map.png" alt=""/><p>Map of the straits, 1938.</p>' }
    const one = await parseFile('map.epub', makeEpub({ title: 'Map', chapters: [figure] }))
    expect(one.article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(['Map of the straits, 1938.'])
    const later = await parseFile('book.epub', makeEpub({ title: 'Book', chapters: [...chapters, figure] }))
    expect(later.article.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toContain('Map of the straits, 1938.')
  })

  it('refuses an EPUB without a package document', async () => {
    await expect(parseFile('book.epub', makeEpub({ chapters, withoutOpf: true }))).rejects.toThrow('book.epub: not an EPUB book (it has no package document, .opf).')
  })
})

describe('zip limits', () => {
  const zeros = (n: number) => new Uint8Array(n)

  it('refuses archives that declare too much, or too many entries, before inflating', () => {
    const big = zipSync({ 'word/document.xml': zeros(3_000_000) })
    expect(() => readZip(big, 'bomb.docx', 'docx', () => true, { maxEntries: 10, maxTotalBytes: 2_000_000, maxEntryBytes: 10_000_000 })).toThrow(
      /^bomb\.docx: refused as a possible zip bomb: its contents would inflate to/
    )
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, strToU8('x')])))
    expect(() => readZip(many, 'many.epub', 'epub', () => true, { maxEntries: 10, maxTotalBytes: 1e9, maxEntryBytes: 1e9 })).toThrow(
      'many.epub: refused as a possible zip bomb: more than 10 entries.'
    )
  })

  it('stops inflating an entry that inflates to more than its header declares', () => {
    const bytes = zipSync({ 'word/document.xml': zeros(2_000_000) })
    // Rewrite the declared size (local header and central directory) to 1 KB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    view.setUint32(22, 1024, true)
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1024, true)
        break
      }
    }
    expect(() => readZip(bytes, 'liar.docx', 'docx', () => true)).toThrow(/^liar\.docx: refused as a possible zip bomb: word\/document\.xml inflates to more than it declares/)
  })

  it('keeps the real limits: an entry declaring 300 MB is refused without inflating it', async () => {
    const bytes = makeDocx({ body: para('Short memo.') })
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true)
    }
    await expect(parseFile('bomb.docx', bytes)).rejects.toThrow(/^bomb\.docx: refused as a possible zip bomb: .* would inflate to 300 MB/)
  })
})
