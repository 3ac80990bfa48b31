import { describe, expect, it } from 'vitest'
import { Gazetteer } from '../gazetteer/gazetteer'
import { findNames } from './find-names'

const gazetteer = new Gazetteer()
const en = (text: string) => findNames(text, { english: true, gazetteer })
const other = (text: string) => findNames(text, { english: false, gazetteer })
const brief = (text: string, find = en) => find(text).map((m) => [m.type, m.text, m.name, ...(m.role ? [m.role] : [])])

describe('English names: the clean-up rules', () => {
  it('leaves the possessive out of the name and the span', () => {
    const text = 'Officials said Yevgeny Prigozhin’s fighters withdrew, and Maria Petrova\'s lawyer agreed.'
    expect(brief(text)).toEqual([
      ['person', 'Yevgeny Prigozhin', 'Yevgeny Prigozhin'],
      ['person', 'Maria Petrova', 'Maria Petrova']
    ])
  })

  it('keeps a title fused to a name as the role, in capitals or not', () => {
    expect(brief('Deputy Minister Ömer Faruk Kaya arrived. Later, said deputy minister Kaya, talks would go on.')).toEqual([
      ['person', 'Ömer Faruk Kaya', 'Ömer Faruk Kaya', 'Deputy Minister'],
      ['person', 'Kaya', 'Ömer Faruk Kaya', 'deputy minister']
    ])
    expect(brief('They met Foreign Minister Sergei Lavrov and Gen. Valery Gerasimov.')).toEqual([
      ['person', 'Sergei Lavrov', 'Sergei Lavrov', 'Foreign Minister'],
      ['person', 'Valery Gerasimov', 'Valery Gerasimov', 'Gen.']
    ])
  })

  it('does not take an organisation that opens with a title word for a person', () => {
    expect(brief('The National Security Council met the State Department.')).toEqual([
      ['org', 'National Security Council', 'National Security Council'],
      ['org', 'State Department', 'State Department']
    ])
  })

  it('reads a dateline in capitals as a place', () => {
    expect(brief('KINSHASA — Talks resumed.')).toEqual([['place', 'KINSHASA', 'Kinshasa']])
    expect(brief('MOSCOW, March 3 (Wire) — Talks resumed.')[0]).toEqual(['place', 'MOSCOW', 'Moscow'])
    expect(brief('NEW YORK — Talks resumed.')).toEqual([['place', 'NEW YORK', 'New York']])
    // Capitals followed by a comma and no dash are no dateline.
    expect(brief('UNICEF, the children’s agency, said so.')).toEqual([['org', 'UNICEF', 'UNICEF']])
  })

  it('keeps a hyphenated place whole', () => {
    expect(brief('Trains ran from Rostov-on-Don and Stratford-upon-Avon.')).toEqual([
      ['place', 'Rostov-on-Don', 'Rostov-on-Don'],
      ['place', 'Stratford-upon-Avon', 'Stratford-upon-Avon']
    ])
  })

  it('keeps "of" inside an organisation and splits it elsewhere', () => {
    expect(brief('A note from the Ministry of Foreign Affairs reached the Bank of England.')).toEqual([
      ['org', 'Ministry of Foreign Affairs', 'Ministry of Foreign Affairs'],
      ['org', 'Bank of England', 'Bank of England']
    ])
    expect(brief('Ships crossed the Gulf of Aden.')).toEqual([['place', 'Gulf of Aden', 'Gulf of Aden']])
  })

  it('names an organisation by its suffix', () => {
    expect(brief('Auditors visited Caspian Horizon Shipping Ltd. and Baltic Reefer Holdings.')).toEqual([
      ['org', 'Caspian Horizon Shipping Ltd', 'Caspian Horizon Shipping Ltd'],
      ['org', 'Baltic Reefer Holdings', 'Baltic Reefer Holdings']
    ])
  })

  it('makes an acronym defined in the text one organisation with its long form', () => {
    const text = 'The Fiscal Information and Investigation Service, known by its Dutch initials FIOD, raided a depot. FIOD said little.'
    expect(brief(text)).toEqual([
      ['org', 'Fiscal Information and Investigation Service', 'Fiscal Information and Investigation Service'],
      ['org', 'FIOD', 'Fiscal Information and Investigation Service'],
      ['org', 'FIOD', 'Fiscal Information and Investigation Service']
    ])
    expect(brief('The Organised Crime Task Unit (OCTU) said so; OCTU agents left.').map((m) => m[2])).toEqual([
      'Organised Crime Task Unit',
      'Organised Crime Task Unit',
      'Organised Crime Task Unit'
    ])
  })

  it('splits two organisations joined by "and"', () => {
    expect(brief('Officials spoke to NATO and the European Union.')).toEqual([
      ['org', 'NATO', 'NATO'],
      ['org', 'European Union', 'European Union']
    ])
  })

  it('finds places from the gazetteer, but not inside a person’s name', () => {
    expect(brief('Fighting near Bakhmut spread to Kharkiv.')).toEqual([
      ['place', 'Bakhmut', 'Bakhmut'],
      ['place', 'Kharkiv', 'Kharkiv']
    ])
    expect(brief('Paris Hilton never visited Sydney.').filter((m) => m[0] === 'place')).toEqual([['place', 'Sydney', 'Sydney']])
  })

  it('does not take a month or a sentence opener for a name', () => {
    expect(brief('In November, the talks stalled. However, officials met in March.')).toEqual([])
  })
})

describe('other languages', () => {
  it('finds places under inflected and prefixed names', () => {
    expect(brief('Делегация прибыла в Москву, а затем в Украину и Германию.', other).map((m) => [m.at(1), m.at(2)])).toEqual([
      ['Москву', 'Moscow'],
      ['Украину', 'Ukraine'],
      ['Германию', 'Germany']
    ])
    expect(brief('وصل الوفد إلى القاهرة ثم بالرياض.', other).map((m) => [m.at(1), m.at(2)])).toEqual([
      ['القاهرة', 'Cairo'],
      ['الرياض', 'Riyadh']
    ])
    expect(brief('La délégation a quitté le Sénégal pour l’Allemagne.', other).map((m) => m.at(2))).toContain('Senegal')
  })

  it('applies a conservative capitalised-name rule where the script has case', () => {
    expect(brief('Вчера представитель Андрей Смирнов сообщил об этом.', other)).toEqual([['person', 'Андрей Смирнов', 'Андрей Смирнов']])
    expect(brief('Selon Emmanuel Macron, la Commission européenne hésite.', other)[0]).toEqual(['person', 'Emmanuel Macron', 'Emmanuel Macron'])
    // A lone capitalised word after a full stop is not taken for a name.
    expect(brief('Selon lui. Ensuite rien.', other)).toEqual([])
  })

  it('gives offsets that cut the exact text', () => {
    const text = 'MOSCOW — Deputy Minister Kaya’s visit to the Ministry of Foreign Affairs in Rostov-on-Don.'
    for (const m of en(text)) expect(text.slice(m.start, m.end)).toBe(m.text)
  })
})
