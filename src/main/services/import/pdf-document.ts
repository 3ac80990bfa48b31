import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { documentText, type ArticleDocument } from '../../../shared/document/article-document'
import { DossierError, firstLine } from '../../../shared/errors'
import { isoDate, pickTitle } from '../../../shared/import/document-metadata'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../../../shared/import/parsed-document'
import { TITLE_REASON } from '../../../shared/cleaning/title'
import { setAsidePrintedContents } from '../../../shared/cleaning/contents-lines'
import { setAsideMarkings } from '../../../shared/cleaning/chrome-rules'
import { setAsidePullQuotes } from '../../../shared/cleaning/pull-quotes'
import { datelineDate, storyDateline } from '../../../shared/cleaning/dateline'
import { liftDocumentCues } from '../../../shared/cleaning/document-cues'
import { layoutPdf } from '../../../shared/pdf/pdf-layout'
import { siteInTitle } from './site-in-title'
import { cleanPrintedPage, printedPageUrl } from '../../../shared/pdf/printed-page'
import type { PdfPageText, PdfTextItem } from '../../../shared/pdf/text-items'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PDFPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>

let pdfjs: Promise<PdfJs> | null = null

/** pdf.js is an ES module of 2 MB: loaded on the first PDF, not when the worker starts. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

/** The fonts and character maps shipped in the pdfjs-dist package: nothing is fetched from the network. */
function packageDir(): string {
  return pdfjsAssetDir(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')))
}

/**
 * In the packaged app the package sits in app.asar, and electron-builder.config.cjs unpacks its
 * fonts and character maps beside it (app.asar.unpacked): read from there when they are, so the
 * parse workers need no asar support of their own.
 */
export function pdfjsAssetDir(dir: string, exists: (path: string) => boolean = existsSync): string {
  const unpacked = dir.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked')
  return unpacked !== dir && exists(join(unpacked, 'standard_fonts')) ? unpacked : dir
}

export const NO_TEXT_LAYER = 'has no text layer (scanned); Dossier cannot read scanned pages yet'

export interface PdfOptions {
  password?: string
}

/**
 * A PDF's text layer becomes an article: pdf.js reads each page's text with positions, the pure
 * layout (src/shared/pdf) builds blocks, and the title comes from the document info or XMP, else
 * the cover's largest text. Nothing in the file runs: only text, metadata and page labels are
 * read, with eval off, XFA off and no fonts but the packaged standard ones.
 */
export async function parsePdf(bytes: Uint8Array, fileName: string, options: PdfOptions = {}): Promise<ParsedDocument> {
  const lib = await loadPdfJs()
  const dir = packageDir()
  let task: ReturnType<PdfJs['getDocument']>
  try {
    task = lib.getDocument({
      // A copy, and a plain Uint8Array (pdf.js refuses a Buffer): pdf.js may take the buffer over,
      // and the caller still stores the original bytes.
      data: new Uint8Array(bytes),
      password: options.password,
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      disableFontFace: true,
      useWorkerFetch: false,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
      verbosity: 0
    })
  } catch (err) {
    throw openError(err, fileName, options)
  }
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (err) {
    await task.destroy().catch(() => undefined)
    throw openError(err, fileName, options)
  }
  try {
    const pages: PdfPageText[] = []
    const bold = boldFonts()
    let chars = 0
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      await bold.learn(page, content.items.flatMap((raw) => ('fontName' in raw ? [raw.fontName] : [])))
      const items: PdfTextItem[] = []
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str === '') continue
        // Into the page as shown: rotation and crop box applied, then y measured upwards again.
        const m = lib.Util.transform(viewport.transform, raw.transform) as number[]
        const size = Math.hypot(m[2]!, m[3]!) || Math.hypot(m[0]!, m[1]!)
        items.push({ str: raw.str, x: m[4]!, y: viewport.height - m[5]!, width: raw.width, size, font: raw.fontName, bold: bold.is(raw.fontName) })
        chars += raw.str.trim().length
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, items })
      page.cleanup()
    }
    if (chars === 0) throw new DossierError('invalid_input', `${fileName}: ${NO_TEXT_LAYER}.`, { id: 'import.pdf_no_text', values: { file: fileName } })
    const layout = layoutPdf(pages)
    const [meta, labels] = await Promise.all([doc.getMetadata().catch(() => null), doc.getPageLabels().catch(() => null)])
    const info = (meta?.info ?? {}) as Record<string, unknown>
    const xmp = meta?.metadata ?? null
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
    const blocks = layout.blocks
    const language = str(info.Language) ?? str(xmp?.get('dc:language'))
    // A web page printed to PDF by a browser: its address in the running footer, its chrome and
    // byline cleaned as a page's; the file's creation date is when it was printed, not published,
    // and its title is the page's, "Headline | Site".
    const url = printedPageUrl(blocks)
    const printed = url ? cleanPrintedPage(blocks, language) : null
    if (!printed) setAsidePrintedContents(blocks)
    setAsideMarkings(blocks)
    setAsidePullQuotes(blocks)
    // A memo, a Factiva or Nexis story exported as a PDF, a republished report.
    const cues = liftDocumentCues(blocks, { header: !printed })
    const headlines = blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    const site = printed ? siteInTitle(str(info.Title) ?? str(xmp?.get('dc:title')), headlines) : null
    const title = site?.headline ?? cues.title ?? pickTitle([str(xmp?.get('dc:title')), str(info.Title), layout.largestHeading], fileName)
    const first = blocks.find((b) => !b.removed)
    if (title && first?.kind === 'heading' && comparable(first.text) === comparable(title)) first.removed = { reason: TITLE_REASON }
    const document: ArticleDocument = { version: 1, blocks, pageCount: doc.numPages }
    if (labels && labels.some((l, i) => l !== String(i + 1))) document.pageLabels = labels.slice(0, doc.numPages)
    const author = cues.author ?? str(xmp?.get('dc:creator')) ?? str(info.Author) ?? printed?.author
    const created = isoDate(str(xmp?.get('xmp:createdate')) ?? str(info.CreationDate))
    // A press release printed to PDF: "OSLO, Norway, March 3, 2026 /PRNewswire/ --" says when it was issued.
    const dateline = storyDateline(document)
    return {
      title: clampTitle(title ?? firstKeptLine(document) ?? titleFromFileName(fileName)),
      text: documentText(document),
      document,
      author: author ? author.replace(/\s*;\s*/g, ', ') : null,
      source: site?.site ?? cues.source,
      url,
      publishedAt: printed ? printed.publishedAt : (cues.publishedAt ?? datelineDate(dateline) ?? created),
      dateline,
      language,
      tags: [],
      pages: doc.numPages
    }
  } catch (err) {
    if (err instanceof DossierError) throw err
    throw new DossierError('invalid_input', `${fileName}: the PDF is damaged and cannot be read (${firstLine(err)}).`, { id: 'import.pdf_damaged', values: { file: fileName, detail: firstLine(err) } })
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}

