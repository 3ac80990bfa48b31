import { Scale } from 'lucide-react'
import { ClaimsPanel } from '../../claims/ClaimsPanel'
import { registerView } from '../registry'

registerView({ id: 'claims', label: 'Claims', icon: Scale, order: 50, Panel: ClaimsPanel })
