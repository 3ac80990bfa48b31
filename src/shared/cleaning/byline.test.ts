import { describe, expect, it } from 'vitest'
import { bylineAuthor, bylineExtras, creditLineNames, datedCredit, placeAndDate, postedLine } from './byline'

describe('bylineAuthor', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['By Jane Doe, Staff writer', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['By Jane Doe & John Roe, Reuters', 'Jane Doe & John Roe'],
    ['By Jane Doe, John Roe and Mari Tamm', 'Jane Doe, John Roe and Mari Tamm'],
    ['BY JANE DOE', 'JANE DOE'],
    ['by Jane Doe — Special correspondent', 'Jane Doe'],
    ['By Jane Doe Staff Writer', 'Jane Doe'],
    ['By Jane Doe in Tallinn', 'Jane Doe'],
    ['By Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['By J. R. Doe', 'J. R. Doe'],
    ['Written by Anna Bērziņa', 'Anna Bērziņa'],
    ['By Reuters', 'Reuters'],
    ['By Jane Doe | 3 Nov 2026', 'Jane Doe'],
    // Written for this test: bylines of German, French and Spanish pages.
    ['Von Jonas Brückner | 2. Dezember 2026, 06:00 Uhr | Lesezeit: 3 Minuten', 'Jonas Brückner'],
    ['Von Jonas Brückner und Petra Lindqvist', 'Jonas Brückner und Petra Lindqvist'],
    ['Par Claire Dubois et Marc Lefèvre', 'Claire Dubois et Marc Lefèvre'],
    ['Por María José Ortega y Luis Prado', 'María José Ortega y Luis Prado'],
    ['Автор: Ирина Соколова', 'Ирина Соколова'],
    ['Author: Jane Doe', 'Jane Doe'],
    ['Por Redacción', 'Redacción'],
    ['Von dpa | 05.12.2026, 08:40 Uhr', 'dpa'],
    ['Interview by Tomas Verhoeven', 'Tomas Verhoeven'],
    ['Reported by Aiko Tanaka and Sam Ortiz', 'Aiko Tanaka and Sam Ortiz']
  ])('%j → %j', (line, author) => {
    expect(bylineAuthor(line)).toBe(author)
  })

  it.each([
    'By Monday, the ministry had agreed.',
    'By the end of the week both sides were back at the table in Riga.',
    'By Christmas',
    'By then',
    'By far the largest port in the region',
    'Bystanders watched the ferry dock',
    'Jane Doe, Staff writer',
    'Von Berlin aus fahren die Züge wieder stündlich.',
    'Par ailleurs, le ministère a confirmé la date.',
    'Por la tarde, el puerto volvió a abrir.',
    'Reported by the ministry in March, the figures were revised twice.'
  ])('%j is no byline', (line) => {
    expect(bylineAuthor(line)).toBeNull()
  })

  it('reads "Door" and a lower-case "di" only below the title, and a newsroom as it is named', () => {
    expect(bylineAuthor('Door Handles Recalled')).toBeNull()
    expect(bylineAuthor('Door Jan de Vries', true)).toBe('Jan de Vries')
    expect(bylineAuthor('di Giulia Ferrari', true)).toBe('Giulia Ferrari')
    expect(bylineAuthor('Di Maio ha detto', true)).toBeNull()
    expect(bylineAuthor('Door onze redactie economie', true)).toBe('onze redactie economie')
    expect(bylineAuthor('By our correspondent')).toBe('our correspondent')
  })

  it('reads a blog’s "Posted on … by …" line in either order, the first of two glued dates', () => {
    expect(postedLine('Posted on April 15, 2026 by Marta Nowak', 'en')).toEqual({ author: 'Marta Nowak', publishedAt: '2026-04-15' })
    expect(postedLine('Posted on April 15, 2026April 16, 2026 by Marta Nowak', 'en')).toEqual({ author: 'Marta Nowak', publishedAt: '2026-04-15' })
    expect(postedLine('Posted by Marta Nowak on 15 April 2026', 'en')).toEqual({ author: 'Marta Nowak', publishedAt: '2026-04-15' })
    expect(postedLine('Posted on Monday by the harbour master, who wanted the notice read aloud', 'en')).toBeNull()
    expect(postedLine('Published in 2019 by the ministry', 'en')).toBeNull()
  })

  it('reads a date with who wrote it, a person as the author and an organisation as the source', () => {
    expect(datedCredit('Friday 6 November 2026 · By the Baltic Policy Institute', 'en')).toEqual({ author: null, source: 'Baltic Policy Institute', publishedAt: '2026-11-06' })
    expect(datedCredit('3 May 2026 | By Jane Doe', 'en')).toEqual({ author: 'Jane Doe', source: null, publishedAt: '2026-05-03' })
    expect(datedCredit('3 May 2026 | Riga | Ports', 'en')).toBeNull()
    expect(datedCredit('By the Baltic Policy Institute', 'en')).toBeNull()
  })

  it('reads the date of a line naming where the story was filed and when', () => {
    expect(placeAndDate('Barcelona | 12 de marzo de 2026 - 18:42 CET', 'es')).toBe('2026-03-12')
    expect(placeAndDate('3 November 2026 · New York', 'en')).toBe('2026-11-03')
    expect(placeAndDate('Ports | Shipping', 'en')).toBeNull()
    expect(placeAndDate('The vote in Riga | 3 November 2026', 'en')).toBeNull()
  })

  it('gives what follows the names on the line', () => {
    expect(bylineExtras('By Jane Doe | Reuters | 3 Nov 2026')).toEqual(['Reuters', '3 Nov 2026'])
  })
})

describe('creditLineNames', () => {
  it('finds the authors of a credit line set without "By"', () => {
    expect(creditLineNames('Policy Brief No. 14 · Amara Castellanos and Teo Virtanen · 15 October 2026')).toEqual({
      names: 'Amara Castellanos and Teo Virtanen',
      others: ['Policy Brief No. 14', '15 October 2026']
    })
  })

  it.each(['Home · World News · 3 Nov 2026', 'Reuters | 3 Nov 2026', 'Amara Castellanos and Teo Virtanen', 'Ports reopen · Ice season ends'])('%j has no authors', (line) => {
    expect(creditLineNames(line)).toBeNull()
  })
})
