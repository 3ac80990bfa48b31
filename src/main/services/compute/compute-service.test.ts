import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reanchor } from '../../../shared/anchoring/reanchor'
import { compileExportTemplate, SAMPLE_CONTEXT } from '../../../shared/markdown/export-template'
import { importText, tempServices } from '../../../../test/support/temp-services'
import { inProcessCompute, workerCompute, type ComputeService } from './compute-service'

const ROOT = resolve(import.meta.dirname, '../../../..')

/** The real compute worker, bundled as the app build bundles it. */
async function buildWorker(dir: string): Promise<string> {
  const { build } = await import('rolldown')
  const file = join(dir, 'compute-worker.mjs')
  await build({
    input: join(ROOT, 'src/main/services/compute/compute-worker.ts'),
    platform: 'node',
    external: [/^node:/],
    logLevel: 'silent',
    // One file: the worker loads eld with a dynamic import, which would otherwise be a chunk of its own.
    output: { file, format: 'esm', codeSplitting: false },
    write: true
  })
  return file
}

const TEXT = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} says the port of call number ${i * 7} is open.`).join(' ')

describe('the compute worker', () => {
  let compute: ComputeService
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-compute-'))
    compute = workerCompute(await buildWorker(dir))
  }, 120_000)
  afterAll(async () => {
    await compute.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds passages and renders templates exactly as this thread does', async () => {
    const selectors = [
      { exact: 'port of call number 70 is open', prefix: 'Sentence 10 says the ', suffix: '. Sentence 11', start: 5, end: 40 },
      { exact: 'port of cal number 700 is opn', prefix: 'Sentence 100 says the ', suffix: '', start: 0, end: 0 }
    ]
    expect(await compute.run({ kind: 'reanchor', text: TEXT, selectors })).toEqual(selectors.map((s) => reanchor(TEXT, s)))
    const template = '# {{title}}\n{{#each highlights}}- {{quote}}\n{{/each}}'
    expect(await compute.run({ kind: 'renderTemplate', template, context: SAMPLE_CONTEXT })).toBe(compileExportTemplate(template)(SAMPLE_CONTEXT))
    // Languages (migration 050's backfill): eld loads in the worker on first use.
    const samples = ['أعلنت هيئة الموانئ أن العبّارات ستعود إلى العمل يوم الاثنين.', 'Министерство заявило, что паромное сообщение возобновится.', '12 — 15%']
    expect(await compute.run({ kind: 'detectLanguages', samples })).toEqual(['ar', 'ru', 'und'])
  })

  it('stops a task past its budget with a sentence, and runs the next one on a fresh worker', async () => {
    const selectors = Array.from({ length: 200 }, (_, i) => ({ exact: `port of cal numbr ${i} is opn`, prefix: 'x', suffix: 'y', start: 0, end: 0 }))
    await expect(compute.run({ kind: 'reanchor', text: TEXT.repeat(5), selectors }, { budgetMs: 50 })).rejects.toMatchObject({
      code: 'too_complex',
      message: expect.stringMatching(/^the compute worker gave up after/)
    })
    expect(await compute.run({ kind: 'renderTemplate', template: '{{title}}', context: SAMPLE_CONTEXT })).toBe('Sample\n')
  })

  it('reports a template error from the worker with its code and message', async () => {
    await expect(compute.run({ kind: 'renderTemplate', template: '{{#each highlights}}{{#each @root.highlights}}{{#each @root.highlights}}{{@root.notebook}}{{/each}}{{/each}}{{/each}}', context: { ...SAMPLE_CONTEXT, highlights: Array.from({ length: 60 }, () => SAMPLE_CONTEXT.highlights[0]!), notebook: 'n'.repeat(5000) } })).rejects.toMatchObject({ code: 'too_large' })
  })
})

describe('annotation import and template preview through the compute service', () => {
  it('imports with the service on this thread (the CLI) as in the worker, and previews a template', async () => {
    const s = tempServices()
    await importText(s, 'pact.md', '---\ntitle: Harbour pact\nurl: https://news.example.com/pact\n---\nPort operators met on Tuesday.')
    const doc = { rows: [{ uri: 'https://news.example.com/pact', target: [{ source: 'https://news.example.com/pact', selector: [{ type: 'TextQuoteSelector', exact: 'met on Tuesday' }] }] }] }
    expect(await s.annotationImport(JSON.stringify(doc), 'h.json')).toMatchObject({ imported: 1, skipped: [] })
    expect((await s.exporter.preview('# {{title}} (brief)')).markdown).toBe('# Harbour pact (brief)\n')
    expect(await inProcessCompute().run({ kind: 'renderTemplate', template: '{{title}}', context: SAMPLE_CONTEXT })).toBe('Sample\n')
  })
})
