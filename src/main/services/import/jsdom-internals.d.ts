// jsdom's implementation class behind every HTMLCollection; see jsdom-collections.ts.
declare module 'jsdom/lib/jsdom/living/nodes/HTMLCollection-impl.js' {
  export const implementation: { prototype: { namedItem(key: string): unknown } }
}

// jsdom's tracker of a window's named properties; see jsdom-named-properties.ts.
declare module 'jsdom/lib/jsdom/living/window-properties.js' {
  interface TrackedElement {
    _ownerDocument: { _defaultView: unknown }
  }
  type Track = (element: TrackedElement, ...rest: unknown[]) => void
  const windowProperties: { elementAttached: Track; elementAttributeModified: Track }
  export default windowProperties
}
