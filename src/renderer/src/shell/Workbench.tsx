import { Suspense, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { whenIdle } from '../ui/when-idle'
import { preloadEditors } from '../notes/editor-chunks'
import { useT } from '../i18n/use-t'
import { registeredViews, viewById } from '../views'
import { ActivityRail } from './ActivityRail'
import { PANE_LIMITS, toggledWide, type PaneSizes } from './pane-sizes'
import { useRouter } from './router'
import { Splitter } from './Splitter'

interface Props {
  panes: { sizes: PaneSizes; update(patch: Partial<PaneSizes>): void }
  /** Above the view in the side panel (the import report), so it never pushes the reader down. */
  sideTop?: ReactNode
  reader: ReactNode
  /** The right sidebar; absent while no article is open. */
  sidebar: ReactNode | null
}

/**
 * The window's panes: the activity rail, the chosen view's side panel, the reader, and the
 * sidebar, with handles between them whose positions are remembered.
 */
export function Workbench({ panes, sideTop, reader, sidebar }: Props) {
  const { route, navigate } = useRouter()
  const t = useT()
  const { sizes, update } = panes
  const current = viewById(route.view) ?? viewById('library')!
  // Panels are mounted when first shown and then kept, so a view keeps its scroll and its state.
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([current.id]))
  if (!visited.has(current.id)) setVisited(new Set([...visited, current.id]))

  // The views' and editors' code that was split off the first paint, fetched while the window is idle.
  useEffect(
    () =>
      whenIdle(() => {
        registeredViews().forEach((v) => void v.preload?.())
        preloadEditors()
      }),
    []
  )

  // An article or passage opened from a widened panel (a matrix row's passage, an import, a link)
  // is to be read: the reader comes back. The address the window opened at (a reload) is not an opening.
  const opened = route.link ? `${route.link.kind}:${route.link.id}` : ''
  const shownLink = useRef(opened)
  useEffect(() => {
    if (opened === shownLink.current) return
    shownLink.current = opened
    if (opened && sizes.sideWide) update({ sideWide: false })
  }, [opened, sizes.sideWide, update])

  function choose(view: string) {
    if (view === current.id) update({ sideCollapsed: !sizes.sideCollapsed })
    else {
      navigate({ view })
      if (sizes.sideCollapsed) update({ sideCollapsed: false })
    }
  }

  const style = { '--side-width': `${sizes.side}px`, '--sidebar-width': `${sizes.sidebar}px` } as CSSProperties
  return (
    <main className={`panes${sizes.sideCollapsed ? ' side-collapsed' : sizes.sideWide ? ' side-wide' : ''}${sidebar ? '' : ' no-sidebar'}`} style={style}>
      <ActivityRail
        view={current.id}
        sideCollapsed={sizes.sideCollapsed}
        sideWide={sizes.sideWide}
        onChoose={choose}
        onWiden={() => update(toggledWide(sizes))}
      />
      {/* Folded away, not unmounted: the views keep their state for when it comes back. */}
      <div className="side-panel" data-testid="side-panel" data-view={current.id} hidden={sizes.sideCollapsed}>
        {sideTop}
        {registeredViews()
          .filter((v) => v.id === current.id || v.keepMounted || visited.has(v.id))
          .map(({ id, Panel }) => (
            <div key={id} className="view-panel" hidden={id !== current.id}>
              {/* Most views load their code when first shown (decision 0030): a moment of blank panel. */}
              <Suspense fallback={null}>
                <Panel />
              </Suspense>
            </div>
          ))}
      </div>
      {!sizes.sideCollapsed && !sizes.sideWide && (
        <Splitter
          label={t('shell:splitter.side')}
          testId="splitter-side"
          value={sizes.side}
          {...PANE_LIMITS.side}
          direction={1}
          onChange={(side) => update({ side })}
        />
      )}
      {reader}
      {sidebar && (
        <>
          <Splitter
            label={t('shell:splitter.sidebar')}
            testId="splitter-sidebar"
            value={sizes.sidebar}
            {...PANE_LIMITS.sidebar}
            direction={-1}
            onChange={(sidebarWidth) => update({ sidebar: sidebarWidth })}
          />
          {sidebar}
        </>
      )}
    </main>
  )
}
