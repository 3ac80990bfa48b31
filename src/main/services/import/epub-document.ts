import { documentText, type ArticleDocument, type Block } from '../../../shared/document/article-document'
import { DossierError } from '../../../shared/errors'
import { FRONT_MATTER_REASON, isoDate, pickTitle } from '../../../shared/import/document-metadata'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../../../shared/import/parsed-document'
import { TITLE_REASON } from '../../../shared/cleaning/title'
import { documentHtmlBlocks } from './html-document'
import { xmlAttributes, xmlText } from './xml-text'
import { readZip, utf8 } from './zip-archive'

const TEXT_ENTRY = /\.(?:opf|xml|xhtml|html|htm|ncx)$/i

/** `OEBPS/text/../images/a.png` → `OEBPS/images/a.png`; null when it climbs out of the archive. */
function resolvePath(base: string, href: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(href.split('#')[0]!)
  } catch {
    path = href.split('#')[0]!
  }
  const parts = (path.startsWith('/') ? [] : base.split('/').slice(0, -1)).concat(path.split('/'))
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') {
      if (!out.pop()) return null
    } else out.push(p)
  }
  return out.join('/')
}

/**
 * EPUB 3's semantic types (`epub:type`) and their ARIA roles. Read by attribute: jsdom's selector
 * engine does not match an attribute name with a colon.
 */
const semantic = (el: Element): string => `${el.getAttribute('epub:type') ?? ''} ${el.getAttribute('role') ?? ''}`
const isNoteRef = (el: Element) => el.localName === 'a' && /\b(?:noteref|doc-noteref)\b/u.test(semantic(el))
// ARIA's plain role "note" is a callout in the text, not a footnote: only epub:type's "note" is.
const isNote = (el: Element) =>
  el.localName !== 'a' && (/\b(?:footnote|endnote|rearnote|note)\b/u.test(el.getAttribute('epub:type') ?? '') || /\bdoc-(?:footnote|endnote)\b/u.test(el.getAttribute('role') ?? ''))
const FRONT_TYPES = /\b(?:cover|titlepage|halftitlepage|copyright-page|imprint|colophon|doc-cover|doc-colophon)\b/u

/**
 * A chapter that is a cover, a title page or a copyright page: marked so by its `epub:type`, or,
 * when the book marks nothing and has chapters besides, short and naming its rights and ISBN, or,
 * among the first two, an image with a line or two. A book of one chapter is all text.
 */
function isFrontMatter(doc: Document, chapter: number, chapters: number): boolean {
  const marked = [doc.body, ...Array.from(doc.body.querySelectorAll('section, div'))].some((el) => FRONT_TYPES.test(semantic(el)))
  if (marked) return true
  if (chapters < 2) return false
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim()
  if (text.length <= 1500 && /\bISBN\b/u.test(text) && /(?:all rights reserved|copyright|©)/iu.test(text)) return true
  return chapter <= 2 && text.length <= 160 && doc.body.querySelector('img, svg, image') !== null
}

/**
 * The book's footnotes and endnotes (EPUB 3 marks them with `epub:type`): each reference in the
 * text reads "[1]" where the reader showed a raised 1, and each note becomes a footnote block at
 * the end, labelled like the reference that points to it, wherever in the book it was.
 */
function bookNotes() {
  const labels = new Map<string, string>()
  const found: Block[] = []
  return {
    take(doc: Document, path: string, chapter: number): void {
      for (const ref of Array.from(doc.getElementsByTagName('a')).filter(isNoteRef)) {
        const label = (ref.textContent ?? '').replace(/[[\]\s]/g, '') || String(labels.size + 1)
        const href = ref.getAttribute('href') ?? ''
        const target = href.startsWith('#') ? `${path}${href}` : `${resolvePath(path, href) ?? ''}#${href.split('#')[1] ?? ''}`
        labels.set(target, label)
        ref.replaceWith(doc.createTextNode(`[${label}]`))
      }
      for (const note of Array.from(doc.body.getElementsByTagName('*')).filter(isNote)) {
        if (!note.isConnected) continue
        // The note's own link back to the text ("↩", or its number) is not its text.
        for (const back of Array.from(note.querySelectorAll('a[href]'))) if (/^\s*(?:↩︎?|\[?\d+\]?\.?)\s*$/u.test(back.textContent ?? '')) back.remove()
        const text = (note.textContent ?? '').replace(/\s+/g, ' ').trim()
        const label = labels.get(`${path}#${note.id}`) ?? String(found.length + 1)
        if (text) found.push({ kind: 'footnote', text: `[${label}] ${text}`.normalize('NFC'), chapter })
        note.remove()
      }
    },
    blocks: (): Block[] => found
  }
}

