import type { AchMatrix } from '../ach/ach-types'
import { formatScore } from '../ach/matrix-markdown'
import { cellGrid, scoringRows } from '../ach/matrix-scores'
import { scoreMatrix } from '../ach/scoring'
import { rankedHypotheses } from '../ach/summary'
import type { EntityType } from '../entities/types'
import type { SnapshotTable } from '../notes/nodes/SnapshotTableNode'
import { isoDate } from '../text/iso-date'
import type { MessageKey, Translate } from '../i18n/messages'

/**
 * An ACH matrix summarized for a brief: its hypotheses, least inconsistent first, with Heuer's
 * and the weighted inconsistency (scored by src/shared/ach, as the Hypotheses view scores them),
 * and under it how many rows are rated, on and linchpins.
 */
export function achSummaryTable(matrix: AchMatrix, at: string): SnapshotTable {
  const grid = cellGrid(matrix)
  const scores = scoreMatrix(scoringRows(matrix, grid), matrix.hypotheses.length)
  const ranked = rankedHypotheses(
    matrix.hypotheses.map((h) => h.text),
    scores
  )
  const on = matrix.rows.filter((r) => r.enabled).length
  const linchpins = scores.linchpin.filter(Boolean).length
  return {
    kind: 'ach',
    title: `Competing hypotheses: ${matrix.name}`,
    columns: ['Rank', 'Hypothesis', 'Inconsistency', 'Weighted'],
    rows: ranked.map((h) => [String(h.rank), `H${h.index + 1}: ${h.text}`, formatScore(h.inconsistency), formatScore(h.weighted)]),
    caption: `${matrix.rows.length} evidence row${matrix.rows.length === 1 ? '' : 's'}, ${on} counted, ${linchpins} linchpin${linchpins === 1 ? '' : 's'}; least inconsistent first. As of ${isoDate(at) ?? at}.`,
    facts: { name: matrix.name, at, rows: matrix.rows.length, on, linchpins }
  }
}

/** A case's timeline, the first events in date order, with where each comes from. */
export function timelineTable(
  events: readonly { date: string; dateEnd: string | null; sentence: string; articleTitle: string; source: string | null }[],
  caseName: string,
  total: number,
  at: string
): SnapshotTable {
  return {
    kind: 'timeline',
    title: `Timeline: ${caseName}`,
    columns: ['Date', 'Event', 'Source'],
    rows: events.map((e) => [e.dateEnd ? `${e.date} – ${e.dateEnd}` : e.date, e.sentence, e.source ? `${e.source}: ${e.articleTitle}` : e.articleTitle]),
    caption: `${events.length} of ${total} event${total === 1 ? '' : 's'} of the case, oldest first. As of ${isoDate(at) ?? at}.`,
    facts: { name: caseName, at, shown: events.length, total }
  }
}

const ENTITY_TYPE_NAME: Record<EntityType, string> = { person: 'Person', org: 'Organisation', place: 'Place', selector: 'Identifier' }

/** The entities named in a case's articles, most mentioned first, with how often and in how many. */
export function entityTable(
  entities: readonly { name: string; type: EntityType; mentionCount: number; articleCount: number }[],
  caseName: string,
  total: number,
  at: string
): SnapshotTable {
  return {
    kind: 'entities',
    title: `Entities: ${caseName}`,
    columns: ['Entity', 'Type', 'Mentions', 'Articles'],
    rows: entities.map((e) => [e.name, ENTITY_TYPE_NAME[e.type], String(e.mentionCount), String(e.articleCount)]),
    caption: `${entities.length} of ${total} entit${total === 1 ? 'y' : 'ies'} named in the case’s articles, most mentioned first. As of ${isoDate(at) ?? at}.`,
    facts: { name: caseName, at, shown: entities.length, total }
  }
}

const COLUMNS: Readonly<Record<SnapshotTable['kind'], readonly MessageKey[]>> = {
  ach: ['brief:table.ach.rank', 'brief:table.ach.hypothesis', 'brief:table.ach.inconsistency', 'brief:table.ach.weighted'],
  timeline: ['brief:table.timeline.date', 'brief:table.timeline.event', 'brief:table.timeline.source'],
  entities: ['brief:table.entities.entity', 'brief:table.entities.type', 'brief:table.entities.mentions', 'brief:table.entities.articles']
}

const ENTITY_TYPE_MESSAGE: Readonly<Record<string, MessageKey>> = {
  Person: 'entities:kind.person',
  Organisation: 'entities:kind.org',
  Place: 'entities:kind.place',
  Identifier: 'entities:kind.selector'
}

/**
 * A snapshot table as an export in the language of `t` writes it: the columns and the entity
 * types always (they are the table's own words), the title and caption from the facts kept with
 * the table (an older table without them keeps its English title and caption). The rows are the
 * analyst's data and stay as they are. `date` writes the moment the table was taken.
 */
export function localizedTable(table: SnapshotTable, t: Translate, date: (iso: string) => string): SnapshotTable {
  const keys = COLUMNS[table.kind]
  const columns = keys.length === table.columns.length ? keys.map((k) => t(k)) : table.columns
  const rows = table.kind === 'entities' ? table.rows.map((r) => r.map((c, i) => (i === 1 && ENTITY_TYPE_MESSAGE[c] ? t(ENTITY_TYPE_MESSAGE[c]) : c))) : table.rows
  const f = table.facts
  if (!f) return { ...table, columns, rows }
  const at = date(f.at)
  switch (table.kind) {
    case 'ach':
      return {
        ...table,
        columns,
        rows,
        title: t('brief:table.ach.title', { name: f.name }),
        caption: t('brief:table.ach.caption', { rows: f.rows ?? 0, on: f.on ?? 0, linchpins: f.linchpins ?? 0, at })
      }
    case 'timeline':
      return { ...table, columns, rows, title: t('brief:table.timeline.title', { name: f.name }), caption: t('brief:table.timeline.caption', { shown: f.shown ?? 0, total: f.total ?? 0, at }) }
    case 'entities':
      return { ...table, columns, rows, title: t('brief:table.entities.title', { name: f.name }), caption: t('brief:table.entities.caption', { shown: f.shown ?? 0, total: f.total ?? 0, at }) }
  }
}
