import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_SETTINGS, resolveTheme, type AppSettings, type SettingsPatch } from '../../../shared/settings'
import type { DossierClient } from '../api/client'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/**
 * Loads the settings and applies them to the page: the theme as `data-theme` on the root (the
 * stylesheet's light-dark() colours follow it), the reader's font size as a CSS variable.
 * "System" follows the OS as it changes, without a reload.
 */
export function useAppSettings(client: DossierClient, fail: (err: unknown) => void) {
  const [settings, setSettings] = useState<AppSettings>(DEFAULT_SETTINGS)
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches)

  useEffect(() => {
    client.call('settings.get', {}).then(setSettings, fail)
  }, [client, fail])

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY)
    const onChange = () => setSystemDark(query.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])

  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = resolveTheme(settings.theme, systemDark)
    root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`)
  }, [settings, systemDark])

  // Shown at once (a slider or a radio must follow the hand), taken back if main refuses it.
  const update = useCallback(
    async (patch: SettingsPatch): Promise<AppSettings> => {
      let before: AppSettings = DEFAULT_SETTINGS
      setSettings((current) => {
        before = current
        return { ...current, ...patch }
      })
      try {
        const next = await client.call('settings.set', patch)
        setSettings(next)
        return next
      } catch (err) {
        setSettings(before)
        throw err
      }
    },
    [client]
  )

  return { settings, update }
}
