/**
 * The part of the WebExtension API the extension uses, typed by hand: Chromium's `chrome` and
 * Firefox's `browser` both offer it with promises under Manifest V3. Kept narrow on purpose: a
 * call that is not declared here is a permission the manifest does not ask for.
 */
declare namespace ext {
  interface Tab {
    id?: number
    url?: string
    title?: string
    active: boolean
    windowId: number
    lastAccessed?: number
  }
  interface InjectionResult<T> {
    result?: T
  }
  interface StorageArea {
    get(keys: string | string[] | null): Promise<Record<string, unknown>>
    set(items: Record<string, unknown>): Promise<void>
    remove(keys: string | string[]): Promise<void>
  }
  interface Event<F> {
    addListener(listener: F): void
  }
  interface Api {
    runtime: {
      id: string
      getURL(path: string): string
      sendMessage<T = unknown>(message: unknown): Promise<T>
      onMessage: Event<(message: unknown, sender: { id?: string; url?: string }, sendResponse: (response: unknown) => void) => boolean | void>
      onStartup: Event<() => void>
      onInstalled: Event<() => void>
      getPlatformInfo(): Promise<{ os: string }>
    }
    storage: { local: StorageArea }
    tabs: {
      query(query: { active?: boolean; currentWindow?: boolean; lastFocusedWindow?: boolean; windowId?: number }): Promise<Tab[]>
      get(tabId: number): Promise<Tab>
      create(props: { url: string }): Promise<Tab>
    }
    scripting: {
      executeScript<T>(injection: { target: { tabId: number }; func: () => T }): Promise<InjectionResult<T>[]>
    }
    contextMenus: {
      create(props: { id: string; title: string; contexts: string[] }): void
      removeAll(): Promise<void>
      onClicked: Event<(info: { menuItemId: string | number }, tab?: Tab) => void>
    }
    commands: { onCommand: Event<(command: string, tab?: Tab) => void> }
    alarms: {
      create(name: string, info: { periodInMinutes: number }): void
      onAlarm: Event<(alarm: { name: string }) => void>
    }
    action: { setBadgeText(details: { text: string }): Promise<void> }
  }
}

declare const chrome: ext.Api
declare const browser: ext.Api | undefined
