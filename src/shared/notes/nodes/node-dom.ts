/**
 * The few DOM calls our nodes' createDOM needs. src/shared compiles without the DOM library (it
 * also runs headless in main, where createDOM is never called), so the document is reached
 * through globalThis with just the shape used here.
 */
interface DomElement {
  className: string
  setAttribute(name: string, value: string): void
}

type NodeElement = ReturnType<import('lexical').DecoratorNode<unknown>['createDOM']>

export function createNodeElement(tag: string, className: string): NodeElement {
  const { document } = globalThis as unknown as { document: { createElement(tag: string): DomElement } }
  const element = document.createElement(tag)
  element.className = className
  return element as unknown as NodeElement
}
