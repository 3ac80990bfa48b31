/**
 * The baseline of the `import-cli` group: bare Readability on a new jsdom per page, over every
 * page of a folder (argv[2]), in a process of its own (forked by cli-import-bench.ts). It answers
 * its rate in pages a second, timed over the loop alone (module loading left out, which the
 * CLI's figure includes). Alone because the loop leaves its windows' garbage behind, about 1.3 GB
 * per 1,000 pages that window.close() does not free: run in the bench's own process, the next
 * runs grew that heap to 4 GB (one died of it), and V8's marking threads, collecting it, took
 * cores from the `dossier import` timed right after.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const folder = process.argv[2]!
const pages = readdirSync(folder)
  .sort()
  .map((name) => readFileSync(join(folder, name), 'utf8'))
const started = performance.now()
for (const html of pages) {
  const { window } = new JSDOM(html)
  new Readability(window.document).parse()
  window.close()
}
process.send!({ perSecond: pages.length / ((performance.now() - started) / 1000) })
