import type { Label } from '../../../shared/domain-types'
import type { AppSettings, SettingsPatch } from '../../../shared/settings'
import { lazy, Suspense, useEffect } from 'react'
import { CommandPalette } from '../commands/CommandPalette'
import { whenIdle } from '../ui/when-idle'

// Each dialog's code loads when it is first opened (decision 0030): the shell's first paint
// parses none of them. The palette is not among them: it opens to be typed into at once.
const load = {
  backups: () => import('../backups/RestoreBackupDialog'),
  connectBrowser: () => import('../capture/ConnectBrowserDialog'),
  export: () => import('../export/ExportDialog'),
  template: () => import('../export/TemplateEditor'),
  labels: () => import('../labels/LabelsDialog'),
  verify: () => import('../provenance/VerifyLibraryDialog'),
  settings: () => import('../settings/SettingsDialog'),
  shortcuts: () => import('../shortcuts/ShortcutSheet'),
  trash: () => import('../trash/TrashDialog')
}
const RestoreBackupDialog = lazy(() => load.backups().then((m) => ({ default: m.RestoreBackupDialog })))
const ConnectBrowserDialog = lazy(() => load.connectBrowser().then((m) => ({ default: m.ConnectBrowserDialog })))
const ExportDialog = lazy(() => load.export().then((m) => ({ default: m.ExportDialog })))
const TemplateEditor = lazy(() => load.template().then((m) => ({ default: m.TemplateEditor })))
const LabelsDialog = lazy(() => load.labels().then((m) => ({ default: m.LabelsDialog })))
const VerifyLibraryDialog = lazy(() => load.verify().then((m) => ({ default: m.VerifyLibraryDialog })))
const SettingsDialog = lazy(() => load.settings().then((m) => ({ default: m.SettingsDialog })))
const ShortcutSheet = lazy(() => load.shortcuts().then((m) => ({ default: m.ShortcutSheet })))
const TrashDialog = lazy(() => load.trash().then((m) => ({ default: m.TrashDialog })))

/** Fetches and parses every dialog's code, so that a dialog first opened later shows at once. */
function preloadDialogs(): void {
  for (const get of Object.values(load)) void get()
}

/**
 * Which window-level dialog is open: one value instead of a flag per dialog, so two can never be
 * open at once and a new dialog is one more case here. What a dialog needs before it opens (the
 * export folder) travels with the request.
 */
export type DialogRequest =
  | { kind: 'labels' }
  | { kind: 'settings'; platformExportDir: string | null }
  | { kind: 'trash' }
  | { kind: 'backups' }
  | { kind: 'shortcuts' }
  | { kind: 'export'; defaultDir: string }
  | { kind: 'palette' }
  | { kind: 'connectBrowser' }
  | { kind: 'verifyLibrary' }

interface Props {
  dialog: DialogRequest | null
  onClose(): void
  labels: readonly Label[]
  /** The article on screen: the export's default scope and the template's preview. */
  articleId: string | null
  settings: { settings: AppSettings; update(patch: SettingsPatch): Promise<AppSettings> }
  onLabelsChanged(): void
  onOpenExport(): void
  onConnectBrowser(): void
  onTrashChanged(restoredArticleId: string | null): void
  onRestored(message: string): void
}

export function DialogHost(props: Props) {
  useEffect(() => whenIdle(preloadDialogs), [])
  return (
    <Suspense fallback={null}>
      <OpenDialog {...props} />
    </Suspense>
  )
}

function OpenDialog({ dialog, onClose, labels, articleId, settings, onLabelsChanged, onOpenExport, onConnectBrowser, onTrashChanged, onRestored }: Props) {
  switch (dialog?.kind) {
    case undefined:
      return null
    case 'labels':
      return <LabelsDialog labels={labels} onChanged={onLabelsChanged} onClose={onClose} />
    case 'settings':
      return (
        <SettingsDialog
          settings={settings.settings}
          platformExportDir={dialog.platformExportDir}
          update={settings.update}
          templateEditor={<TemplateEditor previewArticleId={articleId} />}
          onOpenExport={onOpenExport}
          onConnectBrowser={onConnectBrowser}
          onClose={onClose}
        />
      )
    case 'trash':
      return <TrashDialog onChanged={onTrashChanged} onClose={onClose} />
    case 'backups':
      return <RestoreBackupDialog onRestored={onRestored} onClose={onClose} />
    case 'shortcuts':
      return <ShortcutSheet onClose={onClose} />
    case 'export':
      return <ExportDialog currentArticleId={articleId} defaultDir={dialog.defaultDir} onClose={onClose} />
    case 'palette':
      return <CommandPalette onClose={onClose} />
    case 'connectBrowser':
      return <ConnectBrowserDialog onClose={onClose} />
    case 'verifyLibrary':
      return <VerifyLibraryDialog onClose={onClose} />
  }
}
