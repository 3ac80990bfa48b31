import { Users } from 'lucide-react'
import { EntitiesPanel } from '../../entities/EntitiesPanel'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'
import '../../entities/entities.css'

/** People, organisations, places and identifiers found in the library, with the analyst's corrections (issue 19). */
function EntitiesView() {
  const { workspace, libraryVersion, fail, openPassage } = useWorkbench()
  return (
    <EntitiesPanel
      refresh={libraryVersion}
      fail={fail}
      openPassage={openPassage}
      openHighlight={(id) => void workspace.openLink({ kind: 'highlight', id })}
    />
  )
}

registerView({ id: 'entities', label: 'Entities', icon: Users, order: 60, Panel: EntitiesView })
