import { describe, expect, it } from 'vitest'
import { createPdfPrinter, MAX_PRINT_URL, printWindowOptions, PDF_OPTIONS } from './print-to-pdf'

/** A stand-in for a BrowserWindow that records what the printer asked of it (Electron cannot run here). */
function fakeWindow(fail?: 'load' | 'print') {
  const seen = { url: '', options: null as unknown, destroyed: false }
  const win = {
    loadURL: async (url: string) => {
      seen.url = url
      if (fail === 'load') throw new Error('load failed')
    },
    destroy: () => void (seen.destroyed = true),
    isDestroyed: () => seen.destroyed,
    webContents: {
      printToPDF: async (options: unknown) => {
        seen.options = options
        if (fail === 'print') throw new Error('print failed')
        return Buffer.from('%PDF-1.7 fake')
      }
    }
  }
  return { win, seen }
}

describe('the desktop app’s PDF of a brief', () => {
  it('prints the brief’s own HTML in a hidden window that runs no script, then destroys the window', async () => {
    const { win, seen } = fakeWindow()
    let made: unknown
    const print = createPdfPrinter((options) => {
      made = options
      return win as never
    })
    const html = '<!doctype html><html><body class="brief-doc"><main><p>Ports reopen — “soon”.</p></main></body></html>'
    expect((await print(html)).toString()).toBe('%PDF-1.7 fake')
    expect(made).toEqual(printWindowOptions())
    expect(printWindowOptions()).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } })
    expect(printWindowOptions().webPreferences).not.toHaveProperty('preload')
    expect(Buffer.from(seen.url.replace(/^data:text\/html;charset=utf-8;base64,/, ''), 'base64').toString('utf8')).toBe(html)
    expect(seen.options).toEqual(PDF_OPTIONS)
    expect(seen.destroyed).toBe(true)
  })

  it('destroys the window when loading or printing fails, and refuses a brief too large for a URL before making one', async () => {
    for (const fail of ['load', 'print'] as const) {
      const { win, seen } = fakeWindow(fail)
      await expect(createPdfPrinter(() => win as never)('<p>x</p>')).rejects.toThrow(`${fail} failed`)
      expect(seen.destroyed).toBe(true)
    }
    let made = false
    const print = createPdfPrinter(() => {
      made = true
      return fakeWindow().win as never
    })
    await expect(print('x'.repeat(MAX_PRINT_URL))).rejects.toThrow(/too large to print to PDF here: export it as HTML/)
    expect(made).toBe(false)
  })
})
