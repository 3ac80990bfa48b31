import { Briefcase } from 'lucide-react'
import { lazy } from 'react'
import { CaseSwitcher } from '../../cases/CaseSwitcher'
import { registerCaseSwitcher } from '../../shell/case-slot'
import { registerView } from '../registry'

// Loaded when first shown (decision 0030); the case switcher is part of the shell and is not.
const load = () => import('../../cases/CasesPanel')
const CasesPanel = lazy(() => load().then((m) => ({ default: m.CasesPanel })))

registerView({ id: 'cases', label: 'shell:view.cases', icon: Briefcase, order: 30, Panel: CasesPanel, preload: load })
registerCaseSwitcher((props) => <CaseSwitcher {...props} />)
