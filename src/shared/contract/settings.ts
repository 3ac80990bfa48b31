import { z } from 'zod'
import { AppSettings, SettingsPatch } from '../settings'
import type { ContractPart } from './common'

/** The Settings screen: theme, reader font size, default export folder. */
export const settingsContract = {
  'settings.get': {
    input: z.object({}).strict(),
    output: AppSettings
  },
  'settings.set': {
    input: SettingsPatch,
    output: AppSettings
  }
} as const satisfies ContractPart
