import { describe, expect, it } from 'vitest'
import { layoutPdf } from './pdf-layout'
import { column, pageOf, type LineSpec } from './test-pages'

const LEFT = [
  'The ministry published its annual review of maritime security in the northern waters on Monday morning.',
  'Officials said patrols doubled over the year while incidents fell by a third across the region.'
]
const RIGHT = [
  'Shipping companies welcomed the report but asked for clearer rules on convoy escorts near the straits.',
  'A parliamentary committee will hear the minister next month about the cost of the patrols.'
]

const kept = (blocks: ReturnType<typeof layoutPdf>['blocks']) => blocks.filter((b) => !b.removed)

describe('layoutPdf', () => {
  it('reads a two-column page column by column, under its full-width title', () => {
    const left = column(LEFT, 72, 700, 40)
    const right = column(RIGHT, 320, 700, 40)
    const page = pageOf(1, [{ text: 'Maritime security review', x: 72, y: 760, size: 20 }, ...left.lines, ...right.lines])
    const { blocks } = layoutPdf([page])
    expect(kept(blocks).map((b) => b.text)).toEqual(['Maritime security review', ...LEFT, ...RIGHT])
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, page: 1 })
  })

  it('keeps a one-column page with a ragged last line as one paragraph per paragraph', () => {
    const { lines } = column([...LEFT, ...RIGHT], 72, 760, 90)
    const { blocks } = layoutPdf([pageOf(1, lines)])
    expect(kept(blocks).map((b) => b.text)).toEqual([...LEFT, ...RIGHT])
  })

  it('sets running headers, footers and page numbers aside with their reason, and joins a paragraph across pages', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of the long paragraph carries on across the page break without stopping here`).join(' ')
    const all = column([text], 72, 760, 90).lines
    const pages = [0, 1, 2].map((p) => {
      const body = all.slice(p * 5, p * 5 + 5).map((l, i) => ({ ...l, y: 760 - i * 12 }))
      return pageOf(p + 1, [
        { text: 'Harbour Authority Annual Report 2024', x: 72, y: 810, size: 8 },
        ...body,
        { text: `Confidential draft ${p + 1}`, x: 72, y: 40, size: 8 },
        { text: String(p + 1), x: 290, y: 25, size: 8 }
      ])
    })
    const { blocks } = layoutPdf(pages)
    expect(kept(blocks).map((b) => b.text)).toEqual([text])
    const reasons = blocks.filter((b) => b.removed).map((b) => b.removed!.reason)
    expect(reasons).toContain('running header (on 3 pages)')
    expect(reasons).toContain('running footer (on 3 pages)')
    expect(reasons.filter((r) => r === 'page number')).toHaveLength(3)
    const paragraph = kept(blocks)[0]!
    expect(paragraph).toMatchObject({ page: 1, pageEnd: 3 })
    expect(paragraph.pageBreaks).toHaveLength(2)
    // The second page starts with the sixth line's first word.
    expect(paragraph.text.slice(paragraph.pageBreaks![0]!)).toMatch(new RegExp(`^${all[5]!.text.split(' ')[0]}`))
  })

  it('joins a word broken at a line end and keeps a real compound', () => {
    const lines: LineSpec[] = [
      { text: 'The agency will regu-', x: 72, y: 760 },
      { text: 'late high-', x: 72, y: 748 },
      { text: 'risk cargo at every port from next year onwards, and high', x: 72, y: 736 },
      { text: 'fees deter the risk that a ship sails without a permit or a pro-', x: 72, y: 724 },
      { text: 'gramme of checks.', x: 72, y: 712 }
    ]
    const { blocks } = layoutPdf([pageOf(1, lines)])
    expect(kept(blocks)[0]!.text).toBe(
      'The agency will regulate high-risk cargo at every port from next year onwards, and high fees deter the risk that a ship sails without a permit or a programme of checks.'
    )
  })

  it('keeps the hyphen the document writes elsewhere and joins a word it writes whole elsewhere', () => {
    const lines: LineSpec[] = [
      { text: 'A well-funded and cross-border co-', x: 72, y: 760 },
      { text: 'operation, said the co-operation office, in a cross-', x: 72, y: 748 },
      { text: 'border report on the border, after the cooperation accord was sig-', x: 72, y: 736 },
      { text: 'ned by all sides and signed again in May.', x: 72, y: 724 }
    ]
    const { blocks } = layoutPdf([pageOf(1, lines)])
    expect(kept(blocks)[0]!.text).toBe(
      'A well-funded and cross-border co-operation, said the co-operation office, in a cross-border report on the border, after the cooperation accord was signed by all sides and signed again in May.'
    )
  })

  it('turns small numbered notes at the foot of the page into footnote blocks after the body', () => {
    const body = column(LEFT, 72, 760, 90).lines
    const page1 = pageOf(1, [
      ...body,
      { text: '1 Ministry of Defence, Annual Review 2024, p. 12.', x: 72, y: 90, size: 8 },
      { text: '2 Figures from the coast guard, which counts incidents', x: 72, y: 80, size: 8 },
      { text: '2019 onwards by a different method.', x: 72, y: 70, size: 8 }
    ])
    const page2 = pageOf(2, column(RIGHT, 72, 760, 90).lines)
    const { blocks } = layoutPdf([page1, page2])
    expect(kept(blocks).map((b) => [b.kind, b.text, b.page])).toEqual([
      ['paragraph', LEFT[0], 1],
      ['paragraph', LEFT[1], 1],
      ['paragraph', RIGHT[0], 2],
      ['paragraph', RIGHT[1], 2],
      ['footnote', '1 Ministry of Defence, Annual Review 2024, p. 12.', 1],
      ['footnote', '2 Figures from the coast guard, which counts incidents 2019 onwards by a different method.', 1]
    ])
  })

  it('ranks headings by size and reads a grid of aligned cells as a table', () => {
    const lines: LineSpec[] = [
      { text: 'Annual review', x: 72, y: 780, size: 22 },
      { text: 'Patrols by region', x: 72, y: 740, size: 14 },
      { text: 'Region', x: 72, y: 710 },
      { text: 'Patrols', x: 250, y: 710 },
      { text: 'Incidents', x: 400, y: 710 },
      { text: 'North', x: 72, y: 698 },
      { text: '120', x: 250, y: 698 },
      { text: '14', x: 400, y: 698 },
      { text: 'Baltic approaches', x: 72, y: 686 },
      { text: '87', x: 250, y: 686 },
      { text: '9', x: 400, y: 686 },
      ...column(['The table counts patrols that lasted a full day or longer, as in earlier reviews.'], 72, 660, 90).lines
    ]
    const { blocks } = layoutPdf([pageOf(1, lines)])
    expect(kept(blocks).map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, 'Annual review'],
      ['heading', 2, 'Patrols by region'],
      ['table', undefined, 'Region\tPatrols\tIncidents\nNorth\t120\t14\nBaltic approaches\t87\t9'],
      ['paragraph', undefined, 'The table counts patrols that lasted a full day or longer, as in earlier reviews.']
    ])
  })

  it('splits typographic ligatures and reads bullet lines as list items', () => {
    const lines: LineSpec[] = [
      { text: 'The \uFB01nal report \uFB02ags three risks:', x: 72, y: 760 },
      { text: '• of\uFB01cial \uFB01gures arrive late;', x: 72, y: 740 },
      { text: '• ports lack sta\uFB00;', x: 72, y: 728 }
    ]
    const { blocks } = layoutPdf([pageOf(1, lines)])
    expect(kept(blocks).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The final report flags three risks:'],
      ['list-item', 'official figures arrive late;'],
      ['list-item', 'ports lack staff;']
    ])
  })

  it('offers the cover page’s largest text as a title', () => {
    const lines: LineSpec[] = [
      { text: 'Sea lanes under', x: 72, y: 700, size: 28 },
      { text: 'pressure', x: 72, y: 668, size: 28 },
      ...column(LEFT, 72, 600, 90).lines
    ]
    expect(layoutPdf([pageOf(1, lines)]).largestHeading).toBe('Sea lanes under pressure')
  })
  it('reads a section set in two columns between full-width paragraphs column by column', () => {
    const intro = 'The review covers the whole year and draws on port records, insurers\' rate sheets and interviews with shipping executives in three countries.'
    const outro = 'The conclusions below follow from these figures and from the accounts of the incidents given by the authorities concerned.'
    const top = column([intro], 72, 760, 90)
    const left = column(LEFT, 72, top.bottom, 40)
    const right = column(RIGHT, 320, top.bottom, 40)
    const bottom = column([outro], 72, Math.min(left.bottom, right.bottom), 90)
    const { blocks } = layoutPdf([pageOf(1, [...top.lines, ...left.lines, ...right.lines, ...bottom.lines])])
    expect(kept(blocks).map((b) => b.text)).toEqual([intro, ...LEFT, ...RIGHT, outro])
  })

  it('keeps labels and their values together on their rows under a full-width paragraph', () => {
    const intro = 'The incident report was filed by the harbour master on the morning after the collision and forwarded to the ministry the same day.'
    const top = column([intro], 72, 760, 90)
    // Labels and values of about the same width, as wide as a column's lines.
    const fields = ['Reporting officer on duty', 'Name and type of vessel', 'Flag state and registry', 'Position at the collision', 'Weather at the time', 'Damage found on survey', 'Casualties and injuries', 'Next steps agreed on site']
    const values = ['Harbour Master Jonas Berg', 'Bulk carrier Northern Light', 'Malta, Valletta registry', 'Outer anchorage, berth 4', 'Fog, visibility 200 metres', 'Hull plating above waterline', 'None reported by the crew', 'Survey by the class society']
    const rows = fields.flatMap((f, i) => [
      { text: f, x: 72, y: top.bottom - i * 14 },
      { text: values[i]!, x: 320, y: top.bottom - i * 14 }
    ])
    const text = kept(layoutPdf([pageOf(1, [...top.lines, ...rows])]).blocks).map((b) => b.text).join('\n')
    // Each label is followed by its own value, not by the next label.
    for (let i = 0; i < fields.length; i++) expect(text.indexOf(values[i]!)).toBeLessThan(i + 1 < fields.length ? text.indexOf(fields[i + 1]!) : Infinity)
  })

  it('goes on with a paragraph whose column carries over to the top of a page set in one column', () => {
    const paragraph = 'Brokers we interviewed disputed this, describing a period in which several owners simply refused to fix vessels for the route until premiums settled.'
    const left = column([...LEFT, ...RIGHT.slice(0, 1)], 72, 760, 40)
    const right = column([RIGHT[1]!], 320, 760, 40)
    const carried = column([paragraph], 320, right.bottom, 40).lines
    // The last two lines of the right column are set at the top of the next page, left-aligned.
    const page1 = [...left.lines, ...right.lines, ...carried.slice(0, -2)]
    const page2 = [...carried.slice(-2).map((l, i) => ({ ...l, x: 72, y: 760 - i * 12 })), ...column([LEFT[0]!], 72, 700, 90).lines]
    const texts = kept(layoutPdf([pageOf(1, page1), pageOf(2, page2)]).blocks).map((b) => b.text)
    expect(texts).toContain(paragraph)
  })
  it('reads a narrow justified column whose word spaces grew past the cell gap as prose, not as a table', () => {
    // Three lines of three seven-letter words stretched to the column's 200 pt: 47.5 pt spaces.
    const stretched = [['patrols', 'doubled', 'quickly'], ['vessels', 'stopped', 'sailing'], ['brokers', 'refused', 'cargoes']]
    const column = (x: number, lead: string[]): LineSpec[] => {
      const lines: LineSpec[] = lead.map((text, k) => ({ text, x, y: 700 - k * 12 }))
      stretched.forEach((words, k) => words.forEach((word, w) => lines.push({ text: word, x: x + w * 82.5, y: 700 - (lead.length + k) * 12 })))
      lines.push({ text: 'at the straits until spring.', x, y: 700 - (lead.length + 3) * 12 })
      return lines
    }
    const lead = ['The ministry said that over the year the', 'northern fleet and its coastguard escort', 'kept the lanes open while the number of', 'reported incidents fell and its naval', 'and coastguard crews reported that the']
    const page = pageOf(1, [...column(72, lead), ...column(320, lead)])
    const { blocks } = layoutPdf([page])
    expect(blocks.filter((b) => b.kind === 'table')).toEqual([])
    const paragraph = `${lead.join(' ')} ${stretched.flat().join(' ')} at the straits until spring.`
    expect(kept(blocks).map((b) => b.text)).toEqual([paragraph, paragraph])
  })
  it('keeps a heading whole when its short last line sits over the columns below it', () => {
    const intro = 'The review covers the whole year and draws on port records, insurers\' rate sheets and interviews with shipping executives in three countries.'
    const top = column([intro], 72, 760, 90)
    const heading: LineSpec[] = [
      { text: 'Traffic, insurance and the politics of the export', x: 72, y: top.bottom, size: 16 },
      { text: 'corridor in wartime', x: 72, y: top.bottom - 19, size: 16 }
    ]
    const left = column(LEFT, 72, top.bottom - 50, 40)
    const right = column(RIGHT, 320, top.bottom - 50, 40)
    const { blocks } = layoutPdf([pageOf(1, [...top.lines, ...heading, ...left.lines, ...right.lines])])
    expect(kept(blocks).map((b) => b.text)).toEqual([intro, 'Traffic, insurance and the politics of the export corridor in wartime', ...LEFT, ...RIGHT])
  })
  it('sets a one-page memo’s "Page 1 of 1" aside, apart from the footnote above it', () => {
    const body = column(LEFT, 72, 760, 90)
    const page = pageOf(1, [
      ...body.lines,
      { text: '1 Harbour Authority, Annual Report 2016, p. 14.', x: 72, y: 120, size: 8 },
      { text: 'Page 1 of 1', x: 270, y: 40, size: 8 }
    ])
    const { blocks } = layoutPdf([page])
    expect(kept(blocks).at(-1)).toMatchObject({ kind: 'footnote', text: '1 Harbour Authority, Annual Report 2016, p. 14.' })
    expect(blocks.find((b) => b.text === 'Page 1 of 1')?.removed?.reason).toBe('page number')
  })
  it('reads a raised note number after a word as [n], but not a unit’s square or a power', () => {
    // Items as a word processor's PDF gives them: the raised number is its own smaller run.
    const after = (text: string, x: number) => x + text.length * 5
    const line1 = 'Dredging costs rose for the third year running.'
    const line2 = 'The new basin covers 40 km'
    const line3 = 'Traffic grew by a factor of 10'
    const lines: LineSpec[] = [
      { text: line1, x: 72, y: 760 },
      { text: '1', x: after(line1, 72), y: 764, size: 6 },
      { text: line2, x: 72, y: 736 },
      { text: '2', x: after(line2, 72), y: 764 - 28, size: 6 },
      { text: 'of water.', x: after(line2, 72) + 8, y: 736 },
      { text: line3, x: 72, y: 712 },
      { text: '3', x: after(line3, 72), y: 716, size: 6 },
      { text: 'since 2016.', x: after(line3, 72) + 8, y: 712 },
      { text: '1 Harbour Authority, Annual Report 2016, p. 14.', x: 72, y: 120, size: 8 }
    ]
    const texts = kept(layoutPdf([pageOf(1, lines)]).blocks).map((b) => b.text)
    expect(texts[0]).toContain('third year running.[1]')
    expect(texts.join(' ')).toContain('40 km2 of water.')
    expect(texts.join(' ')).toContain('factor of 103 since 2016.')
    expect(texts.at(-1)).toBe('1 Harbour Authority, Annual Report 2016, p. 14.')
  })
})
