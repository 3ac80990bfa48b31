import { Maximize2, Minimize2 } from 'lucide-react'
import { registeredViews } from '../views'
import { Tooltip } from '../ui/Tooltip'
import { useT } from '../i18n/use-t'

interface Props {
  view: string
  sideCollapsed: boolean
  sideWide: boolean
  onChoose(view: string): void
  onWiden(): void
}

/**
 * The activity rail: one icon and name per view. Choosing the view already shown folds the side
 * panel away, and choosing it again brings it back, as in VS Code's activity bar.
 */
export function ActivityRail({ view, sideCollapsed, sideWide, onChoose, onWiden }: Props) {
  const t = useT()
  const wide = sideWide && !sideCollapsed
  return (
    <div className="rail-column">
      <nav className="rail" aria-label={t('shell:rail.label')}>
        {registeredViews().map(({ id, label: labelKey, icon: Icon }) => {
          const current = id === view
          const label = t(labelKey)
          return (
            // "right" is the inline end of the rail in English: Radix flips it in a right-to-left page.
            <Tooltip key={id} side="right" content={current && !sideCollapsed ? t('shell:rail.hide', { view: label }) : label}>
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
      {/* Below the views, outside their navigation: the panel's width, not a place to go. */}
      <Tooltip side="right" content={wide ? t('shell:rail.narrow') : t('shell:rail.widen')}>
        <button
          type="button"
          className="rail-item rail-widen"
          aria-pressed={wide}
          aria-label={t('shell:rail.widen')}
          data-testid="rail-widen"
          onClick={onWiden}
        >
          {wide ? <Minimize2 aria-hidden /> : <Maximize2 aria-hidden />}
        </button>
      </Tooltip>
    </div>
  )
}