/**
 * An EPUB book: its chapters in spine order, each sanitized like any web page and read into
 * blocks that know their chapter; title, authors, date and language from the package document.
 */
export function parseEpub(bytes: Uint8Array, fileName: string): ParsedDocument {
  const files = readZip(bytes, fileName, 'epub', (name) => TEXT_ENTRY.test(name))
  const container = utf8(files.get('META-INF/container.xml'))
  const rootPath = xmlAttributes(container, 'rootfile').find((a) => a['full-path'])?.['full-path'] ?? [...files.keys()].find((n) => /\.opf$/i.test(n))
  const opf = rootPath ? files.get(rootPath) : undefined
  if (!rootPath || !opf) throw new DossierError('invalid_input', `${fileName}: not an EPUB book (it has no package document, .opf).`, { id: 'import.epub_no_package', values: { file: fileName } })
  const pkg = utf8(opf)

  const manifest = new Map<string, { href: string; type: string }>()
  for (const item of xmlAttributes(pkg, 'item')) {
    if (item.id && item.href) manifest.set(item.id, { href: item.href, type: item['media-type'] ?? '' })
  }
  const itemrefs = [...xmlAttributes(pkg, 'itemref'), ...xmlAttributes(pkg, 'opf:itemref')]
  const blocks: Block[] = []
  const notes = bookNotes()
  let chapter = 0
  let language: string | null = null
  for (const ref of itemrefs) {
    const item = ref.idref ? manifest.get(ref.idref) : undefined
    if (!item || !/html/i.test(item.type)) continue
    const path = resolvePath(rootPath, item.href)
    const content = path ? files.get(path) : undefined
    if (!content) continue
    chapter++
    let front = false
    const part = documentHtmlBlocks(utf8(content), `${fileName} (${item.href})`, (doc) => {
      front = isFrontMatter(doc, chapter, itemrefs.length)
      notes.take(doc, path!, chapter)
    })
    language ??= part.language
    for (const b of part.blocks) blocks.push(front && !b.removed ? { ...b, chapter, removed: { reason: FRONT_MATTER_REASON } } : { ...b, chapter })
  }
  blocks.push(...notes.blocks())
  if (chapter === 0) throw new DossierError('invalid_input', `${fileName}: the EPUB book has no readable chapters in its spine.`, { id: 'import.epub_no_chapters', values: { file: fileName } })

  const document: ArticleDocument = { version: 1, blocks }
  const dc = (tag: string) => xmlText(pkg, `dc:${tag}`)
  const creators = [...pkg.matchAll(/<dc:creator(?:\s[^>]*)?>([\s\S]*?)<\/dc:creator>/g)]
    .map((m) => xmlText(m[0], 'dc:creator'))
    .filter((c): c is string => Boolean(c))
  const title = pickTitle([dc('title'), blocks.find((b) => b.kind === 'heading')?.text], fileName)
  const first = blocks.find((b) => !b.removed)
  if (title && first?.kind === 'heading' && first.text.trim().toLowerCase() === title.toLowerCase()) first.removed = { reason: TITLE_REASON }
  const text = documentText(document)
  return {
    title: clampTitle(title ?? titleFromFileName(fileName)),
    text,
    document,
    author: creators.length ? creators.join(', ') : null,
    source: dc('publisher'),
    url: null,
    publishedAt: isoDate(dc('date')),
    dateline: null,
    language: dc('language') ?? language,
    tags: []
  }
}
