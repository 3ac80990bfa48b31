import { z } from 'zod'
import { LOCALE_SETTINGS, READER_FONT_SIZE, THEMES } from './settings-values'

export * from './settings-values'

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

/** A change to some settings; the rest stay as they are. */
export const SettingsPatch = AppSettings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
