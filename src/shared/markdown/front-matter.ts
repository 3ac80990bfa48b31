import { stringify } from 'yaml'

export interface FrontMatterFields {
  title: string
  author: string | null
  source: string | null
  url: string | null
  published: string | null
  imported: string
  tags: string[]
  dossier_id: string
  /** dossier://article/<id>: opens the article in Dossier. */
  dossier_url: string
}

/**
 * YAML front matter that Obsidian, Pandoc and GitHub all read. Strings are always quoted, so a
 * title like `No: yes` or `#1` stays a string; empty fields are left out rather than written null.
 */
export function frontMatter(fields: FrontMatterFields): string {
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === '') continue
    data[key] = value
  }
  const yaml = stringify(data, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0
  })
  return `---\n${yaml}---\n`
}
