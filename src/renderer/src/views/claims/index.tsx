import { Scale } from 'lucide-react'
import { lazy } from 'react'
import { registerView } from '../registry'

// Loaded when first shown (decision 0030): the shell's first paint does not parse it.
const load = () => import('../../claims/ClaimsPanel')
const ClaimsPanel = lazy(() => load().then((m) => ({ default: m.ClaimsPanel })))

registerView({ id: 'claims', label: 'shell:view.claims', icon: Scale, order: 50, Panel: ClaimsPanel, preload: load })
