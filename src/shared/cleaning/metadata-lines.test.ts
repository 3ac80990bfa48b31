import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { cleanPlainText } from './clean-plain-text'
import { republishedFrom, setAsideRepublicationNote } from './metadata-lines'

describe('republishedFrom: who first published a republished story', () => {
  it.each([
    ['This article is republished from The Conversation under a Creative Commons license. Read the original article.', 'The Conversation'],
    ['This story was originally published by ProPublica.', 'ProPublica'],
    ['This article originally appeared in Lloyd’s List on March 3, 2026.', 'Lloyd’s List'],
    ['This article first appeared on the website of the Baltic Policy Institute.', 'the Baltic Policy Institute'],
    ['Republished with permission from Hellenic Shipping News.', 'Hellenic Shipping News'],
    ['This piece was first published in Foreign Policy and is reproduced here with permission.', 'Foreign Policy']
  ])('%j → %j', (line, name) => {
    expect(republishedFrom(line)).toBe(name)
  })

  it.each([
    'This article was published by the ministry to correct a report that ran last week, its spokesperson said on Monday afternoon.',
    'The story was first published in a local paper, and then spread quickly across the region’s news sites.',
    'This article is part of our series on the Baltic ports.',
    'Reprinted maps are available from the harbour office.'
  ])('%j names no first publisher', (line) => {
    expect(republishedFrom(line)).toBeNull()
  })
})

describe('a republication note under a story', () => {
  const story = [
    'Much of Europe’s grain first travels by river, on barges that carry it from inland silos to the sea ports.',
    'Those barges depend on water levels that are becoming less reliable in the dry summers.'
  ]
  const note = 'This article is republished from The Conversation under a Creative Commons license. Read the original article.'

  it('is set aside as the source line of pasted text, and names the source', () => {
    const doc = cleanPlainText(['Why river ports are the weak link', ...story, note].join('\n\n'), 'rivers.txt')
    expect(doc.source).toBe('The Conversation')
    expect(doc.document.blocks.find((b) => b.text === note)?.removed?.reason).toBe('source')
    expect(doc.text).not.toContain('republished')
  })

  it('is set aside from the blocks of a page or document, and only at the end', () => {
    const blocks: Block[] = [note, ...story, note].map((text) => ({ kind: 'paragraph', text }))
    expect(setAsideRepublicationNote(blocks)).toBe('The Conversation')
    expect(blocks.map((b) => b.removed?.reason ?? null)).toEqual([null, null, null, 'source'])
  })
})

describe('an expert site’s header: the author’s position and disclosure', () => {
  const story = [
    'When people think of grain exports they picture ocean-going bulk carriers, but much of it first travels by river.',
    'Those barges depend on water levels that are becoming less reliable, and few ports can store a season’s grain.'
  ]
  const raw = [
    'Why river ports are the weak link in Europe’s grain exports',
    'Author\nHelena Vogt',
    'Senior Lecturer in Logistics, University of Rostock',
    'Disclosure statement',
    'Helena Vogt receives funding from the German Research Foundation.',
    'Partners\nUniversity of Rostock provides funding as a member of The Conversation UK.',
    ...story
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'rivers.txt')
  const reasonOf = (text: string) => doc.document.blocks.find((b) => b.text.startsWith(text))?.removed?.reason

  it('keeps only the story', () => {
    expect(doc.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(story)
    expect(doc.author).toBe('Helena Vogt')
  })

  it('sets the position aside with the byline, and the disclosure and its funders as a disclosure statement', () => {
    expect(reasonOf('Senior Lecturer')).toBe('byline')
    expect(reasonOf('Disclosure statement')).toBe('disclosure statement')
    expect(reasonOf('Helena Vogt receives funding')).toBe('disclosure statement')
    expect(reasonOf('Partners')).toBe('disclosure statement')
  })

  it('keeps a section headed "Partners" that no disclosure comes before, and a long section under a label', () => {
    const partners = cleanPlainText(['Port alliance grows', story[0], 'Partners', 'The alliance now counts eleven ports, from Gdansk to Rotterdam, after three joined in the spring.', story[1]].join('\n\n'), 'p.txt')
    expect(partners.document.blocks.filter((b) => b.removed).map((b) => b.text)).toEqual(['Port alliance grows'])
    const long = cleanPlainText(['Port alliance grows', 'Disclosures', `${story[0]} `.repeat(8).trim(), story[1]].join('\n\n'), 'l.txt')
    expect(long.text).toContain(story[0])
  })
})
