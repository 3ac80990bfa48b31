import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { cleanPlainText } from './clean-plain-text'
import { RECORD_REASON } from './database-record'

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed).map((b) => b.text)
const reasonOf = (blocks: Block[], text: string) => blocks.find((b) => b.text.split('\n').includes(text))?.removed?.reason

const STORY = [
  'Ferry operators on the Baltic have cut winter sailings by up to a fifth, blaming fuel costs that have risen for the third year running.',
  'Passenger groups said the cuts would hit island communities hardest, since ferries are their only link to the mainland in winter.'
]

describe('a story exported from Factiva', () => {
  const raw = [
    'Baltic ferry operators cut winter sailings as fuel costs bite',
    'By Marta Kowalczyk\n412 words\n4 March 2026\nBaltic Shipping News\nBSN\nEnglish\nCopyright 2026 Baltic Shipping News Ltd. All rights reserved.',
    `GDYNIA, March 4 (BSN) - ${STORY[0]}`,
    STORY[1],
    'Document BSN0000020260304em340001d'
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'factiva.txt')

  it('keeps the story, and reads its publication, date, author and dateline from the record', () => {
    expect(kept(doc.document.blocks)).toEqual([`GDYNIA, March 4 (BSN) - ${STORY[0]}`, STORY[1]])
    expect(doc.source).toBe('Baltic Shipping News')
    expect(doc.publishedAt).toBe('2026-03-04')
    expect(doc.author).toBe('Marta Kowalczyk')
    expect(doc.dateline).toBe('GDYNIA, March 4 (BSN)')
  })

  it('sets the record’s fields and document number aside', () => {
    for (const field of ['412 words', 'BSN', 'English', 'Document BSN0000020260304em340001d']) expect(reasonOf(doc.document.blocks, field)).toBe(RECORD_REASON)
  })
})

describe('a story exported from Nexis', () => {
  const raw = [
    'Port strike enters second week as talks collapse',
    'The Northern Courier\nMarch 11, 2026 Wednesday\nFinal Edition',
    'Copyright 2026 Northern Courier Media Ltd All Rights Reserved',
    'Section: NEWS; Pg. 6\nLength: 388 words\nByline: Tomas Berg',
    'Body',
    ...STORY,
    'Classification',
    'Language: ENGLISH',
    'Publication-Type: Newspaper',
    'Subject: STRIKES (92%); PORTS (90%)',
    'Load-Date: March 12, 2026',
    'End of Document'
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'nexis.txt')

  it('keeps the story alone', () => {
    expect(kept(doc.document.blocks)).toEqual(STORY)
    expect(doc.title).toBe('Port strike enters second week as talks collapse')
  })

  it('reads the publication, the date before its weekday, and the byline', () => {
    expect(doc.source).toBe('The Northern Courier')
    expect(doc.publishedAt).toBe('2026-03-11')
    expect(doc.author).toBe('Tomas Berg')
    for (const field of ['Final Edition', 'Body', 'Classification', 'Language: ENGLISH', 'Load-Date: March 12, 2026', 'End of Document']) expect(reasonOf(doc.document.blocks, field)).toBe(RECORD_REASON)
  })
})

describe('a story that is no database record', () => {
  it('keeps a short capitalised line and a language name under the headline', () => {
    const doc = cleanPlainText(['NATO ministers meet in Riga', 'NATO', 'English', ...STORY].join('\n\n'), 'n.txt')
    expect(kept(doc.document.blocks)).toEqual(['NATO', 'English', ...STORY])
  })
})
