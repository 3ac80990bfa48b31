import { Landmark } from 'lucide-react'
import { lazy } from 'react'
import { registerView } from '../registry'

// Loaded when first shown (decision 0030).
const load = () => import('../../sources/SourcesPanel')
const SourcesPanel = lazy(() => load().then((m) => ({ default: m.SourcesPanel })))

registerView({ id: 'sources', label: 'shell:view.sources', icon: Landmark, order: 40, Panel: SourcesPanel, preload: load })
