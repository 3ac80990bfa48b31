/**
 * The baseline of the `import` and `import-cli` groups: bare Readability on a new jsdom per page,
 * over every page of a folder (argv[2]), in a process of its own (bare-readability.ts forks it).
 * It answers its rate in pages a second, timed over the loop alone (module loading left out,
 * which the CLI's figure includes), and with `--texts` what it extracted from each page. Alone
 * because the loop leaves its windows' garbage behind, about 1.3 GB per 1,000 pages that
 * window.close() does not free: run in the bench's own process, the next runs grew that heap to
 * 4 GB (one died of it), and V8's marking threads, collecting it, took cores from what was timed
 * next.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const WARM_UP = 10
const folder = process.argv[2]!
const pages = readdirSync(folder)
  .sort()
  .map((name) => readFileSync(join(folder, name), 'utf8'))
const keepTexts = process.argv.includes('--texts')
const texts: string[] = []
const read = (html: string) => {
  const { window } = new JSDOM(html)
  const article = new Readability(window.document).parse()
  window.close()
  return article?.textContent ?? ''
}
// Untimed, so the loop runs on warm code as the bench's own process once did.
for (const html of pages.slice(0, WARM_UP)) read(html)
const started = performance.now()
for (const html of pages) {
  const text = read(html)
  if (keepTexts) texts.push(text)
}
const perSecond = pages.length / ((performance.now() - started) / 1000)
process.send!(keepTexts ? { perSecond, texts } : { perSecond })
