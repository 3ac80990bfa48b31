/**
 * A line of canonical text as the cleaner sees it. Cleaning decides line by line, because scraped
 * text often packs chrome ("Please enter your comment!\nPlease enter your name here") or a
 * headline and its byline into one paragraph.
 */
export interface SourceLine {
  /** The line without leading or trailing white space: block text must be canonical. */
  text: string
  /** Leading white space in columns (a tab counts 4), for list nesting. */
  indent: number
  /** Index of the blank-line-separated paragraph the line belongs to. */
  paragraph: number
  /** First or last line of its paragraph. */
  first: boolean
  last: boolean
}

/** Splits canonical text (decision 0004) into its non-blank lines. */
export function sourceLines(canonical: string): SourceLine[] {
  if (canonical === '') return []
  const lines: SourceLine[] = []
  canonical.split('\n\n').forEach((paragraph, index) => {
    const raw = paragraph.split('\n').filter((line) => line.trim() !== '')
    raw.forEach((line, i) => {
      lines.push({
        text: line.trim(),
        indent: indentOf(line),
        paragraph: index,
        first: i === 0,
        last: i === raw.length - 1
      })
    })
  })
  return lines
}

function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? ''
  let columns = 0
  for (const ch of lead) columns += ch === '\t' ? 4 : 1
  return columns
}
