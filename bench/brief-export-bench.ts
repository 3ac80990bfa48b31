import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../src/main/services/create-services'
import { bundledStyle, loadStyle } from '../src/main/services/brief/citation-formatter'
import { notebookState, type NotebookPart } from '../src/shared/brief/test-notebook'
import { median, row, type BenchContext, type Result } from './results'

const ARTICLES = 100
const QUOTES_PER_ARTICLE = 5
const RUNS = 5

/**
 * Group "brief" (issue 20): a brief of 500 quotes (100 articles from 20 outlets, 5 passages
 * each), each quote followed by a sentence, with a key judgement every 25 quotes, exported to
 * Word and to Markdown through BriefService as the app and `dossier report` do (database reads,
 * CSL citations with the bundled Chicago style, rendering, the conflict-rule write). Markdown is
 * compared with writing the same bytes with writeFileSync, side by side in this process.
 */
export async function briefExportBench(ctx: BenchContext): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-brief-bench-'))
  const s = createServices({ dbPath: join(dir, 'library.sqlite'), shell: 'web', version: 'bench', defaultExportDir: dir })
  try {
    const started = performance.now()
    const c = s.cases.create('Bench brief')
    const parts: NotebookPart[] = [{ heading: 'Assessment' }]
    for (let a = 0; a < ARTICLES; a++) {
      const sentences = Array.from({ length: QUOTES_PER_ARTICLE }, (_, k) => `Passage ${k + 1} of report ${a + 1} says the convoy ${k % 2 ? 'left' : 'waited'} at dawn.`)
      const md = `---\ntitle: "Report ${a + 1} on the northern convoys"\nsource: Outlet ${a % 20}\nauthor: Writer ${a % 7}\nurl: https://outlet${a % 20}.example/report-${a + 1}\n---\n# Report ${a + 1}\n\n${sentences.join(' ')}\n`
      const imported = await s.articles.importFile(`report-${a}.md`, Buffer.from(md, 'utf8'))
      const articleId = imported.articleId!
      s.cases.addArticles(c.id, [articleId])
      const text = s.articles.get(articleId).text
      for (const sentence of sentences) {
        const start = text.indexOf(sentence)
        const h = s.highlights.create(articleId, start, start + sentence.length)
        if ((parts.length / 2) % 25 === 0) parts.push({ keyJudgement: `We assess with moderate confidence that convoy ${parts.length} sailed.` })
        parts.push({ quote: { highlightId: h.id, quote: sentence, label: '', citation: `Outlet ${a % 20}` } })
        parts.push({ paragraph: `This bears on the timing of convoy ${a + 1}.` })
      }
    }
    s.cases.saveNotebook(c.id, notebookState(parts))
    ctx.log(`library of ${ARTICLES} articles, ${ARTICLES * QUOTES_PER_ARTICLE} quotes in ${((performance.now() - started) / 1000).toFixed(1)} s`)

    const t0 = performance.now()
    loadStyle(bundledStyle())
    const engine = performance.now() - t0
    ctx.log(`Chicago style loaded in ${engine.toFixed(0)} ms`)

    const outDir = join(dir, 'out')
    mkdirSync(outDir)
    const first = performance.now()
    const firstDocx = await s.brief.export(c.id, 'docx', join(outDir, 'first.docx'))
    const cold = performance.now() - first
    ctx.log(`first Word export (citations formatted): ${cold.toFixed(0)} ms, ${firstDocx.footnotes} footnotes`)

    const docx: number[] = []
    const md: number[] = []
    const raw: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now()
      await s.brief.export(c.id, 'docx', join(outDir, `brief-${i}.docx`))
      docx.push(performance.now() - t)
      t = performance.now()
      await s.brief.export(c.id, 'md', join(outDir, `brief-${i}.md`))
      md.push(performance.now() - t)
      const bytes = readFileSync(join(outDir, `brief-${i}.md`))
      t = performance.now()
      writeFileSync(join(outDir, `raw-${i}.md`), bytes)
      raw.push(performance.now() - t)
    }
    const mdBytes = readFileSync(join(outDir, 'brief-0.md')).length
    ctx.log(`Markdown ${(mdBytes / 1024).toFixed(0)} KB: export ${median(md).toFixed(0)} ms, raw write ${median(raw).toFixed(2)} ms; Word ${median(docx).toFixed(0)} ms`)
    return [
      row('brief', 'Chicago CSL style load (once per process)', engine, 'ms'),
      row('brief', 'first Word export, 500 citations formatted', cold, 'ms', { goal: '≤2000 ms' }),
      row('brief', 'Word export, 500 citations (p50)', median(docx), 'ms', { goal: '≤2000 ms' }),
      row('brief', 'Markdown export, 500 citations (p50)', median(md), 'ms', { baseline: median(raw), goal: '≤2000 ms and ≤2× raw write' })
    ]
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
