import { registeredViews } from '../views'
import { Tooltip } from '../ui/Tooltip'

interface Props {
  view: string
  sideCollapsed: boolean
  onChoose(view: string): void
}

/**
 * The activity rail: one icon and name per view. Choosing the view already shown folds the side
 * panel away, and choosing it again brings it back, as in VS Code's activity bar.
 */
export function ActivityRail({ view, sideCollapsed, onChoose }: Props) {
  return (
    <nav className="rail" aria-label="Views">
      {registeredViews().map(({ id, label, icon: Icon }) => {
        const current = id === view
        return (
          <Tooltip key={id} side="right" content={current && !sideCollapsed ? `Hide ${label}` : label}>
            <button
              type="button"
              className={`rail-item${current ? ' current' : ''}`}
              aria-current={current ? 'page' : undefined}
              aria-expanded={current ? !sideCollapsed : undefined}
              data-testid={`rail-${id}`}
              onClick={() => onChoose(id)}
            >
              <Icon aria-hidden />
              <span className="rail-label">{label}</span>
            </button>
          </Tooltip>
        )
      })}
    </nav>
  )
}
