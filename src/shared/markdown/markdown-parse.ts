import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { parse as parseYaml } from 'yaml'

/**
 * Test support: how a CommonMark reader (markdown-it, HTML allowed so any leaked tag shows up as
 * an html token, tables and strikethrough on as GitHub has them) sees an exported file.
 */
export const markdownReader = new MarkdownIt('default', { html: true, linkify: false })

export type Token = ReturnType<typeof markdownReader.parse>[number]

export function splitFrontMatter(markdown: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(markdown)
  if (!match) throw new Error(`no front matter in:\n${markdown}`)
  return { meta: parseYaml(match[1]!) as Record<string, unknown>, body: markdown.slice(match[0].length) }
}

/** Block tokens with their nesting level, for asserting document structure. */
export function blockTypes(markdown: string): string[] {
  return markdownReader
    .parse(markdown, {})
    .filter((t) => t.type !== 'inline')
    .map((t) => `${'  '.repeat(t.level)}${t.type}${t.tag && /^h\d$/.test(t.tag) ? `:${t.tag}` : ''}`)
}

/** Every token, inline children included, flattened. */
export function allTokens(markdown: string): Token[] {
  return markdownReader.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])])
}

/** The literal text of an inline token: escapes and entities resolved, soft breaks as newlines. */
export function inlineText(token: Token): string {
  return (token.children ?? []).map((c: Token) => (c.type === 'softbreak' ? '\n' : c.content)).join('')
}

/** As markdownReader, with the footnotes Obsidian and Pandoc read (markdown-it-footnote). */
const footnoteReader = new MarkdownIt('default', { html: true, linkify: false }).use(footnote)

export interface FootnoteReading {
  /** Labels of the references that resolved to a footnote, in order. */
  references: string[]
  /** Labels of the footnotes defined. */
  defined: string[]
  /** Text that still reads like a reference (`[^x]`) but is not one: a dangling reference. */
  dangling: string[]
}

/** How the footnotes of an exported file read back. */
export function readFootnotes(markdown: string): FootnoteReading {
  const env: { footnotes?: { refs?: Record<string, number> } } = {}
  const inline = footnoteReader.parse(markdown, env).flatMap((t) => t.children ?? [])
  return {
    references: inline.filter((t) => t.type === 'footnote_ref').map((t) => String((t.meta as { label?: string }).label)),
    defined: Object.keys(env.footnotes?.refs ?? {}).map((k) => k.slice(1)),
    dangling: inline.filter((t) => t.type === 'text' && /\[\^[^\]\s]+\]/.test(t.content)).map((t) => t.content)
  }
}
