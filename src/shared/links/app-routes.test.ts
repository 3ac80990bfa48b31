import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HOME, isShellPath, parseRouteUrl, routeToUrl, type AppRoute } from './app-routes'

const uuid = fc.uuid({ version: 4 })
const route: fc.Arbitrary<AppRoute> = fc.record({
  view: fc.constantFrom('library', 'search', 'cases', 'claims', 'entities', 'timeline'),
  link: fc.option(fc.record({ kind: fc.constantFrom('article' as const, 'highlight' as const), id: uuid })),
  query: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
  caseId: fc.option(uuid)
})

function parse(url: string): AppRoute | null {
  const u = new URL(url, 'http://127.0.0.1')
  return parseRouteUrl(u.pathname, u.search)
}

describe('app routes', () => {
  it('every route survives the round trip through its URL', () => {
    fc.assert(
      fc.property(route, (r) => {
        expect(parse(routeToUrl(r))).toEqual(r)
      })
    )
  })

  it('writes the forms the web mode and the dossier:// links share', () => {
    const id = '11111111-1111-4111-8111-111111111111'
    expect(routeToUrl(HOME)).toBe('/')
    expect(routeToUrl({ ...HOME, view: 'search', query: 'ice pact' })).toBe('/search?q=ice+pact')
    expect(routeToUrl({ ...HOME, link: { kind: 'highlight', id } })).toBe(`/highlight/${id}`)
    expect(routeToUrl({ ...HOME, view: 'search', link: { kind: 'article', id } })).toBe(`/article/${id}?view=search`)
    expect(parse(`/case/${id}`)).toEqual({ ...HOME, caseId: id })
  })

  it('refuses what is not a route, and a case or view that is not well formed', () => {
    for (const path of ['/assets/index.js', '/favicon.ico', '/article/nope', '/a/b/c', '/Search', '//x', '/assets', '/api', '/assets/', `/${'a'.repeat(120)}`]) {
      expect(isShellPath(path), path).toBe(false)
    }
    expect(parse('/?case=../../etc&view=<script>')).toEqual(HOME)
  })
})
