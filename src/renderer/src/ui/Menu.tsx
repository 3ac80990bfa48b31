import * as RadixMenu from '@radix-ui/react-dropdown-menu'
import type { ReactElement, ReactNode } from 'react'

export interface MenuItemSpec {
  id: string
  label: string
  icon?: ReactNode
  /** The shortcut as the platform writes it. */
  keys?: string
  disabled?: boolean
  run(): void
}

/** A drop-down menu on a trigger: arrow keys, typeahead and Escape from Radix. */
export function Menu({ trigger, label, items }: { trigger: ReactElement; label: string; items: readonly MenuItemSpec[] }) {
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" aria-label={label} sideOffset={4} align="start">
          {items.map((item) => (
            <RadixMenu.Item key={item.id} className="menu-item" disabled={item.disabled} onSelect={item.run}>
              {item.icon}
              <span className="menu-label">{item.label}</span>
              {item.keys && <kbd>{item.keys}</kbd>}
            </RadixMenu.Item>
          ))}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  )
}
