import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { CHROME } from './chrome-rules'
import { cleanPlainText } from './clean-plain-text'

const RELATED = CHROME.related
const removedWith = (blocks: Block[], reason: string) => blocks.filter((b) => b.removed?.reason === reason).map((b) => b.text)
const keptTexts = (blocks: Block[]) => blocks.filter((b) => !b.removed).map((b) => b.text)

const STORY = [
  'Dock workers at the northern terminal voted on Tuesday to extend their strike into a third week.',
  'The port authority said that container traffic had fallen by a third since the walkout began.',
  'Talks between the union and the operators are expected to resume after the weekend, officials said.'
]
const HEADLINES = ['Rail freight operators warn of a winter backlog', 'Why the canal tolls keep rising', 'Shipyard orders hit a ten-year high in Gdynia']

describe('related headlines after a widget label in scraped text', () => {
  it('takes the headlines under "Popular" at the end of a scrape, with the label’s reason', () => {
    const doc = cleanPlainText(`Port strike enters third week\n\n${STORY.join('\n\n')}\n\nPopular\n\n${HEADLINES.join('\n\n')}\n`, 'strike.txt')
    expect(removedWith(doc.document.blocks, RELATED)).toEqual(['Popular', ...HEADLINES])
    expect(doc.text.trimEnd().endsWith(STORY.at(-1)!)).toBe(true)
  })

  it('takes headlines listed one per line, with no blank line between them', () => {
    const doc = cleanPlainText(`Port strike enters third week\n\n${STORY.join('\n\n')}\n\nMost read\n${HEADLINES.join('\n')}\n`, 'strike.txt')
    for (const headline of HEADLINES) expect(doc.text).not.toContain(headline)
    expect(removedWith(doc.document.blocks, RELATED).join('\n')).toContain(HEADLINES[2])
  })

  it('stops at the next real paragraph when the box sits inside the story', () => {
    const raw = `Port strike enters third week\n\n${STORY[0]}\n\nMore from Europe\n\n${HEADLINES[0]}\n\n${HEADLINES[1]}\n\n${STORY[1]}\n\n${STORY[2]}`
    const doc = cleanPlainText(raw, 'strike.txt')
    expect(removedWith(doc.document.blocks, RELATED)).toEqual(['More from Europe', HEADLINES[0], HEADLINES[1]])
    expect(keptTexts(doc.document.blocks)).toEqual(STORY)
  })

  it.each([
    ['German', 'Meistgelesen', ['Streik im Hafen geht in die dritte Woche', 'Warum die Kanalgebühren steigen']],
    ['French', 'À lire aussi :', ['La grève du port entre dans sa troisième semaine', 'Pourquoi les péages du canal augmentent']],
    ['Spanish', 'Lo más leído', ['La huelga del puerto entra en su tercera semana', '¿Por qué suben los peajes del canal?']],
    ['Russian', 'Читайте также', ['Забастовка в порту идёт третью неделю', 'Почему растут сборы за проход по каналу']],
    ['Arabic', 'اقرأ أيضا', ['إضراب الميناء يدخل أسبوعه الثالث', 'لماذا ترتفع رسوم القناة']],
    ['Chinese', '相关阅读', ['港口罢工进入第三周', '运河通行费为何持续上涨']]
  ])('knows the label in %s and takes its headlines', (_language, label, headlines) => {
    const doc = cleanPlainText(`Port strike enters third week\n\n${STORY.join('\n\n')}\n\n${label}\n\n${headlines.join('\n\n')}`, 'strike.txt')
    expect(removedWith(doc.document.blocks, RELATED)).toEqual([label, ...headlines])
    expect(keptTexts(doc.document.blocks)).toEqual(STORY)
  })

  it('never takes a sentence of the story, even right after a label', () => {
    const doc = cleanPlainText(`Port strike enters third week\n\n${STORY[0]}\n\nRelated\n\n${STORY[1]}\n\n${STORY[2]}`, 'strike.txt')
    expect(removedWith(doc.document.blocks, RELATED)).toEqual(['Related'])
    expect(keptTexts(doc.document.blocks)).toEqual(STORY)
  })
})

const LABELS = ['Popular', 'Related', 'Most read', 'More from Business', 'Recommended for you', 'Lesen Sie auch', 'Читайте также', '関連記事', 'Related stories', 'You may also like']
const words = ['strike', 'port', 'canal', 'tolls', 'winter', 'freight', 'Gdynia', 'shipyard', 'orders', 'rise', 'talks', 'union', 'minister', 'warns', 'ferries']
const headline = fc
  .tuple(fc.constantFrom('Why', 'How', 'Shipyard', 'Rail', 'Union', 'Minister', 'Ferries', 'Canal'), fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 12 }), fc.constantFrom('', '?'))
  // A question of eight words or more is a sentence, which the cleaner never removes.
  .map(([first, rest, end]) => `${first} ${(end === '?' ? rest.slice(0, 5) : rest).join(' ')}${end}`)
const sentence = fc
  .tuple(fc.constantFrom('Officials', 'The union', 'Analysts', 'Dock workers'), fc.array(fc.constantFrom(...words, 'said', 'the', 'of', 'and'), { minLength: 8, maxLength: 20 }), fc.constantFrom('.', '!', '.”'))
  .map(([first, rest, end]) => `${first} ${rest.join(' ')}${end}`)

describe('related headlines, for any story and any teaser list', () => {
  it('removes every headline under a label with its reason and keeps every sentence of the story', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 2, maxLength: 5 }),
        fc.constantFrom(...LABELS),
        fc.uniqueArray(headline, { minLength: 1, maxLength: 6 }),
        fc.array(sentence, { maxLength: 3 }),
        fc.boolean(),
        (before, label, teasers, after, oneLinePerHeadline) => {
          const list = teasers.join(oneLinePerHeadline ? '\n' : '\n\n')
          const raw = `Port strike enters third week\n\n${before.join('\n\n')}\n\n${label}\n\n${list}${after.length ? `\n\n${after.join('\n\n')}` : ''}`
          const blocks = cleanPlainText(raw, 'a.txt').document.blocks
          const kept = keptTexts(blocks).join('\n')
          for (const teaser of teasers) expect(kept.split('\n')).not.toContain(teaser)
          expect(removedWith(blocks, RELATED).join('\n').split('\n')).toEqual(expect.arrayContaining(teasers))
          for (const s of [...before, ...after]) expect(kept).toContain(s)
        }
      ),
      { numRuns: 200 }
    )
  })
})
