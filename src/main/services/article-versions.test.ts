import { describe, expect, it } from 'vitest'
import { tempServices, utf8 } from '../../../test/support/temp-services'

const frontMatter = '---\ntitle: "Pilots strike at the northern ports"\nurl: "https://news.example.org/pilots-strike"\n---\n\n'
const FIRST = [
  'Harbour pilots at the three northern ports walked out on Tuesday over a new rota that they say leaves ships without escorts at night.',
  'The union said the strike would last until the ministry withdrew the rota, which cuts night shifts by a third.',
  'Port officials said cargo handling continued, though two tankers were held at anchor outside the breakwater.',
  'A spokesperson for the ministry declined to comment on the talks scheduled for Thursday afternoon.'
].join('\n\n')
// Wording changed around the first passage, the second edited slightly, the third cut entirely.
const SECOND = [
  'UPDATE: Harbour pilots at the three northern ports walked out on Tuesday over a new rota that they say leaves ships without escorts at night.',
  'The union said the strike would last until the ministry withdrew the new rota, which cuts night shifts by a third.',
  'A spokesperson for the ministry declined to comment on the talks scheduled for Thursday afternoon, officials added.'
].join('\n\n')

describe('re-importing a newer version of an article', () => {
  it('keeps the previous text as a version and finds every highlight again, or orphans it', async () => {
    const s = tempServices()
    const first = await s.articles.importFile('pilots.md', utf8(frontMatter + FIRST))
    const id = first.articleId!
    const text = s.articles.get(id).text
    const at = (quote: string) => {
      const start = text.indexOf(quote)
      return s.highlights.create(id, start, start + quote.length)
    }
    const moved = at('walked out on Tuesday over a new rota')
    const edited = at('the strike would last until the ministry withdrew the rota')
    const cut = at('two tankers were held at anchor outside the breakwater')

    const second = await s.articles.importFile('pilots-updated.md', utf8(frontMatter + SECOND))
    expect(second).toMatchObject({ status: 'updated', articleId: id })
    expect(second.message).toMatch(/previous text is kept/)
    const article = s.articles.get(id)
    expect(article.text).toContain('UPDATE: Harbour pilots')
    const versions = s.db.prepare('SELECT text FROM article_versions WHERE article_id = ?').all(id) as { text: string }[]
    expect(versions.map((v) => v.text)).toEqual([text])

    const after = new Map(s.highlights.list(id).map((h) => [h.id, h]))
    const m = after.get(moved.id)!
    expect(article.text.slice(m.start, m.end)).toBe('walked out on Tuesday over a new rota')
    expect(m).toMatchObject({ orphaned: false, needsReview: false })
    expect(m.confidence).toBeGreaterThan(0.9)
    const e = after.get(edited.id)!
    expect(e.orphaned).toBe(false)
    expect(article.text.slice(e.start, e.end)).toContain('the strike would last until the ministry withdrew the')
    const c = after.get(cut.id)!
    expect(c).toMatchObject({ orphaned: true, exact: 'two tankers were held at anchor outside the breakwater' })
    expect(tableCountsOfArticles(s)).toBe(1)
  })
})

describe('articles that only share a title', () => {
  it('stay separate articles: a different text under the same title is not a new version', async () => {
    const s = tempServices()
    const a = await s.articles.importFile('brief-1.txt', utf8('Daily briefing\n\nGrain prices rose on Monday as the corridor talks stalled again in Varna.'))
    const b = await s.articles.importFile('brief-2.txt', utf8('Daily briefing\n\nFerry crews voted to extend their strike into a second week, the union said.'))
    expect(a.status).toBe('imported')
    expect(b.status).toBe('imported')
    expect(b.articleId).not.toBe(a.articleId)
    expect(tableCountsOfArticles(s)).toBe(2)
  })
})

function tableCountsOfArticles(s: ReturnType<typeof tempServices>): number {
  return (s.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
}
