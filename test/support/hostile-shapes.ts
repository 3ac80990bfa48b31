/**
 * Files shaped to make an importer do too much work, rather than to run code: deep nesting,
 * huge fan-out, one enormous paragraph or line. Each must import, or be refused with a reason
 * naming the file, and never stop the rest of its batch. Used by the hostile-content tests and
 * by the import benchmark's hostile set (`npm run bench -- import-hostile`, goal: every file
 * imports or is refused within 2 s).
 */

export interface HostileShape {
  /** The file name: its extension picks the parser. */
  name: string
  /** Where the shape comes from. */
  origin: string
  make(): string
  /** Sentences the import must keep when it imports the file. */
  keeps: readonly string[]
}

/** Story paragraphs every HTML shape carries, so a kept story can be checked. */
export const SHAPE_STORY = [
  'The harbour authority confirmed on Tuesday that winter escorts would begin a week early.',
  'Insurers said the change would lower premiums for grain carriers using the northern route.',
  'Port officials expect the first convoy to leave before the ice closes the outer channel.'
]

const storyHtml = SHAPE_STORY.map((s) => `<p>${s}</p>`).join('')
const page = (title: string, inner: string) => `<!doctype html><html><head><title>${title}</title></head><body>${inner}</body></html>`

function nestedIn(tag: string, depth: number, inner: string): string {
  return `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  {
    name: 'div-3000-deep.html',
    origin: 'issue 15 S3: a 33 KB page that stalled import for minutes',
    make: () => page('Deep page', `<article><h1>Deep page</h1>${nestedIn('div', 3000, storyHtml)}</article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'div-10000-deep.html',
    origin: 'issue 15 S3: overflowed the stack and aborted the CLI batch',
    make: () => page('Deeper page', `<article><h1>Deeper page</h1>${nestedIn('div', 10_000, storyHtml)}</article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'span-10000-deep.html',
    origin: 'inline nesting instead of blocks',
    make: () => page('Spans', `<article><h1>Spans</h1>${storyHtml}<p>${nestedIn('span', 10_000, 'Deep inline words end here.')}</p></article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'div-10000-unclosed.html',
    origin: 'start tags never closed: the parser nests them all',
    make: () => page('Unclosed', `<article><h1>Unclosed</h1>${storyHtml}${'<div>word '.repeat(10_000)}</article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'paragraphs-10000.html',
    origin: "a long page: jsdom's collections made it quadratic (46 s)",
    make: () => page('Many paragraphs', `<article><h1>Many paragraphs</h1>${storyHtml}${Array.from({ length: 10_000 }, (_, i) => `<p>Line ${i} of the list.</p>`).join('')}</article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'elements-100000.html',
    origin: "more elements than Readability is allowed to score",
    make: () => page('Wide page', `<article><h1>Wide page</h1>${storyHtml}<div>${'<span>a</span> '.repeat(100_000)}</div></article>`),
    keeps: SHAPE_STORY
  },
  {
    name: 'links-100000.md',
    origin: 'issue 15 S3: quadratic in tidy(), 4.9 MB did not finish',
    make: () => `# Links\n\n${SHAPE_STORY.join('\n\n')}\n\n${Array.from({ length: 100_000 }, (_, i) => `[link ${i}](https://example.org/${i})`).join(' ')}\n`,
    keeps: SHAPE_STORY
  },
  {
    name: 'quotes-10000-deep.md',
    origin: 'blockquote markers nested 10,000 deep',
    make: () => `# Quotes\n\n${SHAPE_STORY.join('\n\n')}\n\n${'>'.repeat(10_000)} the innermost quote\n`,
    keeps: SHAPE_STORY
  },
  {
    name: 'one-line-2mb.txt',
    origin: 'a 2 MB line with no break for the cleaner to split on',
    make: () => `One long line\n\n${SHAPE_STORY.join('\n\n')}\n\n${'word, another word; '.repeat(100_000)}\n`,
    keeps: SHAPE_STORY
  },
  {
    name: 'short-lines-100000.txt',
    origin: 'scraped text of 100,000 short link-like lines',
    make: () => `Short lines\n\n${SHAPE_STORY.join('\n\n')}\n\nRelated\n${Array.from({ length: 100_000 }, (_, i) => `Headline number ${i}`).join('\n')}\n`,
    keeps: SHAPE_STORY
  }
]
