// jsdom's implementation class behind every HTMLCollection; see jsdom-collections.ts.
declare module 'jsdom/lib/jsdom/living/nodes/HTMLCollection-impl.js' {
  export const implementation: { prototype: { namedItem(key: string): unknown } }
}
