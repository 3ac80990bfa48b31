import nlp from 'compromise'
import { extractEntitiesSync } from '../src/shared/entities/extract-entities'
import type { LabelledArticle } from '../src/shared/entities/fixtures/labelled'
import { ENGLISH_ARTICLES } from '../src/shared/entities/fixtures/news-en'
import { HELD_OUT_ARTICLES } from '../src/shared/entities/fixtures/news-held-out'
import { OTHER_ARTICLES } from '../src/shared/entities/fixtures/news-other'
import type { EntityType } from '../src/shared/entities/types'
import { entityScaleRows, extractionLoopRows } from './entities-scale-bench'
import { extractEvents } from '../src/shared/timeline/extract-events'
import { type Group, median, type Result, row } from './results'

interface Span {
  start: number
  end: number
  type: EntityType
}

const NAME_TYPES: EntityType[] = ['person', 'org', 'place']

/** Bare compromise, as an analyst would call it: its people, organisations and places, punctuation trimmed. */
export function bareCompromise(text: string): Span[] {
  const doc = nlp(text)
  const out: Span[] = []
  for (const [type, view] of [['person', doc.people()], ['org', doc.organizations()], ['place', doc.places()]] as const) {
    for (const m of view.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
      const raw = text.slice(m.offset.start, m.offset.start + m.offset.length)
      const lead = raw.length - raw.replace(/^[^\p{L}\p{N}]+/u, '').length
      const trimmed = raw.replace(/^[^\p{L}\p{N}]+/u, '').replace(/(?:['’]s)?[^\p{L}\p{N}]+$/u, '').replace(/['’]s$/, '')
      if (trimmed) out.push({ start: m.offset.start + lead, end: m.offset.start + lead + trimmed.length, type })
    }
  }
  return out
}

export const ours = (a: LabelledArticle): Span[] => extractEntitiesSync({ text: a.text, language: a.language })

interface Score {
  tp: number
  fp: number
  fn: number
}

/** Exact span and type: what the index stores and a click opens. */
function score(articles: LabelledArticle[], find: (a: LabelledArticle) => Span[], types: EntityType[]): Score {
  const s = { tp: 0, fp: 0, fn: 0 }
  for (const a of articles) {
    const key = (x: Span) => `${x.type}:${x.start}:${x.end}`
    const gold = new Set(a.entities.filter((e) => types.includes(e.type)).map(key))
    const got = new Set(find(a).filter((e) => types.includes(e.type)).map(key))
    for (const k of got) if (gold.has(k)) s.tp++
    else s.fp++
    for (const k of gold) if (!got.has(k)) s.fn++
  }
  return s
}

const f1 = ({ tp, fp, fn }: Score) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn))
const precision = ({ tp, fp }: Score) => (tp + fp === 0 ? 0 : tp / (tp + fp))
const recall = ({ tp, fn }: Score) => (tp + fn === 0 ? 0 : tp / (tp + fn))

/** Share of labelled dates found in their sentence with the right date (and range end). */
export function timelineRecall(articles: LabelledArticle[]): { found: number; total: number } {
  let found = 0
  let total = 0
  for (const a of articles) {
    const events = extractEvents({ text: a.text, published: a.published, language: a.language }, a.language)
    for (const d of a.dates) {
      total++
      if (events.some((e) => e.textStart < d.end && d.start < e.textEnd && e.date === d.date && e.dateEnd === d.dateEnd)) found++
    }
  }
  return { found, total }
}

/** Words per second of each runner, rounds interleaved so both see the same machine load. */
function wordsPerSecond(texts: string[], runners: ((t: string) => unknown)[], rounds: number): number[] {
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0)
  const rates: number[][] = runners.map(() => [])
  for (let r = 0; r < rounds; r++) {
    runners.forEach((run, k) => {
      const t0 = performance.now()
      for (const t of texts) run(t)
      rates[k]!.push(words / ((performance.now() - t0) / 1000))
    })
  }
  return rates.map(median)
}

/**
 * BENCH_ENTITY_ROWS=quality,throughput,scale,extract (default: all) runs only those parts: the
 * quality rows take seconds, the scale rows need the 100,000-article library, the extraction
 * rows extract a whole library in the background.
 */
