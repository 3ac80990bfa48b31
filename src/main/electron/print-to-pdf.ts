import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

/**
 * The desktop app's PDF of a brief: its self-contained HTML loaded in a hidden window that runs
 * no script, printed with Chromium's own `printToPDF`, so the PDF is the print view of the HTML
 * export (decision 0029). The window is made per brief and destroyed after, even on failure.
 */

/** Chromium refuses longer URLs between processes; a brief this large is printed from the HTML file instead. */
export const MAX_PRINT_URL = 2 * 1024 * 1024 - 1024

/** Hidden, sandboxed, no scripts, no preload: it only lays out the brief's HTML (which carries its own CSP). */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      javascript: false,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // As in the main window: no middle-click opening of links, even with scripts off.
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    }
  }
}

/** A4 with the print styles' own margins; links stay links; background shading (key judgements) kept. */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  margins: { top: 0.8, bottom: 0.8, left: 0.8, right: 0.8 },
  generateDocumentOutline: true,
  displayHeaderFooter: false
} as const

export function printUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
  if (url.length > MAX_PRINT_URL) {
    throw new Error('The brief is too large to print to PDF here: export it as HTML and print that file from a browser.')
  }
  return url
}

type WindowLike = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'printToPDF'> }

/** A PdfPrinter for BriefService, making its windows with `create` (Electron's BrowserWindow in the shell). */
export function createPdfPrinter(create: (options: BrowserWindowConstructorOptions) => WindowLike): (html: string) => Promise<Buffer> {
  return async (html) => {
    const url = printUrl(html)
    const win = create(printWindowOptions())
    try {
      await win.loadURL(url)
      return Buffer.from(await win.webContents.printToPDF(PDF_OPTIONS))
    } finally {
      if (!win.isDestroyed()) win.destroy()
    }
  }
}
