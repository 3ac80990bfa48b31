import { resolve } from 'node:path'
import { checkFindings, checkIsClean } from '../../shared/brief/check-brief'
import { CliError, cliMessage } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import type { Command } from '../args'

type Of = Extract<Command, { name: 'report' }> & { dbPath: string; cwd: string }

/**
 * `dossier report --case CASE_ID --format md|docx|html --out FILE [--style CSL_FILE]`: the case's
 * brief, cited (or a draft from its claims and highlights). What check mode finds is said, not
 * refused: a script has no one to confirm with. A file the analyst changed since the last export
 * is kept; the new brief goes beside it and the command fails, naming both.
 */
export function reportCommand(o: Of, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    const found = s.cases.find(o.caseId)
    if (!found) throw new CliError(cliMessage('cli:error.noCase', { id: o.caseId }))
    const style = o.style === undefined ? undefined : resolve(o.cwd, o.style)
    // The words the brief adds (headings, column names, labels) in the language of LANG.
    const result = await s.brief.export(found.id, o.format, resolve(o.cwd, o.out), style, out.locale())
    if (result.conflictFile) {
      throw new CliError(cliMessage('cli:report.conflict', { file: result.file, conflictFile: result.conflictFile }))
    }
    if (o.json) {
      out.json({
        file: result.file,
        format: result.format,
        draft: result.draft,
        footnotes: result.footnotes,
        check: { uncited: result.check.uncited.map((u) => u.text), passages: result.check.passages.map((p) => ({ id: p.id, kind: p.kind, problem: p.problem })) }
      })
      return 0
    }
    const t = await out.translator()
    out.line(t('cli:report.written', { draft: result.draft ? 'yes' : 'no', name: found.name, count: result.footnotes, file: result.file }))
    if (!checkIsClean(result.check)) out.line(t('cli:report.check', { summary: checkFindings(result.check, t, out.locale()) }))
    return 0
  })
}
