import { resolve } from 'node:path'
import { gradeLabel, isCredibility, type Reliability } from '../../shared/analysis/admiralty'
import { CLAIM_STATUS_MESSAGES } from '../../shared/analysis/claim-warnings'
import { claimWarningText } from '../../shared/analysis/claim-warning-text'
import { noteFromMarkdown } from '../../shared/notes/note-markdown'
import { writeManifestTo, type Services } from '../../main/composition-root'
import { CliError, cliMessage } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import type { Command } from '../args'
import { labelNamerFor } from '../../shared/i18n/default-labels'

type Run<C> = C & { dbPath: string; cwd: string }
type Of<N extends Command['name']> = Run<Extract<Command, { name: N }>>

export function caseCommand(o: Of<'case'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    if (o.action === 'create') {
      const made = s.cases.create(o.caseName, o.description ?? '')
      if (o.json) out.json({ id: made.id, name: made.name })
      else out.line(`${made.id}  ${made.name}`)
      return 0
    }
    if (o.action === 'add') {
      const found = findCase(s, o.caseId)
      const updated = s.cases.addArticles(found.id, o.articleIds)
      if (o.json) out.json({ id: updated.id, name: updated.name, articles: updated.articles })
      else out.line((await out.translator())('cli:case.added', { name: updated.name, count: updated.articles }))
      return 0
    }
    const items = s.cases.list(o.all)
    if (o.json) {
      out.json(items)
      return 0
    }
    const t = await out.translator()
    if (items.length === 0) out.line(t('cli:case.none'))
    for (const c of items) {
      const articles = t('cli:case.articles', { count: c.articles, padded: out.number(c.articles).padStart(5) })
      const claims = t('cli:case.claims', { count: c.claims, padded: out.number(c.claims).padStart(4) })
      out.line([c.id, articles, claims, c.archivedAt ? t('cli:case.archived', { name: c.name }) : c.name].join('  '))
    }
    return 0
  })
}

export function highlightCommand(o: Of<'highlight'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    const article = s.articles.get(o.articleId)
    const starts: number[] = []
    for (let at = article.text.indexOf(o.quote); at >= 0; at = article.text.indexOf(o.quote, at + 1)) starts.push(at)
    if (starts.length === 0) throw new CliError(cliMessage('cli:highlight.notFound', { title: article.title, id: article.id }))
    if (o.occurrence !== undefined && o.occurrence > starts.length) {
      throw new CliError(cliMessage('cli:highlight.occurrenceTooHigh', { occurrence: String(o.occurrence), count: starts.length, title: article.title }))
    }
    if (starts.length > 1 && o.occurrence === undefined) {
      throw new CliError(cliMessage('cli:highlight.ambiguous', { count: starts.length, title: article.title, last: String(starts.length) }))
    }
    const labels = s.labels.list()
    // A seeded label answers to its name in the CLI's language too (`--label "Fait clé"`), as the app shows it.
    const shown = o.label === undefined && o.json ? null : await labelNamerFor(out.locale())
    const named = (l: { id: string; name: string }) => (shown ? shown(l) : l.name)
    const wanted = o.label?.toLocaleLowerCase()
    const label = wanted === undefined ? undefined : (labels.find((l) => l.name.toLocaleLowerCase() === wanted) ?? labels.find((l) => named(l).toLocaleLowerCase() === wanted))
    if (o.label !== undefined && !label) throw new CliError(cliMessage('cli:highlight.noLabel', { label: o.label, labels: labels.map(named).join(', ') }))
    const note = o.note === undefined ? undefined : noteFromMarkdown(o.note)
    const start = starts[(o.occurrence ?? 1) - 1]!
    // The highlight, its note and its grade together or not at all.
    const made = s.db.transaction(() => {
      const h = label ? s.highlights.create(article.id, start, start + o.quote.length, label.id) : s.highlights.create(article.id, start, start + o.quote.length)
      if (note !== undefined) s.notes.save(h.id, note)
      if (o.credibility !== undefined && isCredibility(o.credibility)) s.grading.setCredibility(h.id, o.credibility)
      return s.highlights.get(h.id)
    })()
    const labelName = labels.find((l) => l.id === made.labelId)?.name ?? null
    if (o.json) {
      out.json({
        id: made.id,
        articleId: made.articleId,
        start: made.start,
        end: made.end,
        exact: made.exact,
        label: labelName,
        credibility: made.credibility ?? null,
        grade: gradeLabel(made.reliability ?? null, (made.credibility ?? null)),
        note: o.note ?? null
      })
    } else {
      const t = await out.translator()
      const madeLabel = labels.find((l) => l.id === made.labelId)
      out.line(`${made.id}  ${madeLabel ? named(madeLabel) : t('cli:highlight.noLabelShort')}  ${gradeLabel(made.reliability ?? null, (made.credibility ?? null))}  “${made.exact}”`)
    }
    return 0
  })
}

