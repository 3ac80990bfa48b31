import type { MessageKey, Translate } from './messages'

/** Why main made a backup (backup-files.ts stores it in the file's name), by its catalog message. */
const REASONS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['daily', 'library:backups.reason.daily'],
  ['manual', 'library:backups.reason.manual'],
  ['before-restore', 'library:backups.reason.beforeRestore']
])

/** Why a backup was made, in the interface language; a reason this version does not know is shown as stored. */
export function backupReason(reason: string, t: Translate): string {
  const key = REASONS.get(reason)
  if (key) return t(key)
  const upgrade = /^before-migration-(\d+)$/.exec(reason)
  return upgrade ? t('library:backups.reason.beforeUpgrade', { version: upgrade[1]! }) : reason
}
