import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowOptionsInput {
  preloadPath: string
  /** Paint the first frame in the theme's colour so a dark desktop never flashes white. */
  dark: boolean
  /** DevTools only in development: a packaged app gives a pasted-in script no console to run in. */
  devTools: boolean
}

export const WINDOW_BACKGROUND = { dark: '#1c1c1f', light: '#ffffff' } as const

export function buildWindowOptions({ preloadPath, dark, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Dossier',
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 480,
    // Shown on ready-to-show, once the renderer has painted, rather than as an empty frame.
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      // The page sees only what the preload exposes, in a renderer with no Node and an OS sandbox.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window would otherwise replace the app with that file.
      navigateOnDragDrop: false,
      // On Windows and Linux Chromium fetches spellcheck dictionaries from a CDN; Dossier stays offline.
      spellcheck: false,
      safeDialogs: true,
      // A middle click on a link would otherwise open it in a new window, a path around the
      // window-open handler; Dossier uses no other Blink feature that is off by default.
      disableBlinkFeatures: 'Auxclick',
      devTools
    }
  }
}
