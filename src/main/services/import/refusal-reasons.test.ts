import { zipSync } from 'fflate'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DossierError } from '../../../shared/errors'
import { createI18n, LOCALES, translator, type Locale, type Translate } from '../../../shared/i18n'
import { REASON_IDS } from '../../../shared/reasons'
import { reasonText, REASON_MESSAGES } from '../../../shared/i18n/reason-messages'
import { decodeBytes, MAX_IMPORT_BYTES } from '../../../shared/text/decode-bytes'
import { readImportFile } from '../files/read-import-file'
import { parseFile } from './parse-document'
import { readZip } from './zip-archive'

/** The failure a call throws, as main's DossierError. */
async function refusal(run: () => unknown): Promise<DossierError> {
  try {
    await run()
  } catch (err) {
    if (err instanceof DossierError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

const tiny = { maxEntries: 3, maxTotalBytes: 1e9, maxEntryBytes: 1e9 }

/** Real refusals from the import pipeline, each with the file it names. */
const CASES: [string, string, () => unknown][] = [
  ['an unsupported type', 'photo.png', () => parseFile('photo.png', new Uint8Array([1, 2, 3]))],
  ['a file over the limit', 'huge.txt', () => decodeBytes(new Uint8Array(MAX_IMPORT_BYTES + 5 * 1024 * 1024), 'huge.txt')],
  ['a binary file', 'data.txt', () => decodeBytes(Uint8Array.from([0x61, 0, 0x62]), 'data.txt')],
  ['a blank file', 'blank.md', () => decodeBytes(new TextEncoder().encode('  \n '), 'blank.md')],
  ['a Word file that is not a zip', 'fake.docx', () => parseFile('fake.docx', new TextEncoder().encode('hello'))],
  ['a zip bomb by entries', 'many.epub', () => readZip(zipSync({ a: new Uint8Array(1), b: new Uint8Array(1), c: new Uint8Array(1), d: new Uint8Array(1) }), 'many.epub', 'epub', () => true, tiny)],
  ['a Word file without its body', 'empty.docx', () => parseFile('empty.docx', zipSync({ 'other.xml': new TextEncoder().encode('<x/>') }))],
  ['an EPUB without its package', 'book.epub', () => parseFile('book.epub', zipSync({ 'mimetype': new TextEncoder().encode('application/epub+zip') }))],
  ['a damaged PDF', 'broken.pdf', () => parseFile('broken.pdf', new TextEncoder().encode('%PDF-1.7 nothing else'))]
]

describe('why main refused a file, in the analyst’s language', () => {
  const t = {} as Record<Locale, Translate>
  beforeAll(async () => {
    for (const locale of LOCALES) t[locale] = translator(await createI18n(locale))
  })

  it('every reason id has a message', () => {
    expect(Object.keys(REASON_MESSAGES).sort()).toEqual([...REASON_IDS].sort())
  })

  it.each(CASES)('%s: the English catalog says what main says, and every language names the file', async (_, file, run) => {
    const err = await refusal(run)
    expect(err.reason, err.message).toBeDefined()
    expect(reasonText(err.reason!, t.en)).toBe(err.message)
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const text = reasonText(err.reason!, t[locale])
      expect(text, locale).toContain(file)
      expect(text, locale).not.toBe(err.message)
    }
  })

  it('a file over the limit gives its size and the limit in each language’s numbers', async () => {
    const err = await refusal(() => decodeBytes(new Uint8Array(MAX_IMPORT_BYTES + 5 * 1024 * 1024 + 100_000), 'huge.txt'))
    expect(reasonText(err.reason!, t.en)).toBe('huge.txt: the file is 55.1 MB; Dossier imports files up to 50 MB.')
    expect(reasonText(err.reason!, t.fr)).toBe('huge.txt\u00a0: le fichier fait 55,1\u00a0Mo\u202f; Dossier importe des fichiers jusqu’à 50\u00a0Mo.')
    expect(reasonText(err.reason!, t.ja)).toContain('55.1 MB')
    expect(reasonText(err.reason!, t.ar)).toContain('ميغابايت')
  })

  it('a file main cannot read says the system’s reason in the language, with its code', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'dossier-reasons-')), 'gone.md')
    const read = readImportFile(missing)
    if (!('rejected' in read)) throw new Error('expected a rejection')
    expect(reasonText(read.rejected.reason!, t.en)).toBe(read.rejected.message)
    expect(reasonText(read.rejected.reason!, t.fr)).toBe('gone.md\u00a0: impossible de lire le fichier\u00a0: fichier ou dossier introuvable (ENOENT).')
  })
})
