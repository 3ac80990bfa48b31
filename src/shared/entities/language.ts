/**
 * The article's language as a base code ("en", "ru"): the one recorded when known, else a guess
 * from the letters and a few function words. Used to pick which rules and which date parser run.
 */
export function articleLanguage(text: string, known?: string | null): string {
  if (known && known !== 'und') return known.toLowerCase().split(/[-_]/)[0]!
  const sample = text.slice(0, 4000)
  const count = (re: RegExp) => sample.match(re)?.length ?? 0
  const letters = count(/\p{L}/gu) || 1
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar'
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return /[іїєґ]/iu.test(sample) ? 'uk' : 'ru'
  if (count(/\p{Script=Han}/gu) / letters > 0.2) return count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 5 ? 'ja' : 'zh'
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? []
  const score = (list: string) => {
    const set = new Set(list.split(' '))
    return words.filter((w) => set.has(w)).length
  }
  const scores: [string, number][] = [
    ['en', score('the of and to in is that for on with was said')],
    ['fr', score('le la les des et est une dans pour que qui du au a été')],
    ['de', score('der die das und ist nicht mit den von zu im auf eine')],
    ['es', score('el los las del que y en por una con para fue')],
    ['it', score('il della che di e per con non sono gli nel è')],
    ['pt', score('os das que não com uma para em foi ao pelo')],
    ['nl', score('de het een van en is niet op met voor zijn werd')]
  ]
  scores.sort((a, b) => b[1] - a[1])
  return scores[0]![1] > 0 ? scores[0]![0] : 'und'
}

/** What the extractor reads in a language, for the UI to say. */
export function extractionCoverage(language: string): { names: 'full' | 'capitalised' | 'places-only'; dates: boolean } {
  const dates = DATE_LOCALES.has(language)
  if (language === 'en') return { names: 'full', dates }
  if (CASED.has(language)) return { names: 'capitalised', dates }
  return { names: 'places-only', dates }
}

/** chrono-node's locales. */
export const DATE_LOCALES: ReadonlySet<string> = new Set(['en', 'de', 'fr', 'ja', 'pt', 'nl', 'zh', 'ru', 'es', 'uk', 'it', 'sv', 'fi', 'vi', 'id', 'ar'])
/** Languages written in a script with capital letters, where a capitalised-name rule can work. */
const CASED = new Set(['fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sv', 'fi', 'da', 'no', 'nb', 'ro', 'hu', 'tr', 'id', 'vi', 'bg', 'sr', 'hr', 'el', 'ca', 'et', 'lv', 'lt', 'sk', 'sl', 'und'])
