import type { HandlersFor } from '../../../shared/contract'
import type { settingsContract } from '../../../shared/contract/settings'
import type { AppSettingsService } from '../app-settings-service'

export function settingsHandlers(settings: AppSettingsService): HandlersFor<typeof settingsContract> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch)
  }
}
