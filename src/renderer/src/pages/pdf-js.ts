import type { PDFDocumentProxy } from 'pdfjs-dist'
// Bundled by Vite as a file of the app: the worker loads from our own origin under the CSP.
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker'

type PdfJs = typeof import('pdfjs-dist')

let loaded: Promise<PdfJs> | null = null

/** pdf.js is large: loaded the first time a Page view opens, with one worker for every document. */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerPort = new PdfWorker()
    return lib
  })
  return loaded
}

/**
 * Where the build put pdf.js's standard fonts and character maps (electron.vite.config.ts copies
 * them beside the scripts): nothing is fetched from the network. Relative to this script, so it
 * holds in the desktop app's own scheme, the web shell and under a route.
 */
function assetUrl(folder: string): string {
  const here = import.meta.url
  return new URL(`./pdfjs/${folder}/`, here).href
}

/**
 * pdf.js's standard fonts and character maps, fetched once per window and kept. Both shells serve
 * the app's files with `no-store`, so pdf.js's own fetcher asked the server again for each
 * document opened (≈ 140 KB for Helvetica's stand-in), while its first page waited for them.
 * Handed to pdf.js as its `BinaryDataFactory`; nothing else is fetched (no wasm is shipped).
 */
const kept = new Map<string, Promise<Uint8Array>>()
class KeptBinaryData {
  private readonly bases: Record<string, string | null | undefined>
  constructor({ cMapUrl, standardFontDataUrl }: { cMapUrl?: string | null; standardFontDataUrl?: string | null }) {
    this.bases = { cMapUrl, standardFontDataUrl }
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.bases[kind]
    if (!base) throw new Error(`pdf.js asked for ${kind} data, which Dossier does not ship.`)
    const url = `${base}${filename}`
    let data = kept.get(url)
    if (!data) {
      data = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`Unable to load pdf.js data at ${url}: ${response.status}`)
        return new Uint8Array(await response.arrayBuffer())
      })
      kept.set(url, data)
      // A failure is not kept: the next document asks again.
      data.catch(() => kept.delete(url))
    }
    // A copy: pdf.js may hand the buffer over to its worker.
    return (await data).slice()
  }
}

export class PdfPasswordNeeded extends Error {
  constructor(readonly wrong: boolean) {
    super(wrong ? 'That password is not right for this PDF.' : 'This PDF is encrypted: give its password to see its pages.')
    this.name = 'PdfPasswordNeeded'
  }
}

/** Opens a PDF's bytes for drawing. Nothing in the file runs: no eval, no XFA, no scripting, no annotation layer. */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    data: bytes,
    password,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    standardFontDataUrl: assetUrl('standard_fonts'),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    BinaryDataFactory: KeptBinaryData,
    verbosity: 0
  })
  try {
    return await task.promise
  } catch (err) {
    await task.destroy().catch(() => undefined)
    if (err instanceof Error && err.name === 'PasswordException') throw new PdfPasswordNeeded((err as { code?: number }).code === 2)
    throw err
  }
}
