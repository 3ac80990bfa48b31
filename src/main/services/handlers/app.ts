import type { HandlersFor } from '../../../shared/contract'
import type { appContract } from '../../../shared/contract/app'
import type { AppSettingsService } from '../app-settings-service'

export interface AppInfo {
  version: string
  dbPath: string
  defaultExportDir: string
  shell: 'electron' | 'web'
}

export function appHandlers(info: AppInfo, settings: AppSettingsService): HandlersFor<typeof appContract> {
  return {
    'app.info': () => ({ ...info, defaultExportDir: settings.get().defaultExportDir ?? info.defaultExportDir })
  }
}
