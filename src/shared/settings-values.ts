import { DEFAULT_CAPTURE_PORT } from './capture/capture-wire'
import { LOCALES, PSEUDO_LOCALE } from './i18n/locales'
import type { AppSettings } from './settings'

/**
 * The analyst's preferences, stored in the settings table (one key each) so a backup carries
 * them. Every field has a default, so a fresh library and a library from an older version both
 * read as complete settings.
 *
 * The values, without zod: the window's first paint reads the defaults and the theme, and
 * building the schemas (settings.ts) is work it does not need.
 */
export const THEMES = ['system', 'light', 'dark'] as const
/** The interface language: "system" follows the OS; the pseudo-locale is for tests, not listed. */
export const LOCALE_SETTINGS = ['system', ...LOCALES, PSEUDO_LOCALE] as const
export const READER_FONT_SIZE = { min: 12, max: 28, default: 17 } as const

export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  locale: 'system',
  readerFontSize: READER_FONT_SIZE.default,
  defaultExportDir: null,
  capturePort: DEFAULT_CAPTURE_PORT
}

/** The settings-table key of each field. */
export const SETTINGS_KEYS: Readonly<Record<keyof AppSettings, string>> = {
  theme: 'ui.theme',
  locale: 'ui.locale',
  readerFontSize: 'reader.fontSize',
  defaultExportDir: 'export.defaultDir',
  capturePort: 'capture.port'
}

/** The colours to show: "system" follows the OS (prefers-color-scheme). */
export function resolveTheme(theme: AppSettings['theme'], systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
}
