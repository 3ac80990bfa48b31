import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENGLISH_ARTICLES } from '../../../shared/entities/fixtures/news-en'
import { ENTITY_TYPES } from '../../../shared/entities/types'
import { DossierError } from '../../../shared/errors'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'

// Sentences of the labelled texts, to build articles the extractor finds names in.
const SENTENCES = ENGLISH_ARTICLES.flatMap((a) => a.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20)

type Op =
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'rename'; a: number; name: string }
  | { kind: 'retype'; a: number; type: (typeof ENTITY_TYPES)[number] }
  | { kind: 'stop'; a: number }
  | { kind: 'split'; a: number; alias: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), a: fc.nat(), name: fc.string({ minLength: 1, maxLength: 20 }).filter((n) => n.trim().length > 0) }),
  fc.record({ kind: fc.constant('retype' as const), a: fc.nat(), type: fc.constantFrom(...ENTITY_TYPES) }),
  fc.record({ kind: fc.constant('stop' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), a: fc.nat(), alias: fc.nat() })
)

/** What the analyst sees: each mention's passage and the entity (name, type) it is listed under. */
function view(s: TempServices, articleId: string): string[] {
  return s.entities
    .list({ articleId })
    .flatMap((e) => e.mentions.filter((m) => m.articleId === articleId).map((m) => `${m.start}-${m.end} ${m.text} → ${e.type}:${e.name}`))
    .sort()
}

function apply(s: TempServices, articleId: string, o: Op): void {
  const entities = s.entities.list({ articleId })
  if (!entities.length) return
  const a = entities[o.a % entities.length]!
  if (o.kind === 'merge') {
    const b = entities[o.b % entities.length]!
    if (a.id !== b.id) s.entities.merge(a.id, b.id)
  } else if (o.kind === 'rename') s.entities.rename(a.id, o.name)
  else if (o.kind === 'retype') s.entities.retype(a.id, o.type)
  else if (o.kind === 'stop') s.entities.stop(a.id)
  else if (a.aliases.length) s.entities.splitAlias(a.id, a.aliases[o.alias % a.aliases.length]!)
}

describe('analyst decisions', () => {
  it('survive re-extraction of any article', { timeout: 120_000 }, async () => {
    const s = tempServices()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...SENTENCES), { minLength: 2, maxLength: 8 }), fc.array(op, { minLength: 1, maxLength: 6 }), async (sentences, ops) => {
        const result = await s.articles.importFile(`a${n++}.txt`, new TextEncoder().encode(`Article ${n}\n\n${sentences.join(' ')}`))
        if (!result.articleId || result.status === 'duplicate') return
        await s.entityIndexer.extractPending()
        for (const o of ops) {
          try {
            apply(s, result.articleId, o)
          } catch (err) {
            // A correction the service refuses with a reason is no decision; anything else fails.
            if (!(err instanceof DossierError && err.code === 'invalid_input')) throw err
          }
        }
        const before = view(s, result.articleId)
        await s.entityIndexer.extract(result.articleId, true)
        expect(view(s, result.articleId)).toEqual(before)
      }),
      { numRuns: 25 }
    )
  })
})
