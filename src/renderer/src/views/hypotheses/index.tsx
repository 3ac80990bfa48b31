import { Grid3x3 } from 'lucide-react'
import { lazy } from 'react'
import { registerView } from '../registry'
import '../../ach/ach.css'

// Loaded when first shown (decision 0030).
const load = () => import('../../ach/AchPanel')
const AchPanel = lazy(() => load().then((m) => ({ default: m.AchPanel })))

/** Competing hypotheses (ACH) of the open case (issue 20, decision 0023). */
registerView({ id: 'hypotheses', label: 'shell:view.hypotheses', icon: Grid3x3, order: 55, Panel: AchPanel, preload: load })
