import { describe, expect, it } from 'vitest'
import { extractEvents } from './extract-events'

const events = (text: string, published: string | null, language = 'en') =>
  extractEvents({ text, published }, language).map((e) => [e.date, e.dateEnd, e.precision, text.slice(e.textStart, e.textEnd)])

describe('timeline events', () => {
  it('resolves relative dates against the publication date', () => {
    // Published on Wednesday 12 March 2025.
    expect(events('Police searched the offices on Sunday. The tip came last week. The ship sailed yesterday.', '2025-03-12')).toEqual([
      ['2025-03-09', null, 'day', 'on Sunday'],
      ['2025-03-05', null, 'day', 'last week'],
      ['2025-03-11', null, 'day', 'yesterday']
    ])
    expect(events('Police searched the offices on Sunday.', '2024-07-03')[0]![0]).toBe('2024-06-30')
  })

  it('leaves out what cannot be placed without a publication date', () => {
    expect(events('Police searched the offices on Sunday, on April 23 and on 3 May 2024.', null)).toEqual([['2024-05-03', null, 'day', 'on 3 May 2024']])
  })

  it('keeps ranges', () => {
    expect(events('It left port between February and August 2024, and again from 3 to 5 March 2025.', '2025-03-12')).toEqual([
      ['2024-02', '2024-08', 'month', 'between February and August 2024'],
      ['2025-03-03', '2025-03-05', 'day', '3 to 5 March 2025']
    ])
  })

  it('keeps month and year precision', () => {
    expect(events('Exports fell in October 2023. The port opened in 2016.', '2025-01-10')).toEqual([
      ['2023-10', null, 'month', 'October 2023'],
      ['2016', null, 'year', '2016']
    ])
  })

  it('reads dates in other languages', () => {
    expect(events('Обыски прошли 8 апреля, а в марте 2024 года танкер ушёл.', '2025-04-10', 'ru').map((e) => e.slice(0, 3))).toEqual([
      ['2025-04-08', null, 'day'],
      ['2024-03', null, 'month']
    ])
    expect(events('Les pays ont quitté l’organisation le 29 janvier 2025.', '2025-02-14', 'fr')[0]!.slice(0, 3)).toEqual(['2025-01-29', null, 'day'])
    expect(events('وكانت المحادثات قد توقفت في يونيو 2024 بعد اشتباكات.', '2025-05-20', 'ar')[0]!.slice(0, 3)).toEqual(['2024-06', null, 'month'])
  })

  it('does not take the publication line, a time alone or the verb "may" for an event', () => {
    expect(events('12 March 2025\n\nOfficials may resign at 5pm, they said.', '2025-03-12')).toEqual([])
  })

  it('keeps the sentence and its offsets', () => {
    const text = 'Intro here.\n\nMr. Smith left Rotterdam on 3 May 2024. Nothing else.'
    const [e] = extractEvents({ text, published: '2025-01-01' }, 'en')
    expect(e!.sentence).toBe('Mr. Smith left Rotterdam on 3 May 2024.')
    expect(text.slice(e!.start, e!.end)).toBe(e!.sentence)
  })
})
