import { useState, type ReactNode } from 'react'
import { READER_FONT_SIZE, THEMES, type AppSettings, type SettingsPatch } from '../../../shared/settings'
import { Dialog } from '../ui/Dialog'

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

const THEME_LABELS: Record<AppSettings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Settings (Cmd+, on macOS, File > Settings… elsewhere): each change is saved as it is made. */
export function SettingsDialog({ settings, platformExportDir, update, templateEditor, onOpenExport, onConnectBrowser, onClose }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [exportDir, setExportDir] = useState(settings.defaultExportDir ?? '')
  const [capturePort, setCapturePort] = useState(String(settings.capturePort))

  function saveCapturePort() {
    const port = Number(capturePort)
    if (port === settings.capturePort) return
    if (!Number.isInteger(port) || port < 1024 || port > 65535) return setError('Browser capture port: choose a whole number from 1024 to 65535.')
    save({ capturePort: port })
  }

  function save(patch: SettingsPatch) {
    setError(null)
    update(patch).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
  }

  function saveExportDir() {
    const trimmed = exportDir.trim()
    if (trimmed === (settings.defaultExportDir ?? '')) return
    save({ defaultExportDir: trimmed === '' ? null : trimmed })
  }

  return (
    <Dialog title="Settings" className="settings-dialog" onClose={onClose} testId="settings-dialog">
      <fieldset className="settings-field">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => save({ theme })} />
            {THEME_LABELS[theme]}
          </label>
        ))}
        <p className="empty-hint">System follows your operating system’s light or dark appearance.</p>
      </fieldset>
      <fieldset className="settings-field">
        <legend>Reader</legend>
        <label>
          Font size
          <input
            type="range"
            min={READER_FONT_SIZE.min}
            max={READER_FONT_SIZE.max}
            step={1}
            value={settings.readerFontSize}
            onChange={(e) => save({ readerFontSize: Number(e.target.value) })}
            aria-valuetext={`${settings.readerFontSize} pixels`}
          />
          <output data-testid="font-size-value">{settings.readerFontSize} px</output>
        </label>
        <p className="settings-sample" style={{ fontSize: settings.readerFontSize }}>
          The harbour authorities agreed on a shared icebreaker schedule.
        </p>
      </fieldset>
      <fieldset className="settings-field">
        <legend>Export</legend>
        <label>
          Default export folder
          <input
            name="defaultExportDir"
            value={exportDir}
            placeholder={platformExportDir ?? 'Documents/Dossier Export'}
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
        <p className="empty-hint">A full path. Leave it empty to use {platformExportDir ?? 'the platform’s Documents folder'}.</p>
        <div className="settings-template">
          {templateEditor ?? (
            <>
              <h3>Export template</h3>
              <p>
                Exports use the default template.{' '}
                <button type="button" className="link" onClick={onOpenExport}>
                  Open Export Markdown…
                </button>
              </p>
            </>
          )}
        </div>
      </fieldset>
      <fieldset className="settings-field">
        <legend>Browser capture</legend>
        <label>
          Port
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
          The Save to Dossier extension reaches Dossier on 127.0.0.1 at this port; change it only if another program uses it, and type the same
          port in the extension.{' '}
          <button type="button" className="link" onClick={onConnectBrowser}>
            Connect Browser…
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
          Done
        </button>
      </div>
    </Dialog>
  )
}
