import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { highlightQuote, importMarkdown } from '../../test/support/analysis-fixtures'
import { HOSTILE_CSL } from '../../test/support/hostile-csl'
import { dossierOn } from '../../test/support/spawn-dossier'
import { tempServices } from '../../test/support/temp-services'
import { run } from './run'

/** A case with a claim and two highlights, one with a note, and no brief written: the CLI drafts one. */
async function library() {
  const s = tempServices()
  const a = await importMarkdown(s, 'port.md', { title: 'Port closes', source: 'Harbour Gazette', url: 'https://gazette.example/port', body: 'The port closed on Monday. Fuel prices rose.' })
  const h1 = highlightQuote(s, a, 'The port closed on Monday.')
  highlightQuote(s, a, 'Fuel prices rose.')
  const c = s.cases.create('Fuel')
  s.cases.addArticles(c.id, [a])
  s.claims.add(c.id, 'The port closed', { supports: [h1] })
  await s.close()
  return { dir: s.dir, db: s.dbPath, caseId: c.id }
}

async function dossier(dir: string, argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: dir })
  return { code, stdout, stderr }
}

describe('dossier report', () => {
  it('drafts a cited brief from a case with no brief, keeps a file the analyst edited, refuses a bad style and format', async () => {
    const { dir, db } = await library()
    const first = await dossier(dir, ['report', '--case', 'Fuel', '--format', 'md', '--out', 'brief.md', '--db', db, '--json'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(first.stdout)).toEqual({ file: join(dir, 'brief.md'), format: 'md', draft: true, footnotes: 2, check: { uncited: [], passages: [] } })
    const markdown = readFileSync(join(dir, 'brief.md'), 'utf8')
    expect(markdown).toMatch(/> The port closed on Monday\.\[\^1\][\s\S]*> Fuel prices rose\.\[\^2\][\s\S]*\[\^1\]: “Port Closes,” Harbour Gazette[^\n]*https:\/\/gazette\.example\/port\. Ungraded; imported/)

    writeFileSync(join(dir, 'brief.md'), 'edited by hand\n')
    const again = await dossier(dir, ['report', '--case', 'Fuel', '--format', 'md', '--out', 'brief.md', '--db', db])
    expect(again.code).toBe(1)
    expect(again.stderr).toBe(
      `dossier: ${join(dir, 'brief.md')} was changed since Dossier last wrote it, so it was kept; the new brief is in ${join(dir, 'brief.dossier-conflict.md')}.\n`
    )
    expect(readFileSync(join(dir, 'brief.md'), 'utf8')).toBe('edited by hand\n')

    writeFileSync(join(dir, 'house.csl'), '<notes/>')
    const badStyle = await dossier(dir, ['report', '--case', 'Fuel', '--format', 'html', '--out', 'b.html', '--style', 'house.csl', '--db', db])
    expect(badStyle).toMatchObject({ code: 1, stderr: 'dossier: house.csl: not a CSL style (no <style> element in the CSL namespace).\n' })
    // The same checks as the app's style picker: a hostile style is refused by name, nothing written.
    writeFileSync(join(dir, 'laughs.csl'), HOSTILE_CSL.find((h) => h.id === 'billion laughs')!.xml)
    const laughs = await dossier(dir, ['report', '--case', 'Fuel', '--format', 'html', '--out', 'c.html', '--style', 'laughs.csl', '--db', db])
    expect(laughs).toMatchObject({ code: 1, stderr: 'dossier: laughs.csl: a CSL style may not declare a DOCTYPE or entities (no style needs one).\n' })
    expect(existsSync(join(dir, 'c.html'))).toBe(false)

    const badFormat = await dossier(dir, ['report', '--case', 'Fuel', '--format', 'pdf', '--out', 'b.pdf', '--db', db])
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toMatch(/^dossier: --format is md, docx or html for a report, not 'pdf'\./)
    expect((await dossier(dir, ['report', '--case', 'Nope', '--format', 'md', '--out', 'x.md', '--db', db])).stderr).toBe(
      'dossier: there is no case Nope; dossier case list shows them.\n'
    )
  })

  it('writes a Word brief when run as a user runs it', { timeout: 300_000 }, async () => {
    const { dir, db, caseId } = await library()
    const cli = dossierOn(db, dir)
    const r = await cli.ok<{ file: string; footnotes: number }>('report', '--case', caseId, '--format', 'docx', '--out', 'brief.docx')
    expect(r).toMatchObject({ file: join(dir, 'brief.docx'), footnotes: 2 })
    expect(readFileSync(join(dir, 'brief.docx')).subarray(0, 2).toString()).toBe('PK')
  })
})
