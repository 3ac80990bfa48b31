import { Library } from 'lucide-react'
import { runCommand } from '../../commands/command-registry'
import { LibraryPane } from '../../library/LibraryPane'
import { useCurrentCase } from '../../shell/case-slot'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'

function LibraryView() {
  const { workspace, libraryVersion, setLibraryTotal, fail, importSample } = useWorkbench()
  const { caseId, setCase } = useCurrentCase()
  return (
    <LibraryPane
      caseId={caseId}
      onShowAll={() => setCase(null)}
      version={libraryVersion}
      onTotal={setLibraryTotal}
      onError={fail}
      selectedId={workspace.article?.id ?? null}
      onSelect={(id) => void workspace.openArticle(id)}
      onImport={() => runCommand('file.import')}
      onImportSample={importSample}
    />
  )
}

registerView({ id: 'library', label: 'shell:view.library', icon: Library, order: 10, keepMounted: true, Panel: LibraryView })
