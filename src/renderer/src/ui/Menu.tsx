import * as RadixMenu from '@radix-ui/react-dropdown-menu'
import { Fragment, type ReactElement, type ReactNode } from 'react'

export interface MenuItemSpec {
  id: string
  label: string
  icon?: ReactNode
  /** The shortcut as the platform writes it. */
  keys?: string
  disabled?: boolean
  /** A line above this item, starting a new group. */
  separatorBefore?: boolean
  /** A choice among several (the current case): shown checked. */
  checked?: boolean
  testId?: string
  run(): void
}

interface Props {
  trigger: ReactElement
  label: string
  items: readonly MenuItemSpec[]
  /** Controlled opening, for a command that opens the menu from the keyboard. */
  open?: boolean
  onOpenChange?(open: boolean): void
}

/** A drop-down menu on a trigger: arrow keys, typeahead and Escape from Radix. */
export function Menu({ trigger, label, items, open, onOpenChange }: Props) {
  return (
    <RadixMenu.Root open={open} onOpenChange={onOpenChange}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" aria-label={label} sideOffset={4} align="start">
          {items.map((item) => {
            const content = (
              <>
                {item.icon}
                <span className="menu-label">{item.label}</span>
                {item.keys && <kbd>{item.keys}</kbd>}
              </>
            )
            return (
              <Fragment key={item.id}>
                {item.separatorBefore && <RadixMenu.Separator className="menu-separator" />}
                {item.checked === undefined ? (
                  <RadixMenu.Item className="menu-item" disabled={item.disabled} onSelect={item.run} data-testid={item.testId}>
                    {content}
                  </RadixMenu.Item>
                ) : (
                  <RadixMenu.CheckboxItem className="menu-item" checked={item.checked} disabled={item.disabled} onSelect={item.run} data-testid={item.testId}>
                    <span className="menu-check" aria-hidden>
                      {item.checked ? '✓' : ''}
                    </span>
                    {content}
                  </RadixMenu.CheckboxItem>
                )}
              </Fragment>
            )
          })}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  )
}
