import mammoth from 'mammoth'
import { documentText, type ArticleDocument, type Block } from '../../../shared/document/article-document'
import { DossierError, firstLine } from '../../../shared/errors'
import { isoDate, pickTitle, TOC_REASON } from '../../../shared/import/document-metadata'
import { setAsidePrintedContents } from '../../../shared/cleaning/contents-lines'
import { setAsideMarkings } from '../../../shared/cleaning/chrome-rules'
import { datelineDate, storyDateline } from '../../../shared/cleaning/dateline'
import { liftDocumentCues } from '../../../shared/cleaning/document-cues'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../../../shared/import/parsed-document'
import { TITLE_REASON } from '../../../shared/cleaning/title'
import { documentHtmlBlocks } from './html-document'
import { xmlElements, xmlText } from './xml-text'
import { readZip, utf8 } from './zip-archive'

const WANTED = new Set(['word/document.xml', 'word/comments.xml', 'docProps/core.xml'])

/** Word's own styles for titles and quotations, which mammoth's default map leaves as paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote:fresh",
  "p[style-name='Intense Quote'] => blockquote:fresh"
]

/**
 * Word puts every table cell's text in a paragraph, which the block builder would take for a
 * layout table. A cell of paragraphs only is a data cell: its paragraphs become lines.
 */
function unwrapCellParagraphs(doc: Document): void {
  for (const cell of Array.from(doc.querySelectorAll('td, th'))) {
    const children = Array.from(cell.children)
    if (children.length === 0 || children.some((c) => c.localName !== 'p')) continue
    const parts: Node[] = []
    children.forEach((p, i) => {
      if (i > 0) parts.push(doc.createElement('br'))
      parts.push(...Array.from(p.childNodes))
    })
    cell.replaceChildren(...parts)
  }
}

/**
 * A Word document through mammoth to HTML, then the sanitizer and block builder every web page
 * goes through. Footnotes and endnotes become footnote blocks at the end; comments, tracked
 * changes and images are not imported, and the report says how many there were. The archive is
 * checked against zip bombs before mammoth (which trusts it) sees it.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  const parts = readZip(bytes, fileName, 'docx', (name) => WANTED.has(name))
  const body = parts.get('word/document.xml')
  if (!body) throw new DossierError('invalid_input', `${fileName}: not a Word document (word/document.xml is missing).`, { id: 'import.docx_no_body', values: { file: fileName } })
  const bodyXml = utf8(body)
  let images = 0
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Linked files are never read: a document must not reach into the analyst's disk.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          images++
          return { src: '' }
        })
      }
    )
    html = result.value
  } catch (err) {
    throw new DossierError('invalid_input', `${fileName}: a damaged Word document (${firstLine(err)}).`, { id: 'import.docx_damaged', values: { file: fileName, detail: firstLine(err) } })
  }

  const notes: { label: string; text: string }[] = []
  let contents = new Set<string>()
  const { blocks } = documentHtmlBlocks(`<!doctype html><html><body>${html}</body></html>`, fileName, (doc) => {
    for (const li of Array.from(doc.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
      for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove()
      const number = /-(\d+)$/.exec(li.id)?.[1] ?? String(notes.length + 1)
      const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (text) notes.push({ label: `[${number}]`, text })
      const list = li.parentElement
      li.remove()
      if (list && list.children.length === 0) list.remove()
    }
    unwrapCellParagraphs(doc)
    contents = tableOfContents(doc)
  })
  setAsideContents(blocks, contents)
  // A contents typed by hand, with dot leaders and pages, and no links to the headings.
  setAsidePrintedContents(blocks)
  setAsideMarkings(blocks)
  // A memo's SUBJECT, FROM and DATE, a Factiva or Nexis record, a republication note: they say
  // more than the file's properties, which a template filled in.
  const cues = liftDocumentCues(blocks)
  const footnotes: Block[] = notes.map((n) => ({ kind: 'footnote', text: `${n.label} ${n.text}`.normalize('NFC') }))
  const document: ArticleDocument = { version: 1, blocks: [...blocks, ...footnotes] }

  const core = utf8(parts.get('docProps/core.xml'))
  const firstHeading = blocks.find((b) => b.kind === 'heading')?.text
  const title = cues.title ?? pickTitle([xmlText(core, 'dc:title'), firstHeading], fileName)
  const first = blocks.find((b) => !b.removed)
  if (title && first?.kind === 'heading' && first.text.trim() === title) first.removed = { reason: TITLE_REASON }

  const comments = xmlElements(utf8(parts.get('word/comments.xml')), 'w:comment')
  const changes = xmlElements(bodyXml, 'w:ins') + xmlElements(bodyXml, 'w:del')
  const report = [
    comments && `${comments} comment${comments === 1 ? '' : 's'} not imported`,
    changes && `${changes} tracked change${changes === 1 ? '' : 's'} (insertions kept, deletions left out)`,
    images && `${images} image${images === 1 ? '' : 's'} left out`
  ].filter((n): n is string => Boolean(n))

  const text = documentText(document)
  // A press release's dateline says when it was issued; the file's dates only when it was written.
  const dateline = storyDateline(document)
  return {
    title: clampTitle(title ?? text.split('\n')[0]?.slice(0, 120) ?? titleFromFileName(fileName)),
    text,
    document,
    author: cues.author ?? xmlText(core, 'dc:creator'),
    source: cues.source,
    url: null,
    publishedAt: cues.publishedAt ?? datelineDate(dateline) ?? isoDate(xmlText(core, 'dcterms:created') ?? xmlText(core, 'dcterms:modified')),
    dateline,
    language: xmlText(core, 'dc:language'),
    tags: [],
    notes: report
  }
}

const comparable = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Word's table of contents: entries that link to its headings' "_Toc" bookmarks ("Introduction	3").
 * Their text, to set the entries aside once the blocks are written.
 */
function tableOfContents(doc: Document): Set<string> {
  const entries = new Set<string>()
  for (const link of Array.from(doc.querySelectorAll('a[href^="#_Toc"]'))) {
    const entry = link.closest('p, li') ?? link
    const text = comparable(entry.textContent ?? '')
    if (text) entries.add(text)
  }
  return entries
}

/**
 * The contents' entries set aside with their reason, from the top of the document until the first
 * heading they list: there the text begins, and a paragraph that reads like an entry is the author's.
 */
function setAsideContents(blocks: Block[], entries: ReadonlySet<string>): void {
  if (entries.size === 0) return
  for (const b of blocks) {
    if (b.removed) continue
    const text = comparable(b.text)
    if (b.kind === 'heading' && [...entries].some((e) => e.startsWith(text))) break
    if ((b.kind === 'paragraph' || b.kind === 'list-item') && entries.has(text)) b.removed = { reason: TOC_REASON }
  }
}

