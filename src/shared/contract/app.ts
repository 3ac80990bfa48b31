import { z } from 'zod'
import type { ContractPart } from './common'

export const appContract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      dbPath: z.string(),
      defaultExportDir: z.string(),
      shell: z.enum(['electron', 'web'])
    })
  }
} as const satisfies ContractPart