export function sourceCommand(o: Of<'source'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    if (o.action === 'grade') {
      s.grading.setSourceReliability(o.sourceId, o.grade as Reliability, o.reason ?? null)
      const source = s.sources.get(s.sources.currentId(o.sourceId))
      if (o.json) out.json({ id: source.id, name: source.name, reliability: source.reliability, articles: source.articles })
      else out.line((await out.translator())('cli:source.graded', { name: source.name, grade: source.reliability ?? '-' }))
      return 0
    }
    const items = s.sources.list().map((x) => ({ id: x.id, name: x.name, reliability: x.reliability, articles: x.articles }))
    if (o.json) {
      out.json(items)
      return 0
    }
    const t = await out.translator()
    if (items.length === 0) out.line(t('cli:source.none'))
    for (const x of items) out.line([x.id, (x.reliability ?? '-').padEnd(2), t('cli:case.articles', { count: x.articles, padded: out.number(x.articles).padStart(5) }), x.name].join('  '))
    return 0
  })
}

export function claimCommand(o: Of<'claim'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    if (o.action === 'add') {
      const found = findCase(s, o.caseId)
      const claim = s.claims.add(found.id, o.text, { supports: o.supports, contradicts: o.contradicts, context: o.context })
      if (o.json) out.json({ id: claim.id, warnings: claim.warnings.map((w) => w.kind) })
      else out.line(claim.id)
      return 0
    }
    const found = findCase(s, o.caseId)
    const claims = s.claims.list(found.id)
    const items = claims.map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      supports: c.supports,
      contradicts: c.contradicts,
      context: c.context,
      bestGrade: gradeLabel(c.bestReliability, (c.bestCredibility ?? null)),
      warnings: c.warnings.map((w) => w.kind)
    }))
    if (o.json) {
      out.json(items)
      return 0
    }
    const t = await out.translator()
    if (items.length === 0) out.line(t('cli:claim.none', { name: found.name }))
    items.forEach((c, i) => {
      out.line(`${c.id}  ${t(CLAIM_STATUS_MESSAGES[c.status]).padEnd(12)} +${c.supports} −${c.contradicts} ~${c.context}  ${c.bestGrade.padEnd(8)} ${c.text}`)
      for (const w of claims[i]!.warnings) out.line(`    ! ${claimWarningText(t, w)}`)
    })
    return 0
  })
}

export function verifyCommand(o: Of<'verify'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    const report = s.provenance.verify()
    if (o.json) out.json(report)
    else {
      const t = await out.translator()
      if (report.ok) out.line(t('cli:verify.ok', { articles: report.articles, bytes: report.bytes, entries: report.entries }))
      // The failure's own message is the checker's, in English: it names the hash or entry.
      for (const f of report.failures) out.line(f.kind === 'article' ? t('cli:verify.failedArticle', { id: f.id, reason: f.message }) : t('cli:verify.failedEntry', { id: f.id, reason: f.message }))
    }
    if (report.ok) return 0
    const articles = report.failures.filter((f) => f.kind === 'article').map((f) => f.id)
    const entries = [...new Set(report.failures.filter((f) => f.kind === 'log').map((f) => f.id))]
    throw new CliError(cliMessage('cli:verify.failed', { articles: articles.length, articleIds: articles.join(', '), entries: entries.join(', '), hasEntries: entries.length ? 'yes' : 'no' }))
  })
}

export function manifestCommand(o: Of<'manifest'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    const found = findCase(s, o.caseId)
    const manifest = s.provenance.manifest(found.id)
    const file = resolve(o.cwd, o.out)
    writeManifestTo(manifest, file)
    if (o.json) out.json({ file, articles: manifest.articles.length })
    else out.line((await out.translator())('cli:manifest.written', { name: found.name, count: manifest.articles.length, file }))
    return 0
  })
}

/** A case by id or exact name, so scripts can use either. */
function findCase(s: Services, idOrName: string) {
  const found = s.cases.find(idOrName)
  if (!found) throw new CliError(cliMessage('cli:error.noCase', { id: idOrName }))
  return found
}
