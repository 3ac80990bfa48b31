export interface FrontMatterFields {
  title: string
  author: string | null
  source: string | null
  /** The source's Admiralty reliability, A–F; left out when ungraded. */
  reliability?: string | null
  url: string | null
  published: string | null
  imported: string
  tags: string[]
  dossier_id: string
  /** dossier://article/<id>: opens the article in Dossier. */
  dossier_url: string
  /** For a right-to-left article only: its language and `rtl`, which Pandoc lays the document out by (decision 0028). */
  lang?: string | null
  dir?: 'rtl' | null
}

/**
 * YAML front matter that Obsidian, Pandoc and GitHub all read. Strings are always quoted, so a
 * title like `No: yes` or `#1` stays a string; empty fields are left out rather than written null.
 */
export function frontMatter(fields: FrontMatterFields): string {
  let yaml = ''
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === '') continue
    if (Array.isArray(value)) yaml += value.length ? `${key}:\n${value.map((v) => `  - ${quoted(v)}\n`).join('')}` : `${key}: []\n`
    else yaml += `${key}: ${quoted(value as string)}\n`
  }
  return `---\n${yaml}---\n`
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's double-quoted style;
 * the characters YAML 1.1 readers take as line breaks (NEL, LS, PS) and the BOM are escaped too,
 * so every reader sees one line. Written by hand because it runs once per field per exported file.
 */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
