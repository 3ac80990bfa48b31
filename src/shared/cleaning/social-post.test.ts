import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { cleanPlainText } from './clean-plain-text'

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed).map((b) => b.text)
const POST = 'Ferry operators on the Baltic have cut winter sailings by up to a fifth. Island councils say they hold six weeks of stocks.'

describe('a post copied from a social network', () => {
  const raw = `Anna Lindqvist\n@annalindqvist\n${POST}\n10:14 AM · Mar 9, 2026\n·\n12.3K\nViews\n48\nReposts\n9\nQuotes\n210\nLikes\n14\nBookmarks`
  const doc = cleanPlainText(raw, 'post.txt')

  it('keeps the post alone, its author and time read from around it', () => {
    expect(kept(doc.document.blocks)).toEqual([POST])
    expect(doc.author).toBe('Anna Lindqvist')
    expect(doc.publishedAt).toBe('2026-03-09T10:14:00')
  })

  it('is titled by its author and its first words', () => {
    expect(doc.title).toBe('Anna Lindqvist: “Ferry operators on the Baltic have cut winter sailings by up to a fifth. Island councils…”')
  })

  it('sets the counters aside as the site’s', () => {
    expect(doc.document.blocks.find((b) => b.text.startsWith('12.3K'))?.removed?.reason).toBe('site chrome: share buttons')
  })

  it('reads a Mastodon handle and a date written before the time', () => {
    const doc = cleanPlainText(`Baltic Desk\n@desk@mastodon.example\n${POST}\nMar 9, 2026 · 10:14 AM\n3 boosts`, 'toot.txt')
    expect(doc.author).toBe('Baltic Desk')
    expect(doc.publishedAt).toBe('2026-03-09T10:14:00')
    expect(kept(doc.document.blocks)).toEqual([POST])
  })

  it('leaves a story whose byline has its reporter’s handle under it to the story’s own rules', () => {
    const story = cleanPlainText(`Ferry cuts deepen on the Baltic\n\nBy Anna Lindqvist\n@annalindqvist\n\n${POST}`, 'story.txt')
    expect(story.title).toBe('Ferry cuts deepen on the Baltic')
    expect(story.author).toBe('Anna Lindqvist')
    expect(story.document.blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual([POST])
  })

  it('leaves a story whose second line is no handle alone', () => {
    const story = cleanPlainText(`Ferry cuts\n\n${POST}\n\nFollow @annalindqvist for updates.`, 'story.txt')
    expect(story.title).toBe('Ferry cuts')
    expect(kept(story.document.blocks)).toContain('Follow @annalindqvist for updates.')
  })
})
