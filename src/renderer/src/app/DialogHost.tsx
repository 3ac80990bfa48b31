import type { Label } from '../../../shared/domain-types'
import type { AppSettings, SettingsPatch } from '../../../shared/settings'
import { RestoreBackupDialog } from '../backups/RestoreBackupDialog'
import { ConnectBrowserDialog } from '../capture/ConnectBrowserDialog'
import { CommandPalette } from '../commands/CommandPalette'
import { ExportDialog } from '../export/ExportDialog'
import { TemplateEditor } from '../export/TemplateEditor'
import { LabelsDialog } from '../labels/LabelsDialog'
import { VerifyLibraryDialog } from '../provenance/VerifyLibraryDialog'
import { SettingsDialog } from '../settings/SettingsDialog'
import { ShortcutSheet } from '../shortcuts/ShortcutSheet'
import { TrashDialog } from '../trash/TrashDialog'

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

export function DialogHost({ dialog, onClose, labels, articleId, settings, onLabelsChanged, onOpenExport, onConnectBrowser, onTrashChanged, onRestored }: Props) {
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
