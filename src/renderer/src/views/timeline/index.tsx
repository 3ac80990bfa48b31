import { CalendarRange } from 'lucide-react'
import { lazy } from 'react'
import { useRouter } from '../../shell/router'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'
import '../../timeline/timeline.css'

// Loaded when first shown (decision 0030).
const load = () => import('../../timeline/TimelinePanel')
const TimelinePanel = lazy(() => load().then((m) => ({ default: m.TimelinePanel })))

/** Dated events of the library, or of the current case, oldest first (issue 19). */
function TimelineView() {
  const { libraryVersion, fail, openPassage } = useWorkbench()
  const { route } = useRouter()
  return <TimelinePanel caseId={route.caseId} refresh={libraryVersion} fail={fail} openPassage={openPassage} />
}

registerView({ id: 'timeline', label: 'shell:view.timeline', icon: CalendarRange, order: 70, Panel: TimelineView, preload: load })
