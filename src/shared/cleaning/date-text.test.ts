import { describe, expect, it } from 'vitest'
import { completeDate, isoFromDateText, isoFromDateTextInAnyLanguage } from './date-text'

describe('isoFromDateText', () => {
  it.each([
    ['Published: 14 September 2026', '2026-09-14'],
    ['Feb. 13, 2025', '2025-02-13'],
    ['2026-03-04', '2026-03-04'],
    ['Updated 3 Nov 2026 10:15', '2026-11-03T10:15:00'],
    ['Nov 3, 2026 at 10:15 a.m.', '2026-11-03T10:15:00'],
    ['September 14, 2026 | 10:15 PM EST', '2026-09-14T22:15:00-05:00'],
    ['2026-03-04T10:15:00Z', '2026-03-04T10:15:00Z'],
    ['Posted on Tuesday, 3 November 2026', '2026-11-03'],
    ['Published 14 September 2026, updated 15 September 2026', '2026-09-14']
  ])('%j → %j', (text, iso) => {
    expect(isoFromDateText(text)).toBe(iso)
  })

  it.each([
    'March 4',
    'Monday',
    'Published: soon',
    'The vote on Feb. 13, 2025 changed everything',
    'Ferry timetable from 3 Nov 2026',
    '2026',
    // Relative to when the page was read, which the text does not say.
    'Updated 2 hours ago',
    'Published 3 days ago',
    '5 minutes ago',
    ''
  ])('%j is not a complete date line', (text) => {
    expect(isoFromDateText(text)).toBeNull()
    expect(completeDate(text)).toBe(false)
  })

  it.each([
    ['Publié le 3 décembre 2026 à 07h30', 'fr', '2026-12-03T07:30:00'],
    ['2. Dezember 2026, 06:00 Uhr', 'de', '2026-12-02T06:00:00'],
    ['Veröffentlicht am 2. Dezember 2026', 'de-AT', '2026-12-02'],
    ['Publicado el 3 de diciembre de 2026, 07:30', 'es', '2026-12-03T07:30:00'],
    ['Pubblicato il 3 dicembre 2026 alle 07:30', 'it', '2026-12-03T07:30:00'],
    ['Gepubliceerd op 3 december 2026 om 07:30', 'nl', '2026-12-03T07:30:00'],
    ['2026年12月5日 7時30分', 'ja', '2026-12-05T07:30:00'],
    ['公開日：2026年12月5日', 'ja', '2026-12-05'],
    ['Опубликовано 5 декабря 2026 г.', 'ru', '2026-12-05'],
    ['Published: 14 September 2026.', 'en', '2026-09-14'],
    // An English date line on a French page is still read.
    ['Published: 14 September 2026', 'fr', '2026-09-14']
  ])('%j in %s → %j', (text, language, iso) => {
    expect(isoFromDateText(text, language)).toBe(iso)
  })

  it.each([
    ['Le vote du 3 décembre 2026 a tout changé', 'fr'],
    ['Fahrplan ab 2. Dezember 2026', 'de']
  ])('%j in %s is not a date line', (text, language) => {
    expect(isoFromDateText(text, language)).toBeNull()
  })

  it('reads no date from a relative one in any language', () => {
    for (const text of ['il y a 3 jours', 'Updated 2 hours ago', 'hace 2 días']) expect(isoFromDateTextInAnyLanguage(text)).toBeNull()
  })
})
