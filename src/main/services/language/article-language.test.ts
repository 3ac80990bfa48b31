import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { caughtDossierError } from '../../../../test/support/caught-dossier-error'
import { importText, tempServices } from '../../../../test/support/temp-services'
import { createServices } from '../create-services'

// Written for these tests: short news openings with no declared language.
const ARABIC = 'أعلنت هيئة الموانئ يوم الاثنين أن العبّارات ستعود إلى العمل بعد توقف دام أسبوعين بسبب العاصفة.\n\nوقال المتحدث John Smith إن الخطة الجديدة تشمل أربع سفن.'
const HEBREW = 'המשרד הודיע כי שירות המעבורות יחודש ביום שני, אחרי הפסקה של שבועיים בגלל הסערה.'
const RUSSIAN = 'Министерство заявило, что паромное сообщение возобновится в понедельник после шторма.'
const PERSIAN = 'وزارت اعلام کرد که خدمات کشتی از دوشنبه پس از طوفان از سر گرفته می‌شود.'
const html = (lang: string, body: string) => `<!doctype html><html lang="${lang}"><head><title>T</title></head><body><article><h1>Ports</h1><p>${body}</p></article></body></html>`

describe('an article’s language', () => {
  it('comes from the metadata when the text bears it out, is detected when there is none or the text contradicts it, and the analyst has the last word', async () => {
    const s = tempServices()
    const arabic = s.articles.get(await importText(s, 'ports.txt', ARABIC))
    expect([arabic.language, arabic.languageSource]).toEqual(['ar', 'detected'])
    const hebrew = s.articles.get(await importText(s, 'ferries.txt', HEBREW))
    expect([hebrew.language, hebrew.languageSource]).toEqual(['he', 'detected'])

    const declared = s.articles.get(await importText(s, 'ru.html', html('ru-RU', RUSSIAN)))
    expect([declared.language, declared.languageSource]).toEqual(['ru-RU', 'metadata'])
    // A template's lang="en" on a Persian page: the letters win.
    const contradicted = s.articles.get(await importText(s, 'fa.html', html('en', PERSIAN)))
    expect([contradicted.language, contradicted.languageSource]).toEqual(['fa', 'detected'])

    const corrected = s.articles.updateMetadata(arabic.id, { language: 'AR_eg' })
    expect([corrected.language, corrected.languageSource]).toEqual(['ar-EG', 'analyst'])
    const refused = caughtDossierError(() => s.articles.updateMetadata(arabic.id, { language: 'not a tag!' }))
    expect(refused.code).toBe('invalid_input')
    expect(refused.message).toMatch(/^language: “not a tag!” is not a language tag/)
    expect(s.articles.get(arabic.id).language).toBe('ar-EG')
  })

  it('is detected for a library from before migration 050, in batches, once, keeping languages set meanwhile', async () => {
    const s = tempServices()
    const ids = [await importText(s, 'a.txt', ARABIC), await importText(s, 'h.txt', HEBREW), await importText(s, 'r.txt', RUSSIAN), await importText(s, 'n.txt', '12 / 2024 — 15%')]
    const declared = await importText(s, 'p.html', html('fa-IR', PERSIAN))
    s.close()

    // The library as it was before migration 050: languages only from metadata, no column for their source.
    const old = new Database(s.dbPath)
    old.exec(`UPDATE articles SET language = NULL WHERE id IN (${ids.map((id) => `'${id}'`).join(',')});
      DROP TRIGGER export_renders_article_language; DROP INDEX articles_language_pending; ALTER TABLE articles DROP COLUMN language_source;
      DELETE FROM schema_migrations WHERE version = 50;`)
    old.close()

    const reopened = createServices({ dbPath: s.dbPath, shell: 'web', version: '0.0.0-test', defaultExportDir: s.dir })
    try {
      expect([reopened.articles.get(declared).language, reopened.articles.get(declared).languageSource]).toEqual(['fa-IR', 'metadata'])
      expect(reopened.articles.get(ids[0]!).languageSource).toBeNull()
      // The analyst corrects one before the backfill reaches it: the correction stays.
      reopened.articles.updateMetadata(ids[2]!, { language: 'uk' })
      expect(await reopened.languageBackfill.run()).toBe(3)
      const languages = ids.map((id) => reopened.articles.get(id)).map((a) => [a.language, a.languageSource])
      expect(languages).toEqual([
        ['ar', 'detected'],
        ['he', 'detected'],
        ['uk', 'analyst'],
        // Figures alone: no language, and not looked at again.
        ['und', 'detected']
      ])
      expect(await reopened.languageBackfill.run()).toBe(0)
    } finally {
      reopened.close()
    }
  })
})
