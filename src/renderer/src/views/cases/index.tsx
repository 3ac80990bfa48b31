import { Briefcase } from 'lucide-react'
import { CasesPanel } from '../../cases/CasesPanel'
import { CaseSwitcher } from '../../cases/CaseSwitcher'
import { registerCaseSwitcher } from '../../shell/case-slot'
import { registerView } from '../registry'

registerView({ id: 'cases', label: 'Cases', icon: Briefcase, order: 30, Panel: CasesPanel })
registerCaseSwitcher((props) => <CaseSwitcher {...props} />)
