import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { importMarkdown, highlightQuote } from '../../../../test/support/analysis-fixtures'
import { STYLES, wordsIn } from '../../../../test/support/brief-fixtures'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'
import { briefMarkdown } from '../../../shared/brief/brief-markdown'
import { notebookState, type NotebookPart } from '../../../shared/brief/test-notebook'
import type { UiLocale } from '../../../shared/i18n/locales'
import { openDatabase } from '../../db/open-database'
import { createServices } from '../create-services'
import { BriefService } from './brief-service'

/** A case of three articles, six highlights and a claim, its brief's notebook kept as parts. */
async function library(s: TempServices) {
  const c = s.cases.create('Harbour')
  const highlights: { id: string; articleId: string; quote: string }[] = []
  const articles: string[] = []
  for (let a = 0; a < 3; a++) {
    const sentences = [`Ships waited off port ${a} for two days.`, `The harbour master of port ${a} said so.`]
    const id = await importMarkdown(s, `port-${a}.md`, { title: `Port ${a} report`, source: `Outlet ${a % 2}`, url: `https://outlet.example/${a}`, body: sentences.join(' ') })
    articles.push(id)
    for (const quote of sentences) highlights.push({ id: highlightQuote(s, id, quote), articleId: id, quote })
  }
  s.cases.addArticles(c.id, articles)
  const claim = s.claims.add(c.id, 'The ports closed', { supports: [highlights[0]!.id], contradicts: [highlights[3]!.id] })
  return { caseId: c.id, highlights, articles, claimId: claim.id }
}

type Lib = Awaited<ReturnType<typeof library>>

/** What the analyst or the library does between two exports. */
type Step =
  | { kind: 'edit'; at: number; text: string }
  | { kind: 'insert'; at: number; part: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'highlight'; which: number; change: 'reattach' | 'delete' | 'restore' | 'credibility' }
  | { kind: 'source'; which: number }
  | { kind: 'elsewhere'; which: number; title: string }
  | { kind: 'style'; which: number }
  | { kind: 'export'; locale: UiLocale }

const text = fc.constantFrom('Traffic picked up.', 'Nobody said so. Yet.', 'قال مدير الميناء ذلك.', '**bold** [link](x) and *more*', '', ' ', 'Line one\nline two')
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(40), text }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(40), part: fc.nat(5), text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(40), to: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('highlight' as const), which: fc.nat(5), change: fc.constantFrom('reattach' as const, 'delete' as const, 'restore' as const, 'credibility' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('source' as const), which: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('elsewhere' as const), which: fc.nat(2), title: fc.constantFrom('Renamed', 'Port report, revised') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('style' as const), which: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), locale: fc.constantFrom<UiLocale>('en', 'fr') }) }
)

/** One part of the notebook: a paragraph, heading, key judgement, a highlight's quote, or the claim's. */
function partOf(lib: Lib, kind: number, text: string, n: number): NotebookPart {
  const h = lib.highlights[n % lib.highlights.length]!
  switch (kind) {
    case 0:
      return { heading: text }
    case 1:
      return { keyJudgement: text }
    case 2:
    case 3:
      return { quote: { highlightId: h.id, quote: h.quote, label: n % 2 ? 'Key' : '', citation: 'Outlet' } }
    case 4:
      return { claim: { claimId: lib.claimId, text: 'The ports closed' } }
    default:
      return { paragraph: text }
  }
}

