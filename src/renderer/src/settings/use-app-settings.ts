import { useCallback, useEffect, useRef, useState } from 'react'
import { setLocale } from '../../../shared/i18n'
import type { AppSettings, SettingsPatch } from '../../../shared/settings'
import { DEFAULT_SETTINGS, resolveTheme } from '../../../shared/settings-values'
import type { DossierClient } from '../api/client'
import { applyDocumentLocale, resolveUiLocale } from '../i18n/document-locale'
import { useI18n } from '../i18n/use-t'
import { latestRequest } from './latest-request'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/**
 * Loads the settings and applies them to the page: the interface language (catalogs, `lang` and
 * `dir` on the root), the theme as `data-theme` on the root (the
 * stylesheet's light-dark() colours follow it), the reader's font size as a CSS variable.
 * "System" follows the OS as it changes, without a reload.
 */
export function useAppSettings(client: DossierClient, fail: (err: unknown) => void, initial: AppSettings | null = null) {
  const [settings, setSettings] = useState<AppSettings>(initial ?? DEFAULT_SETTINGS)
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches)

  // Until the stored settings arrive, the defaults must not undo the language chosen at start.
  const [loaded, setLoaded] = useState(initial !== null)
  useEffect(() => {
    if (initial !== null) return
    client.call('settings.get', {}).then((stored) => {
      setSettings(stored)
      setLoaded(true)
    }, fail)
  }, [client, fail, initial])

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY)
    const onChange = () => setSystemDark(query.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])

  // The language: the setting, or the OS's as it changes (the `languagechange` event).
  const i18n = useI18n()
  useEffect(() => {
    if (!loaded) return
    const apply = () => {
      const locale = resolveUiLocale(settings.locale, navigator.languages)
      if (locale === i18n.language) return
      setLocale(i18n, locale).then(() => applyDocumentLocale(locale), fail)
    }
    apply()
    window.addEventListener('languagechange', apply)
    return () => window.removeEventListener('languagechange', apply)
  }, [loaded, settings.locale, i18n, fail])

  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = resolveTheme(settings.theme, systemDark)
    root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`)
  }, [settings, systemDark])

  // Shown at once (a slider or a radio must follow the hand), taken back if main refuses it. Only
  // the answer to the last change is shown: an older one would undo the changes made since.
  const saves = useRef(latestRequest()).current
  const update = useCallback(
    async (patch: SettingsPatch): Promise<AppSettings> => {
      let before: AppSettings = DEFAULT_SETTINGS
      setSettings((current) => {
        before = current
        return { ...current, ...patch }
      })
      const ticket = saves.begin()
      try {
        const next = await client.call('settings.set', patch)
        if (saves.isLatest(ticket)) setSettings(next)
        return next
      } catch (err) {
        if (saves.isLatest(ticket)) setSettings(before)
        throw err
      }
    },
    [client, saves]
  )

  return { settings, update }
}
