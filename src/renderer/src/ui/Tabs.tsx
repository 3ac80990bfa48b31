import * as RadixTabs from '@radix-ui/react-tabs'
import type { ReactNode } from 'react'

export interface TabSpec {
  id: string
  label: string
  content: ReactNode
  /** Taking a drag over the tab opens it, so a dragged highlight can reach a panel that was hidden. */
  onDragEnter?(): void
}

interface Props {
  label: string
  tabs: readonly TabSpec[]
  value: string
  onValueChange(value: string): void
  className?: string
}

/**
 * Tabs whose panels stay mounted while hidden: a note being typed keeps its editor, its undo
 * history and its pending save when the analyst looks at another tab.
 */
export function Tabs({ label, tabs, value, onValueChange, className }: Props) {
  return (
    <RadixTabs.Root className={`tabs${className ? ` ${className}` : ''}`} value={value} onValueChange={onValueChange}>
      <RadixTabs.List className="tab-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.id} value={tab.id} className="tab" onDragEnter={tab.onDragEnter} data-testid={`tab-${tab.id}`}>
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className="tab-panel" forceMount hidden={tab.id !== value}>
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  )
}
