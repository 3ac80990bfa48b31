import { Library } from 'lucide-react'
import { runCommand } from '../../commands/command-registry'
import { LibraryPane } from '../../library/LibraryPane'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'

function LibraryView() {
  const { workspace, libraryVersion, setLibraryTotal, fail, importSample } = useWorkbench()
  return (
    <LibraryPane
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

registerView({ id: 'library', label: 'Library', icon: Library, order: 10, keepMounted: true, Panel: LibraryView })
