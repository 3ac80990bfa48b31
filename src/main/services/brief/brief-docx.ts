import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild
} from 'docx'
import { plain, safeHref, type BriefBlock, type Inline } from '../../../shared/brief/brief-document'
import type { BriefRenderInput } from '../../../shared/brief/brief-render-input'
import { appendixColumns, appendixIntro, appendixRows, metaLine, quoteLabel, tableOf } from '../../../shared/brief/brief-words'
import type { Translate } from '../../../shared/i18n/messages'
import { rtlScriptLanguage, textDirection } from '../../../shared/text/direction'

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

/**
 * The brief as a Word document (the `docx` package): Word's own heading styles, real footnotes
 * (Word numbers them, in the order their references appear), a "Key Judgement" paragraph style
 * the analyst's house template can restyle, a "Quote" style for quoted passages, and tables for
 * the entity list, timeline, ACH summary and the evidence appendix.
 */
export async function briefDocx(input: BriefRenderInput): Promise<Buffer> {
  const { brief, notes } = input
  const footnotes: Record<number, { children: Paragraph[] }> = {}
  notes.forEach((note, i) => (footnotes[i + 1] = { children: [new Paragraph({ children: [new TextRun(note)] })] }))

  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(brief.title)] }),
    new Paragraph({
      style: 'BriefMeta',
      children: [new TextRun(metaLine(input))]
    })
  ]
  for (const block of brief.blocks) children.push(...blockDocx(block, input.t))
  children.push(...appendixDocx(input))

  const doc = new Document({
    creator: 'Dossier',
    title: brief.title,
    description: metaLine(input),
    styles: {
      paragraphStyles: [
        {
          id: 'KeyJudgement',
          name: 'Key Judgement',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true, color: '1F4E79' },
          paragraph: {
            spacing: { before: 160, after: 160 },
            indent: { left: 240, right: 240 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '1F4E79', space: 8 } },
            shading: { type: ShadingType.CLEAR, fill: 'EEF4FA', color: 'auto' }
          }
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 } }
        },
        { id: 'BriefMeta', name: 'Brief Meta', basedOn: 'Normal', next: 'Normal', run: { color: '555555', size: 18 } }
      ]
    },
    footnotes,
    sections: [{ children }]
  })
  return Packer.toBuffer(doc)
}

function blockDocx(block: BriefBlock, t: Translate): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(5, block.level)]!, children: runs(block.text), ...paragraphDirection(plain(block.text)) })]
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text), ...paragraphDirection(plain(block.text)) })]
    case 'keyJudgement':
      if (!plain(block.text).trim()) return []
      return [new Paragraph({ style: 'KeyJudgement', children: [new TextRun({ text: `${t('brief:export.keyJudgementLead')} `, allCaps: true, size: 18 }), ...runs(block.text)], ...paragraphDirection(plain(block.text)) })]
    case 'blockquote':
      return [new Paragraph({ style: 'Quote', children: runs(block.text), ...paragraphDirection(plain(block.text)) })]
    case 'quote': {
      const lines = block.quote.split('\n')
      const text: ParagraphChild[] = lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...runDirection(line) }))
      const said = quoteLabel(block, t)
      const label = said ? [new Paragraph({ style: 'BriefMeta', children: [new TextRun(said)] })] : []
      return [...label, new Paragraph({ style: 'Quote', children: [...text, new FootnoteReferenceRun(block.cite + 1)], ...paragraphDirection(block.quote) })]
    }
    case 'list':
      return block.items.map((item) => new Paragraph({ children: runs(item), ...(block.ordered ? { numbering: undefined } : { bullet: { level: 0 } }), ...paragraphDirection(plain(item)) }))
    case 'table': {
      const { title, columns, rows, caption } = tableOf(block, t)
      return [
        new Paragraph({ children: [new TextRun({ text: title, bold: true })] }),
        table(columns, rows),
        ...(caption ? [new Paragraph({ style: 'BriefMeta', children: [new TextRun({ text: caption, italics: true })] })] : [])
      ]
    }
    case 'rule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })]
  }
}

function appendixDocx(input: BriefRenderInput): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(input.t('brief:export.appendix'))] }),
    new Paragraph({ children: [new TextRun(appendixIntro(input))] }),
    table(appendixColumns(input.t), appendixRows(input))
  ]
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: columns.map((_, i) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cells[i] ?? '', bold: header })] })] }))
    })
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(columns, true), ...rows.map((r) => row(r, false))] })
}

function runs(text: readonly Inline[]): ParagraphChild[] {
  return text.map((run) => {
    if (run.text === '\n') return new TextRun({ text: '', break: 1 })
    const href = safeHref(run.href)
    const t = new TextRun({ text: run.text, bold: run.bold, italics: run.italic, ...(href ? { style: 'Hyperlink' } : {}), ...runDirection(run.text) })
    return href ? new ExternalHyperlink({ link: href, children: [t] }) : t
  })
}

/** A right-to-left paragraph (w:bidi): Word lays it out from the right, its first line on the right margin (decision 0028). */
function paragraphDirection(text: string): { bidirectional?: true } {
  return textDirection(text) === 'rtl' ? { bidirectional: true } : {}
}

/**
 * A run holding right-to-left letters is marked so (w:rtl) with the language of its complex
 * script (w:lang w:bidi), which Word uses for shaping, spelling and the font it picks.
 */
function runDirection(text: string): { rightToLeft?: true; language?: { bidirectional: string } } {
  const language = rtlScriptLanguage(text)
  return language ? { rightToLeft: true, language: { bidirectional: language } } : {}
}