/** Pages whose operators are read for their fonts' names, at most: each read costs about as much as the page's text. */
const FONT_PAGES = 8
/** A font's PostScript name after its subset prefix: "ABCDEF+Georgia-BoldItalic". */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold/i

/**
 * Which of the document's fonts are bold, for headings set bold at the body's size. pdf.js names
 * a text item's font by an id only; the font's own name is known once a page's operators have been
 * read. Fonts are shared across pages, so the pages that bring new fonts are read, up to FONT_PAGES:
 * a font met only later is not known to be bold.
 */
function boldFonts() {
  const known = new Map<string, boolean>()
  let read = 0
  return {
    async learn(page: PDFPageProxy, fonts: string[]): Promise<void> {
      const unknown = [...new Set(fonts)].filter((f) => !known.has(f))
      if (unknown.length === 0 || read >= FONT_PAGES) return
      read++
      // A page whose drawing cannot be read (a broken image, say) still has its text: its fonts
      // stay unknown, and the document is read without knowing them bold.
      const drawn = await page.getOperatorList().then(
        () => true,
        () => false
      )
      for (const id of unknown) {
        const font: unknown = drawn && page.commonObjs.has(id) ? page.commonObjs.get(id) : null
        const name = font && typeof font === 'object' && 'name' in font && typeof font.name === 'string' ? font.name : ''
        known.set(id, BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, '')))
      }
    },
    is: (id: string): boolean | undefined => known.get(id)
  }
}

function comparable(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim()
}

function firstKeptLine(doc: ArticleDocument): string | null {
  const first = doc.blocks.find((b) => !b.removed)?.text.split('\n')[0]
  return first ? first.slice(0, 120) : null
}

function openError(err: unknown, fileName: string, options: PdfOptions): DossierError {
  const name = err instanceof Error ? err.name : ''
  const code = (err as { code?: number } | null)?.code
  if (name === 'PasswordException') {
    return code === 2 || options.password
      ? new DossierError('needs_password', `${fileName}: the password is not right for this encrypted PDF.`, { id: 'import.pdf_wrong_password', values: { file: fileName } })
      : new DossierError('needs_password', `${fileName}: the PDF is encrypted; give its password to import it.`, { id: 'import.pdf_needs_password', values: { file: fileName } })
  }
  if (name === 'InvalidPDFException') return new DossierError('invalid_input', `${fileName}: not a PDF, or damaged beyond reading (${firstLine(err)}).`, { id: 'import.pdf_not_pdf', values: { file: fileName, detail: firstLine(err) } })
  return new DossierError('invalid_input', `${fileName}: the PDF cannot be read (${firstLine(err)}).`, { id: 'import.pdf_unreadable', values: { file: fileName, detail: firstLine(err) } })
}