function parts(): Set<string> {
  const asked = process.env.BENCH_ENTITY_ROWS?.split(',').map((s) => s.trim()).filter(Boolean)
  return new Set(asked?.length ? asked : ['quality', 'throughput', 'scale', 'extract'])
}

export const entitiesGroup: Group = async ({ root, outDir, log }) => {
  const results: Result[] = []
  const g = 'entities'
  const run = parts()
  if (run.has('quality')) results.push(...qualityRows(g, log))
  if (run.has('throughput')) results.push(throughputRow(g))
  if (run.has('scale')) results.push(...entityScaleRows({ root, outDir, log }, g))
  if (run.has('extract')) results.push(...(await extractionLoopRows({ root, outDir, log }, g, [...ENGLISH_ARTICLES, ...HELD_OUT_ARTICLES].map((a) => a.text))))
  return results
}

function qualityRows(g: string, log: (line: string) => void): Result[] {
  const results: Result[] = []
  for (const type of NAME_TYPES) {
    const mine = score(ENGLISH_ARTICLES, ours, [type])
    const bare = score(ENGLISH_ARTICLES, (a) => bareCompromise(a.text), [type])
    log(`${type}: ours P ${precision(mine).toFixed(2)} R ${recall(mine).toFixed(2)}; compromise P ${precision(bare).toFixed(2)} R ${recall(bare).toFixed(2)}`)
    results.push(row(g, `F1 ${type} (English)`, f1(mine), 'F1', { baseline: f1(bare) }))
  }
  const mine = score(ENGLISH_ARTICLES, ours, NAME_TYPES)
  const bare = score(ENGLISH_ARTICLES, (a) => bareCompromise(a.text), NAME_TYPES)
  results.push(row(g, 'precision people/orgs/places (English)', precision(mine), 'P', { baseline: precision(bare) }))
  results.push(row(g, 'recall people/orgs/places (English)', recall(mine), 'R', { baseline: recall(bare) }))
  results.push(row(g, 'F1 people/orgs/places (English)', f1(mine), 'F1', { baseline: f1(bare), goal: '≥0.85, above compromise' }))
  const heldOut = score(HELD_OUT_ARTICLES, ours, NAME_TYPES)
  const heldOutBare = score(HELD_OUT_ARTICLES, (a) => bareCompromise(a.text), NAME_TYPES)
  results.push(row(g, 'F1 people/orgs/places (English, held out)', f1(heldOut), 'F1', { baseline: f1(heldOutBare), goal: '≥0.85, above compromise' }))
  results.push(row(g, 'F1 selectors (all languages)', f1(score([...ENGLISH_ARTICLES, ...OTHER_ARTICLES], ours, ['selector'])), 'F1'))
  for (const a of OTHER_ARTICLES) {
    results.push(row(g, `F1 all types (${a.language})`, f1(score([a], ours, [...NAME_TYPES, 'selector'])), 'F1'))
  }
  const english = timelineRecall([...ENGLISH_ARTICLES, ...HELD_OUT_ARTICLES])
  const all = timelineRecall([...ENGLISH_ARTICLES, ...HELD_OUT_ARTICLES, ...OTHER_ARTICLES])
  log(`timeline: ${english.found}/${english.total} English, ${all.found}/${all.total} all languages`)
  results.push(row(g, 'timeline dates found right (English)', english.found / english.total, 'share', { goal: '≥0.9' }))
  results.push(row(g, 'timeline dates found right (all languages)', all.found / all.total, 'share', { goal: '≥0.9' }))
  return results
}

function throughputRow(g: string): Result {
  // Throughput on the English texts repeated to ~20,000 words, side by side, interleaved rounds.
  const texts = Array.from({ length: 25 }, () => ENGLISH_ARTICLES.map((a) => a.text)).flat()
  extractEntitiesSync({ text: texts[0]!, language: 'en' })
  const [base, full] = wordsPerSecond(
    texts,
    [
      (t) => {
        const doc = nlp(t)
        return [doc.people().json(), doc.organizations().json(), doc.places().json()]
      },
      (t) => extractEntitiesSync({ text: t, language: 'en' })
    ],
    7
  ) as [number, number]
  return row(g, 'extraction throughput (English)', full, 'words/s', { baseline: base, goal: '≥0.5× compromise' })
}