describe('the Markdown export made from what changed', () => {
  it('writes exactly what a fresh export writes, over edits, deletions, moves, highlight and source changes, writes by another connection, style and language switches', async () => {
    const s = tempServices()
    const lib = await library(s)
    const other = openDatabase(s.dbPath)
    const out = join(s.dir, 'brief.md')
    // The reference: the brief read whole (brief, renderInput) and rendered by briefMarkdown,
    // which keep nothing between calls, and check mode, which reads the brief whole too.
    const ref = new BriefService(s.db, () => '2026-01-01T00:00:00.000Z', { cases: s.cases, claims: s.claims, provenance: s.provenance })
    const parts: NotebookPart[] = [{ heading: 'Assessment' }, partOf(lib, 2, '', 0), { paragraph: 'Traffic has since picked up.' }, partOf(lib, 3, '', 3)]
    let locale: UiLocale = 'en'
    // A small style: the bundled Chicago style takes seconds to load.
    s.brief.useStyle({ name: 'style-0.csl', xml: STYLES[0]! })
    const deleted = new Set<string>()
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
          for (const st of steps) {
            const at = (i: number) => (parts.length ? i % parts.length : 0)
            switch (st.kind) {
              case 'edit':
                if (parts.length) parts[at(st.at)] = 'paragraph' in parts[at(st.at)]! || 'heading' in parts[at(st.at)]! ? { paragraph: st.text } : partOf(lib, st.at % 6, st.text, st.at)
                break
              case 'insert':
                parts.splice(st.at % (parts.length + 1), 0, partOf(lib, st.part, st.text, st.at))
                break
              case 'delete':
                if (parts.length > 1) parts.splice(at(st.at), 1)
                break
              case 'move':
                if (parts.length) parts.splice(at(st.to), 0, ...parts.splice(at(st.from), 1))
                break
              case 'highlight': {
                const h = lib.highlights[st.which]!
                if (st.change === 'delete' && !deleted.has(h.id)) {
                  s.highlights.delete(h.id)
                  deleted.add(h.id)
                } else if (st.change === 'restore' && deleted.has(h.id)) {
                  s.highlights.restore(h.id)
                  deleted.delete(h.id)
                } else if (st.change === 'reattach' && !deleted.has(h.id)) {
                  // The passage now holds other words than the brief quotes.
                  const words = s.articles.get(h.articleId).text
                  const start = words.indexOf(h.quote)
                  s.highlights.reattach(h.id, start, start + 10 + (st.which % 5))
                } else if (st.change === 'credibility' && !deleted.has(h.id)) s.grading.setCredibility(h.id, ((st.which % 6) + 1) as 1)
                break
              }
              case 'source': {
                const source = s.sources.list()[st.which % s.sources.list().length]!
                s.grading.setSourceReliability(source.id, (['A', 'C', 'F'] as const)[st.which]!)
                break
              }
              case 'elsewhere':
                // Another connection (the CLI, a worker) changes an article's title.
                other.prepare('UPDATE articles SET title = ? WHERE id = ?').run(`${st.title} ${st.which}`, lib.articles[st.which]!)
                break
              case 'style':
                s.brief.useStyle({ name: `style-${st.which}.csl`, xml: STYLES[st.which]! })
                break
              case 'export':
                locale = st.locale
                break
            }
            s.cases.saveNotebook(lib.caseId, notebookState(parts))
            const made = await s.brief.export(lib.caseId, 'md', out, undefined, locale)
            const t = await wordsIn(locale)
            const brief = ref.brief(lib.caseId, t)
            const expected = briefMarkdown(ref.renderInput(lib.caseId, brief, t, locale))
            // The date and the log's head are read at each export; the rest must match byte for byte.
            expect(readFileSync(out, 'utf8')).toBe(expected)
            expect(made.check).toEqual(await ref.check(lib.caseId, locale))
            expect(made).toMatchObject({ footnotes: brief.cites.length, draft: brief.draft, conflictFile: null })
          }
        }),
        { numRuns: Number(process.env.DOSSIER_BRIEF_RUNS ?? 6) }
      )
    } finally {
      other.close()
    }
  }, 120_000)

  it('exports after an edit anywhere exactly what a cold export gives: first and last block, a quote, footnotes renumbered, notebook writes that bypass the save', async () => {
    const clock = () => '2026-01-01T00:00:00.000Z'
    const s = tempServices({ clock })
    const lib = await library(s)
    const other = openDatabase(s.dbPath)
    const out = join(s.dir, 'brief.md')
    s.brief.useStyle({ name: 'a.csl', xml: STYLES[0]! })
    const parts: NotebookPart[] = [{ heading: 'Assessment' }]
    for (let i = 0; i < 12; i++) parts.push(partOf(lib, 2, '', i), { paragraph: `Paragraph ${i} says so.` })
    parts.push(partOf(lib, 4, '', 0), { keyJudgement: 'We assess the ports closed.' })
    const save = () => s.cases.saveNotebook(lib.caseId, notebookState(parts))
    // What a BriefService that never exported this brief writes, on a connection of its own
    // (every write above comes from the other one), with nothing of the export kept.
    const elsewhere = createServices({ dbPath: s.dbPath, shell: 'web', version: '0.0.0-test', defaultExportDir: s.dir, clock })
    onTestFinished(() => elsewhere.close())
    const cold = async () => {
      const { body, check } = await new BriefService(elsewhere.db, clock, { cases: elsewhere.cases, claims: elsewhere.claims, provenance: elsewhere.provenance }).render(lib.caseId, 'md')
      return { body: body.toString('utf8'), check }
    }
    const same = async (what: string) => {
      const warm = await s.brief.export(lib.caseId, 'md', out)
      const expected = await cold()
      expect(readFileSync(out, 'utf8'), what).toBe(expected.body)
      expect(warm.check, what).toEqual(expected.check)
      return expected.body
    }
    try {
      save()
      expect(await same('the first export')).toContain('[^13]: ')
      parts[0] = { heading: 'Assessment, revised' }
      save()
      expect(await same('the first block edited')).toContain('## Assessment, revised')
      parts[parts.length - 1] = { keyJudgement: 'We assess the ports reopened.' }
      save()
      expect(await same('the last block edited')).toContain('ports reopened.')
      parts[3] = { quote: { ...(parts[3] as { quote: { highlightId: string; quote: string; label: string; citation: string } }).quote, label: 'Relabelled' } }
      save()
      await same('a quote relabelled')
      // A quote before all others: every footnote moves up one.
      parts.splice(1, 0, partOf(lib, 2, '', 5))
      save()
      expect(await same('a quote inserted first')).toContain('[^14]: ')
      parts.splice(1, 1)
      save()
      await same('the first quote deleted')
      parts.splice(1, 0, ...parts.splice(parts.length - 4, 2))
      save()
      await same('a quote moved to the front')
      // The notebook written on the app's own connection without the save, then by another one.
      s.db.prepare("UPDATE case_notebooks SET content = replace(content, 'Paragraph 3 says', 'Paragraph three says') WHERE case_id = ?").run(lib.caseId)
      expect(await same('written on this connection')).toContain('Paragraph three says')
      other.prepare("UPDATE case_notebooks SET content = replace(content, 'Paragraph 4 says', 'Paragraph four says') WHERE case_id = ?").run(lib.caseId)
      expect(await same('written by another connection')).toContain('Paragraph four says')
    } finally {
      other.close()
    }
  })

  it('drops what it kept when the library changes under it: a title changed by another connection, a deleted highlight, another style; a broken notebook still fails', async () => {
    const s = tempServices()
    const lib = await library(s)
    const other = openDatabase(s.dbPath)
    const out = join(s.dir, 'brief.md')
    const h = lib.highlights[0]!
    s.brief.useStyle({ name: 'a.csl', xml: STYLES[0]! })
    s.cases.saveNotebook(lib.caseId, notebookState([partOf(lib, 2, '', 0), { paragraph: 'Ships waited.' }]))
    try {
      await s.brief.export(lib.caseId, 'md', out)
      expect(readFileSync(out, 'utf8')).toContain('[^1]: A: Port 0 report, Outlet 0')

      other.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Port 0, revised', h.articleId)
      await s.brief.export(lib.caseId, 'md', out)
      expect(readFileSync(out, 'utf8')).toContain('[^1]: A: Port 0, revised, Outlet 0')

      s.highlights.delete(h.id)
      const gone = await s.brief.export(lib.caseId, 'md', out)
      expect(readFileSync(out, 'utf8')).toMatch(/\[\^1\]: .*Outlet/)
      expect(readFileSync(out, 'utf8')).not.toContain('[^1]: A: ')
      expect(gone.check.passages).toMatchObject([{ cite: 0, problem: 'deleted' }])

      s.highlights.restore(h.id)
      s.brief.useStyle({ name: 'b.csl', xml: STYLES[1]! })
      await s.brief.export(lib.caseId, 'md', out)
      expect(readFileSync(out, 'utf8')).toContain('[^1]: B: Port 0, revised, Outlet 0')

      // A notebook that is no longer JSON: the export refuses it as it always did, kept pieces or not.
      other.prepare('UPDATE case_notebooks SET content = substr(content, 1, length(content) - 40) WHERE case_id = ?').run(lib.caseId)
      await expect(s.brief.export(lib.caseId, 'md', out)).rejects.toThrow(SyntaxError)
    } finally {
      other.close()
    }
  })
})
