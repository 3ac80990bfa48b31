import { Users } from 'lucide-react'
import { lazy } from 'react'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'
import '../../entities/entities.css'

// Loaded when first shown (decision 0030).
const load = () => import('../../entities/EntitiesPanel')
const EntitiesPanel = lazy(() => load().then((m) => ({ default: m.EntitiesPanel })))

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

registerView({ id: 'entities', label: 'shell:view.entities', icon: Users, order: 60, Panel: EntitiesView, preload: load })
