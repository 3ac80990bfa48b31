import { Landmark } from 'lucide-react'
import { SourcesPanel } from '../../sources/SourcesPanel'
import { registerView } from '../registry'

registerView({ id: 'sources', label: 'Sources', icon: Landmark, order: 40, Panel: SourcesPanel })
