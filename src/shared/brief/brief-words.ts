import type { Translate } from '../i18n/messages'
import { isoDate } from '../text/iso-date'
import type { BriefBlock } from './brief-document'
import type { BriefRenderInput } from './brief-render-input'
import { localizedTable } from './snapshot-tables'

/**
 * The words every brief writer (Markdown, HTML, Word) adds around the analyst's own, in the
 * language of the export (the app's interface language; `LANG` for `dossier report`). Dates stay
 * ISO (YYYY-MM-DD) in every language, as in the front matter, so a brief reads the same dates
 * its manifest and notes give.
 */
export function metaLine(input: BriefRenderInput): string {
  return input.t('brief:export.meta', {
    name: input.caseName,
    date: isoDate(input.generatedAt) ?? input.generatedAt,
    draft: input.brief.draft ? 'yes' : 'no',
    style: input.styleTitle
  })
}

/** What the appendix's heading and sentence say: the words, how many articles, and the log's head (a stored export words it again with only these). */
export interface AppendixHeadInput {
  t: Translate
  manifest: { articles: { length: number }; logHead: BriefRenderInput['manifest']['logHead'] }
}

/** The appendix's sentence: how many articles, and the activity log's head at export. */
export function appendixIntro(input: AppendixHeadInput): string {
  const { t, manifest: m } = input
  const head = m.logHead ? t('brief:export.logHead', { seq: m.logHead.seq, hash: m.logHead.hash }) : t('brief:export.logEmpty')
  return t('brief:export.manifest', { count: m.articles.length, head })
}

export function appendixColumns(t: Translate): string[] {
  return [
    t('brief:export.column.title'),
    t('brief:export.column.source'),
    t('brief:export.column.reliability'),
    t('brief:export.column.url'),
    t('brief:export.column.imported'),
    t('brief:export.column.sha256')
  ]
}

export function appendixRows(input: Pick<BriefRenderInput, 'manifest'>): string[][] {
  return input.manifest.articles.map((a) => [a.title, a.source ?? '', a.reliability ?? '', a.url ?? '', isoDate(a.importedAt) ?? a.importedAt, a.originalSha256 ?? ''])
}

/** What stands over a quote: a highlight's label as the analyst named it, or a claim and its status. */
export function quoteLabel(block: Extract<BriefBlock, { kind: 'quote' }>, t: Translate): string {
  return block.claimStatus ? t('brief:export.claimLabel', { status: block.claimStatus }) : block.label
}

/** A snapshot table (ACH summary, timeline, entities) with its own words in the export's language. */
export function tableOf(block: Extract<BriefBlock, { kind: 'table' }>, t: Translate) {
  return localizedTable(block.table, t, (iso) => isoDate(iso) ?? iso)
}
