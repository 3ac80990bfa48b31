import { Grid3x3 } from 'lucide-react'
import { AchPanel } from '../../ach/AchPanel'
import { registerView } from '../registry'
import '../../ach/ach.css'

/** Competing hypotheses (ACH) of the open case (issue 20, decision 0023). */
registerView({ id: 'hypotheses', label: 'Hypotheses', icon: Grid3x3, order: 55, Panel: AchPanel })
