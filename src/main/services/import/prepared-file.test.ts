import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { minhashSignature } from '../../../shared/analysis/minhash'
import { parseFile } from './parse-document'
import { prepareFile } from './prepared-file'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('a parsed file prepared for the store where it was parsed', () => {
  it('carries the document as the JSON main stores, the text and file hashes, the MinHash signature and the removed blocks by reason', async () => {
    const bytes = utf8('<html><head><title>Harbour pact</title></head><body><nav>Home News Sport</nav><article><h1>Harbour pact</h1><p>The ministry signed the harbour pact with the port authority on Monday after months of talks.</p><p>Insurers said the convoy escorts would lower premiums for tankers in the northern straits.</p></article></body></html>')
    const parsed = await parseFile('pact.html', bytes)
    const prepared = prepareFile(parsed, bytes)
    expect(JSON.parse(prepared.documentJson)).toEqual(parsed.article.document)
    expect(prepared.article).not.toHaveProperty('document')
    expect(prepared.article.text).toBe(parsed.article.text)
    expect(prepared.contentHash).toBe(createHash('sha256').update(parsed.article.text).digest('hex'))
    expect(prepared.originalSha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect([...prepared.signature]).toEqual([...minhashSignature(parsed.article.text)])
    const removed = parsed.article.document.blocks.filter((b) => b.removed)
    expect(prepared.removed.reduce((n, r) => n + r.count, 0)).toBe(removed.length)
    // What crosses the thread boundary survives structured cloning unchanged.
    expect(structuredClone(prepared)).toEqual(prepared)
  })
})
