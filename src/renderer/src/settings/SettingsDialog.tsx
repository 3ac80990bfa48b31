import { useState, type ReactNode } from 'react'
import { LOCALE_NAMES, LOCALES, matchLocale, PSEUDO_LOCALE, type MessageKey } from '../../../shared/i18n'
import type { AppSettings, SettingsPatch } from '../../../shared/settings'
import { READER_FONT_SIZE, THEMES } from '../../../shared/settings-values'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { useErrorText } from '../api/use-error-text'

interface Props {
  settings: AppSettings
  /** The platform's export folder, used when none is chosen. */
  platformExportDir: string | null
  update(patch: SettingsPatch): Promise<AppSettings>
  /** Where the export template is edited until the Settings screen hosts its editor. */
  templateEditor?: ReactNode
  onOpenExport(): void
  onConnectBrowser(): void
  onClose(): void
}

const THEME_LABELS: Record<AppSettings['theme'], MessageKey> = { system: 'settings:theme.system', light: 'settings:theme.light', dark: 'settings:theme.dark' }

/** Settings (Cmd+, on macOS, File > Settings… elsewhere): each change is saved as it is made. */
export function SettingsDialog({ settings, platformExportDir, update, templateEditor, onOpenExport, onConnectBrowser, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const [error, setError] = useState<string | null>(null)
  const [exportDir, setExportDir] = useState(settings.defaultExportDir ?? '')
  const [capturePort, setCapturePort] = useState(String(settings.capturePort))

  function saveCapturePort() {
    const port = Number(capturePort)
    if (port === settings.capturePort) return
    if (!Number.isInteger(port) || port < 1024 || port > 65535) return setError(t('settings:capture.portInvalid'))
    save({ capturePort: port })
  }

  function save(patch: SettingsPatch) {
    setError(null)
    update(patch).catch((err: unknown) => setError(errorText(err)))
  }

  function saveExportDir() {
    const trimmed = exportDir.trim()
    if (trimmed === (settings.defaultExportDir ?? '')) return
    save({ defaultExportDir: trimmed === '' ? null : trimmed })
  }

  return (
    <Dialog title={t('settings:title')} className="settings-dialog" onClose={onClose} testId="settings-dialog">
      <fieldset className="settings-field">
        <legend>{t('settings:theme.legend')}</legend>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => save({ theme })} />
            {t(THEME_LABELS[theme])}
          </label>
        ))}
        <p className="empty-hint">{t('settings:theme.hint')}</p>
      </fieldset>
      <fieldset className="settings-field">
        <legend>{t('settings:language.legend')}</legend>
        {/* Named by a separate label: one wrapping the select would add every option to its name. */}
        <label htmlFor="settings-locale">{t('settings:language.label')}</label>
        <select id="settings-locale" name="locale" value={settings.locale} onChange={(e) => save({ locale: e.target.value as AppSettings['locale'] })}>
            <option value="system">{t('settings:language.system', { language: LOCALE_NAMES[matchLocale(navigator.languages)] })}</option>
            {settings.locale === PSEUDO_LOCALE && <option value={PSEUDO_LOCALE}>{t('settings:language.pseudo')}</option>}
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
        </select>
        <p className="empty-hint">{t('settings:language.hint')}</p>
      </fieldset>
      <fieldset className="settings-field">
        <legend>{t('settings:reader.legend')}</legend>
        <label>
          {t('settings:reader.fontSize')}
          <input
            type="range"
            min={READER_FONT_SIZE.min}
            max={READER_FONT_SIZE.max}
            step={1}
            value={settings.readerFontSize}
            onChange={(e) => save({ readerFontSize: Number(e.target.value) })}
            aria-valuetext={t('settings:reader.fontSizeValueText', { size: settings.readerFontSize })}
          />
          <output data-testid="font-size-value">{t('settings:reader.fontSizeValue', { size: settings.readerFontSize })}</output>
        </label>
        <p className="settings-sample" style={{ fontSize: settings.readerFontSize }}>
          {t('settings:reader.sample')}
        </p>
      </fieldset>
      <fieldset className="settings-field">
        <legend>{t('settings:export.legend')}</legend>
        <label>
          {t('settings:export.folder')}
          <input
            name="defaultExportDir"
            // A path is the analyst's data, in any language.
            translate="no"
            value={exportDir}
            placeholder={platformExportDir ?? t('settings:export.folderPlaceholder')}
            onChange={(e) => setExportDir(e.target.value)}
            onBlur={saveExportDir}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                saveExportDir()
              }
            }}
          />
        </label>
        <p className="empty-hint">
          {platformExportDir ? t('settings:export.folderHint', { folder: platformExportDir }) : t('settings:export.folderHintPlatform')}
        </p>
        <div className="settings-template">
          {templateEditor ?? (
            <>
              <h3>{t('settings:export.template')}</h3>
              <p>
                {t('settings:export.templateDefault')}{' '}
                <button type="button" className="link" onClick={onOpenExport}>
                  {t('settings:export.openExport')}
                </button>
              </p>
            </>
          )}
        </div>
      </fieldset>
      <fieldset className="settings-field">
        <legend>{t('settings:capture.legend')}</legend>
        <label>
          {t('settings:capture.port')}
          <input
            name="capturePort"
            inputMode="numeric"
            value={capturePort}
            onChange={(e) => setCapturePort(e.target.value)}
            onBlur={saveCapturePort}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                saveCapturePort()
              }
            }}
          />
        </label>
        <p className="empty-hint">
          {t('settings:capture.hint')}{' '}
          <button type="button" className="link" onClick={onConnectBrowser}>
            {t('settings:capture.connect')}
          </button>
        </p>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common:done')}
        </button>
      </div>
    </Dialog>
  )
}
