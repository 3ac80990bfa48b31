import type { CSSProperties } from 'react'

/** A CSS string literal: `content: var(--label)` draws it as written. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`
}

/**
 * Labels a stylesheet draws with `content` (a caption's "Caption ·", a key judgement's heading),
 * as custom properties holding the interface language's words: a stylesheet cannot be
 * translated, so it takes them from the element's style. Drawn by CSS, they stay out of the
 * text's offsets and selections.
 */
export function cssLabels(labels: Readonly<Record<`--${string}`, string>>): CSSProperties {
  return Object.fromEntries(Object.entries(labels).map(([name, text]) => [name, cssString(text)])) as CSSProperties
}
