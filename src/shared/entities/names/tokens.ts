import nlp from 'compromise'

/** A word of the canonical text with what surrounds it and, in English, compromise's tags. */
export interface Token {
  start: number
  end: number
  text: string
  /** Punctuation and spaces before the word (up to the previous word). */
  pre: string
  /** Punctuation and spaces after the word (up to the next word). */
  post: string
  tags: ReadonlySet<string>
  /** First word of a sentence or a block, where any word is capitalised. */
  sentenceStart: boolean
}

const NO_TAGS: ReadonlySet<string> = new Set()

/** Words as compromise tags them: its sentences, its tags, its offsets. */
export function tokensWithCompromise(text: string): Token[] {
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[]
  const tokens: Token[] = []
  for (const sentence of sentences) {
    sentence.terms.forEach((term, k) => {
      if (!term.text) return
      const start = term.offset.start
      tokens.push({ start, end: start + term.text.length, text: term.text, pre: '', post: '', tags: new Set(term.tags), sentenceStart: k === 0 })
    })
  }
  return withGaps(text, tokens, false)
}

interface CompromiseSentence {
  terms: { text: string; tags: string[]; offset: { start: number; length: number } }[]
}

const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}]|['’.-](?=[\p{L}\p{M}\p{N}]))*/gu

/** Words by Unicode letter classes, for languages compromise does not read. */
export function tokensByPattern(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], pre: '', post: '', tags: NO_TAGS, sentenceStart: false })
  }
  return withGaps(text, tokens, true)
}

/** Fills pre/post from the text between words, and marks sentence and block starts. */
function withGaps(text: string, tokens: Token[], findSentences: boolean): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const prevEnd = i > 0 ? tokens[i - 1]!.end : 0
    t.pre = text.slice(prevEnd, t.start)
    t.post = text.slice(t.end, i + 1 < tokens.length ? tokens[i + 1]!.start : text.length)
    const before = i === 0 ? '\n' : t.pre
    if (i === 0 || before.includes('\n') || (findSentences && /[.!?…؟。]\s*["'“”«»()[\]‘’]*\s*$/u.test(before))) t.sentenceStart = true
  }
  return tokens
}
