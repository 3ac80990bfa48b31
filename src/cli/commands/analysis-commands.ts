import { resolve } from 'node:path'
import { gradeLabel, isCredibility, type Reliability } from '../../shared/analysis/admiralty'
import { noteFromMarkdown } from '../../shared/notes/note-markdown'
import { writeManifestTo, type Services } from '../../main/composition-root'
import { CliError } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import type { Command } from '../args'

type Run<C> = C & { dbPath: string; cwd: string }
type Of<N extends Command['name']> = Run<Extract<Command, { name: N }>>

export function caseCommand(o: Of<'case'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
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
      else out.line(`“${updated.name}” now holds ${updated.articles} article${updated.articles === 1 ? '' : 's'}.`)
      return 0
    }
    const items = s.cases.list(o.all)
    if (o.json) out.json(items)
    else if (items.length === 0) out.line('No cases yet: dossier case create NAME makes one.')
    else for (const c of items) out.line([c.id, `${String(c.articles).padStart(5)} articles`, `${String(c.claims).padStart(4)} claims`, `${c.name}${c.archivedAt ? ' (archived)' : ''}`].join('  '))
    return 0
  })
}

export function highlightCommand(o: Of<'highlight'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    const article = s.articles.get(o.articleId)
    const starts: number[] = []
    for (let at = article.text.indexOf(o.quote); at >= 0; at = article.text.indexOf(o.quote, at + 1)) starts.push(at)
    if (starts.length === 0) throw new CliError(`the quote is not in “${article.title}” (${article.id}); it must match the article's text exactly.`)
    if (o.occurrence !== undefined && o.occurrence > starts.length) {
      throw new CliError(`--occurrence ${o.occurrence}: the quote occurs ${starts.length} time${starts.length === 1 ? '' : 's'} in “${article.title}”.`)
    }
    if (starts.length > 1 && o.occurrence === undefined) {
      throw new CliError(`the quote occurs ${starts.length} times in “${article.title}”; choose one with --occurrence 1 to ${starts.length}.`)
    }
    const labels = s.labels.list()
    const label = o.label === undefined ? undefined : labels.find((l) => l.name.toLowerCase() === o.label!.toLowerCase())
    if (o.label !== undefined && !label) throw new CliError(`--label: there is no label “${o.label}”; labels are ${labels.map((l) => l.name).join(', ')}.`)
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
    } else out.line(`${made.id}  ${labelName ?? 'no label'}  ${gradeLabel(made.reliability ?? null, (made.credibility ?? null))}  “${made.exact}”`)
    return 0
  })
}

export function sourceCommand(o: Of<'source'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    if (o.action === 'grade') {
      s.grading.setSourceReliability(o.sourceId, o.grade as Reliability, o.reason ?? null)
      const source = s.sources.get(s.sources.currentId(o.sourceId))
      if (o.json) out.json({ id: source.id, name: source.name, reliability: source.reliability, articles: source.articles })
      else out.line(`${source.name}: reliability ${source.reliability}.`)
      return 0
    }
    const items = s.sources.list().map((x) => ({ id: x.id, name: x.name, reliability: x.reliability, articles: x.articles }))
    if (o.json) out.json(items)
    else if (items.length === 0) out.line('No sources yet: they are proposed when articles are imported.')
    else for (const x of items) out.line([x.id, (x.reliability ?? '-').padEnd(2), `${String(x.articles).padStart(5)} articles`, x.name].join('  '))
    return 0
  })
}

export function claimCommand(o: Of<'claim'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    if (o.action === 'add') {
      const found = findCase(s, o.caseId)
      const claim = s.claims.add(found.id, o.text, { supports: o.supports, contradicts: o.contradicts, context: o.context })
      if (o.json) out.json({ id: claim.id, warnings: claim.warnings.map((w) => w.kind) })
      else out.line(claim.id)
      return 0
    }
    const found = findCase(s, o.caseId)
    const items = s.claims.list(found.id).map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      supports: c.supports,
      contradicts: c.contradicts,
      context: c.context,
      bestGrade: gradeLabel(c.bestReliability, (c.bestCredibility ?? null)),
      warnings: c.warnings.map((w) => w.kind)
    }))
    if (o.json) out.json(items)
    else if (items.length === 0) out.line(`No claims in “${found.name}” yet.`)
    else {
      for (const c of items) {
        out.line(`${c.id}  ${c.status.padEnd(12)} +${c.supports} −${c.contradicts} ~${c.context}  ${c.bestGrade.padEnd(8)} ${c.text}`)
        for (const w of c.warnings) out.line(`    ! ${w.replace(/_/g, ' ')}`)
      }
    }
    return 0
  })
}

export function verifyCommand(o: Of<'verify'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    const report = s.provenance.verify()
    if (o.json) out.json(report)
    else if (report.ok) out.line(`Verified ${report.articles} originals (${report.bytes} bytes) and ${report.entries} log entries: all intact.`)
    for (const f of report.failures) if (!o.json) out.line(`FAILED ${f.kind === 'article' ? `article ${f.id}` : f.id}: ${f.message}`)
    if (report.ok) return 0
    const articles = report.failures.filter((f) => f.kind === 'article').map((f) => f.id)
    const entries = report.failures.filter((f) => f.kind === 'log').map((f) => f.id)
    const named = [articles.length && `article${articles.length === 1 ? '' : 's'} ${articles.join(', ')}`, entries.length && [...new Set(entries)].join(', ')].filter(Boolean)
    throw new CliError(`verify failed: ${named.join('; ')}.`)
  })
}

export function manifestCommand(o: Of<'manifest'>, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    const found = findCase(s, o.caseId)
    const manifest = s.provenance.manifest(found.id)
    const file = resolve(o.cwd, o.out)
    writeManifestTo(manifest, file)
    if (o.json) out.json({ file, articles: manifest.articles.length })
    else out.line(`Wrote the evidence manifest of “${found.name}” (${manifest.articles.length} articles) to ${file}.`)
    return 0
  })
}

/** A case by id or exact name, so scripts can use either. */
function findCase(s: Services, idOrName: string) {
  const found = s.cases.find(idOrName)
  if (!found) throw new CliError(`there is no case ${idOrName}; dossier case list shows them.`)
  return found
}
