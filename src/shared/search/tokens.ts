/**
 * The word rule of SQLite's unicode61 tokenizer as Dossier configures it (categories L*, N*, Co;
 * remove_diacritics 2), so the query translator and the snippet highlighter cut text where the
 * index does. Anything else (spaces, punctuation, symbols, emoji) separates words.
 */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu

/** Scripts written without spaces: unicode61 indexes a whole run of them as one token. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

export interface TextToken {
  /** Folded form: lower case, diacritics removed, as the index compares words. */
  norm: string
  start: number
  end: number
}

/** A word with nothing to fold but case (words hold only letters and digits: see WORD). */
const ASCII_WORD = /^[a-z0-9]*$/i

/** Lower case without diacritics: "Ça" and "ca" are the same word to the index. */
export function foldWord(word: string): string {
  // Most words of most texts are ASCII, where folding is lower-casing: a third of a snippet's cost.
  if (ASCII_WORD.test(word)) return word.toLowerCase()
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Every word of `text` with its UTF-16 offsets. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = []
  for (const m of text.matchAll(WORD)) tokens.push({ norm: foldWord(m[0]), start: m.index, end: m.index + m[0].length })
  return tokens
}

export function isUnspacedScript(word: string): boolean {
  return UNSPACED.test(word)
}
