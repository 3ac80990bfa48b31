import { describe, expect, it } from 'vitest'
import { buildWindowOptions, WINDOW_BACKGROUND } from './window-options'

const base = { preloadPath: '/app/out/preload/index.cjs', dark: false, devTools: false }

describe('buildWindowOptions', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = buildWindowOptions(base).webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs?.disableBlinkFeatures).toBe('Auxclick')
    expect(prefs?.safeDialogs).toBe(true)
    expect(prefs).not.toHaveProperty('additionalArguments')
  })

  it('keeps every security preference whatever the theme or DevTools choice', () => {
    for (const dark of [false, true]) {
      for (const devTools of [false, true]) {
        expect(buildWindowOptions({ ...base, dark, devTools }).webPreferences).toMatchObject({
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          webviewTag: false
        })
      }
    }
  })

  it('makes no network requests of its own', () => {
    expect(buildWindowOptions(base).webPreferences?.spellcheck).toBe(false)
  })

  it('stays hidden until the first paint, in the theme colour', () => {
    expect(buildWindowOptions(base)).toMatchObject({ show: false, backgroundColor: WINDOW_BACKGROUND.light })
    expect(buildWindowOptions({ ...base, dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark)
  })

  it('has a usable size that cannot shrink below the three-pane layout', () => {
    const o = buildWindowOptions(base)
    expect(o.width).toBeGreaterThanOrEqual(o.minWidth!)
    expect(o.height).toBeGreaterThanOrEqual(o.minHeight!)
    expect(o.minWidth).toBeGreaterThanOrEqual(640)
  })

  it('offers DevTools only when asked', () => {
    expect(buildWindowOptions(base).webPreferences?.devTools).toBe(false)
    expect(buildWindowOptions({ ...base, devTools: true }).webPreferences?.devTools).toBe(true)
  })
})
