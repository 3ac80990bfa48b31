import { describe, expect, it } from 'vitest'
import { datelineDate, datelineOf } from './dateline'

describe('datelineOf: the place without its trailing dash', () => {
  it.each([
    ['TALLINN, Estonia — Ferry operators met on Monday.', 'TALLINN, Estonia'],
    ['BARCELONA.– Los estibadores iniciaron una huelga.', 'BARCELONA'],
    ['САНКТ-ПЕТЕРБУРГ, 12 марта — Работники терминалов начали забастовку.', 'САНКТ-ПЕТЕРБУРГ, 12 марта'],
    ['WASHINGTON, D.C. — The talks resumed.', 'WASHINGTON, D.C.'],
    ['RIGA, Latvia – The council voted.', 'RIGA, Latvia'],
    ['WASHINGTON — The talks resumed.', 'WASHINGTON'],
    ['NEW YORK (Reuters) - Shares fell.', 'NEW YORK (Reuters)'],
    ['KYIV, Ukraine (AP) — Sirens sounded.', 'KYIV, Ukraine (AP)'],
    ['МОСКВА — Переговоры возобновились.', 'МОСКВА'],
    ['GDANSK -- Shipyard orders rose.', 'GDANSK'],
    ['OSLO, Norway, March 3, 2026 /PRNewswire/ -- Halvorsen Logistics ASA today announced…', 'OSLO, Norway, March 3, 2026 /PRNewswire/'],
    ['BOSTON, March 3, 2026 (GLOBE NEWSWIRE) -- Northwind Bio today reported…', 'BOSTON, March 3, 2026 (GLOBE NEWSWIRE)'],
    ['SAN FRANCISCO--(BUSINESS WIRE)--Acme Robotics today announced…', 'SAN FRANCISCO--(BUSINESS WIRE)']
  ])('%j → %j', (paragraph, dateline) => {
    expect(datelineOf(paragraph)).toBe(dateline)
  })

  it.each([
    'Tallinn, Estonia — Ferry operators met.',
    'The port — long neglected — is busy again.',
    'US-Russia talks resumed on Monday.',
    'I — for one — disagree.'
  ])('%j has no dateline', (paragraph) => {
    expect(datelineOf(paragraph)).toBeNull()
  })
})

describe('datelineDate: a press release’s date, with its year', () => {
  it.each([
    ['OSLO, Norway, March 3, 2026 /PRNewswire/', '2026-03-03'],
    ['BOSTON, 3 March 2026 (GLOBE NEWSWIRE)', '2026-03-03'],
    ['МОСКВА, 12 марта', null],
    ['NEW YORK (Reuters)', null],
    [null, null]
  ])('%j → %j', (dateline, iso) => {
    expect(datelineDate(dateline)).toBe(iso)
  })
})
