import { z } from 'zod'
import { BackupInfo, LibraryCounts } from '../domain-types'
import type { ContractPart } from './common'

export const backupContract = {
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(BackupInfo) })
  },
  'backup.create': {
    input: z.object({}).strict(),
    output: BackupInfo
  },
  /** Restores a backup by its name in backup.list (never a path); the current library is kept as a backup. */
  'backup.restore': {
    input: z
      .object({ name: z.string().min(1).max(200).regex(/^[^/\\]+\.sqlite$/, 'a backup name from the list, not a path') })
      .strict(),
    output: z.object({ keptAs: BackupInfo, counts: LibraryCounts })
  }
} as const satisfies ContractPart
