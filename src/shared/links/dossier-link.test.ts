import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appRoute, describeRefusedLink, dossierUrl, linkInArgv, parseAppRoute, parseDossierUrl, type DossierLink } from './dossier-link'

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'

describe('parseDossierUrl', () => {
  it('accepts exactly the two forms, in any case, with an optional trailing slash', () => {
    expect(parseDossierUrl(`dossier://article/${ID}`)).toEqual({ kind: 'article', id: ID })
    expect(parseDossierUrl(`dossier://highlight/${ID}/`)).toEqual({ kind: 'highlight', id: ID })
    expect(parseDossierUrl(`DOSSIER://Highlight/${ID.toUpperCase()}`)).toEqual({ kind: 'highlight', id: ID })
  })

  it.each([
    ['another kind', `dossier://note/${ID}`],
    ['a path after the id', `dossier://article/${ID}/../../etc/passwd`],
    ['traversal instead of an id', 'dossier://article/../../../etc/passwd'],
    ['encoded traversal', 'dossier://article/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['a query', `dossier://article/${ID}?open=file:///etc/passwd`],
    ['a fragment', `dossier://highlight/${ID}#x`],
    ['credentials', `dossier://user:pw@article/${ID}`],
    ['a port', `dossier://article:80/${ID}`],
    ['three slashes', `dossier:///article/${ID}`],
    ['no slashes', `dossier:article/${ID}`],
    ['a shorter id', `dossier://article/${ID.slice(0, -1)}`],
    ['a non-hex id', `dossier://article/${ID.replace('a', 'g')}`],
    ['a newline and a second URL', `dossier://article/${ID}\nfile:///etc/passwd`],
    ['a NUL', `dossier://article/${ID}\u0000`],
    ['a look-alike scheme', `dossıer://article/${ID}`],
    ['full-width letters', `dossier://ａrticle/${ID}`],
    ['javascript', 'javascript:alert(1)//dossier://article/' + ID],
    ['another scheme', `https://article/${ID}`],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['a very long URL', `dossier://article/${ID}/${'a'.repeat(10_000)}`],
    ['nothing', ''],
    ['an ID with backslashes', `dossier://article\\${ID}`]
  ])('refuses %s', (_why, input) => {
    expect(parseDossierUrl(input)).toBeNull()
  })

  it('refuses anything that is not a string', () => {
    for (const input of [null, undefined, 42, {}, [`dossier://article/${ID}`], { toString: () => `dossier://article/${ID}` }]) {
      expect(parseDossierUrl(input)).toBeNull()
    }
  })

  it('returns only a known kind and a canonical UUID, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `dossier://article/${s}`), fc.string().map((s) => `dossier://highlight/${ID}${s}`)), (input) => {
        const link = parseDossierUrl(input)
        if (link === null) return
        expect(['article', 'highlight']).toContain(link.kind)
        expect(link.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
        // What is accepted is what we would write ourselves, so nothing extra rides along.
        expect(parseDossierUrl(dossierUrl(link))).toEqual(link)
      }),
      { numRuns: 2000 }
    )
  })

  it('round-trips every link it writes', () => {
    fc.assert(
      fc.property(fc.constantFrom<DossierLink['kind']>('article', 'highlight'), fc.uuid(), (kind, id) => {
        expect(parseDossierUrl(dossierUrl({ kind, id }))).toEqual({ kind, id })
        expect(parseAppRoute(appRoute({ kind, id }))).toEqual({ kind, id })
      })
    )
  })
})

describe('parseAppRoute', () => {
  it('accepts the web mode routes and nothing else', () => {
    expect(parseAppRoute(`/highlight/${ID}`)).toEqual({ kind: 'highlight', id: ID })
    expect(parseAppRoute(`/article/${ID}/`)).toEqual({ kind: 'article', id: ID })
    for (const path of ['/', '/index.html', `/article/${ID}/x`, `/Article/${ID}`, `/article/${'-'.repeat(36)}`, `//article/${ID}`, `/article/${ID}%00`]) {
      expect(parseAppRoute(path), path).toBeNull()
    }
  })
})

describe('linkInArgv (Windows and Linux start Dossier with the link as an argument)', () => {
  it('finds the link among Electron’s own arguments', () => {
    const argv = ['/opt/Dossier/dossier', '--no-sandbox', `dossier://highlight/${ID}`]
    expect(linkInArgv(argv)).toEqual({ link: { kind: 'highlight', id: ID }, refused: [] })
    expect(linkInArgv(['C:\\Dossier.exe', '--allow-file-access-from-files'])).toEqual({ link: null, refused: [] })
  })

  it('reports dossier: arguments that do not parse, and ignores everything else', () => {
    const argv = ['dossier.exe', 'dossier://article/../../x', '--inspect=9229', `dossier://article/${ID}`]
    expect(linkInArgv(argv)).toEqual({ link: { kind: 'article', id: ID }, refused: ['dossier://article/../../x'] })
  })

  it('writes a refused link to the log on one bounded line', () => {
    const line = describeRefusedLink(`dossier://x\n\u001b[31mforged log line${'x'.repeat(500)}`)
    expect(line).not.toContain('\n')
    expect(line).not.toContain('\u001b')
    expect(line.length).toBeLessThan(140)
    expect(describeRefusedLink({})).toBe('"(object)"')
  })
})
