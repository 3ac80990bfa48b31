import type { HandlersFor } from '../../../shared/contract'
import type { backupContract } from '../../../shared/contract/backup'
import type { BackupService } from '../backup-service'

export function backupHandlers(backups: BackupService): HandlersFor<typeof backupContract> {
  return {
    'backup.list': () => ({ items: backups.list() }),
    'backup.create': () => backups.create('manual'),
    'backup.restore': async ({ name }) => {
      const { keptAs, counts } = await backups.restore(name)
      return { keptAs, counts }
    }
  }
}
