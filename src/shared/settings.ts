import { z } from 'zod'
import { DEFAULT_CAPTURE_PORT } from './capture/capture-protocol'
import { LOCALES, PSEUDO_LOCALE } from './i18n/locales'

/**
 * The analyst's preferences, stored in the settings table (one key each) so a backup carries
 * them. Every field has a default, so a fresh library and a library from an older version both
 * read as complete settings.
 */
export const THEMES = ['system', 'light', 'dark'] as const
/** The interface language: "system" follows the OS; the pseudo-locale is for tests, not listed. */
export const LOCALE_SETTINGS = ['system', ...LOCALES, PSEUDO_LOCALE] as const
export const READER_FONT_SIZE = { min: 12, max: 28, default: 17 } as const

/** An absolute folder on any of the three platforms: `/…`, `C:\…` or `\\server\share…`. */
export const AbsoluteFolder = z
  .string()
  .trim()
  .min(1, 'choose a folder')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a folder path cannot contain a NUL character')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/.test(p), 'must be a full path, like /home/me/Notes or C:\\Users\\me\\Notes')

export const AppSettings = z
  .object({
    theme: z.enum(THEMES),
    locale: z.enum(LOCALE_SETTINGS),
    readerFontSize: z.number().int().min(READER_FONT_SIZE.min).max(READER_FONT_SIZE.max),
    /** Null: the platform's Documents/Dossier Export. */
    defaultExportDir: AbsoluteFolder.nullable(),
    /** Where the browser extension finds Dossier on 127.0.0.1; above the ports only root may use. */
    capturePort: z.number().int().min(1024, 'choose a port from 1024 to 65535').max(65535, 'choose a port from 1024 to 65535')
  })
  .strict()
export type AppSettings = z.infer<typeof AppSettings>

export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  locale: 'system',
  readerFontSize: READER_FONT_SIZE.default,
  defaultExportDir: null,
  capturePort: DEFAULT_CAPTURE_PORT
}

/** A change to some settings; the rest stay as they are. */
export const SettingsPatch = AppSettings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

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
