/** A sentence of the canonical text with its offsets (end exclusive, trailing spaces left out). */
export interface Sentence {
  start: number
  end: number
  text: string
}

// Intl.Segmenter breaks after every full stop followed by a capital, "Mr. Smith" included.
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Prof|Jr|Sr|Co|Corp|Inc|Ltd|No|Mt|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|[A-Z]|M|Mme|Dr|г|гг|ул|им|т\.е)\.\s*$/u

/** Made once per language: building a segmenter costs more than segmenting a paragraph. */
const SEGMENTERS = new Map<string, Intl.Segmenter>()
function segmenterFor(language: string): Intl.Segmenter {
  let found = SEGMENTERS.get(language)
  if (!found) SEGMENTERS.set(language, (found = new Intl.Segmenter(language, { granularity: 'sentence' })))
  return found
}

/** Sentences by the platform's Unicode segmenter, never across a block boundary. */
export function splitSentences(text: string, language = 'en'): Sentence[] {
  const segmenter = segmenterFor(language === 'und' ? 'en' : language)
  const out: Sentence[] = []
  let blockStart = 0
  for (const block of text.split('\n\n')) {
    let pending: { start: number; end: number } | null = null
    for (const seg of segmenter.segment(block)) {
      const start = blockStart + seg.index
      const end = start + seg.segment.trimEnd().length
      if (pending && ABBREVIATION.test(text.slice(pending.start, pending.end))) pending.end = end
      else {
        if (pending) out.push(pending as Sentence)
        pending = { start, end }
      }
    }
    if (pending) out.push(pending as Sentence)
    blockStart += block.length + 2
  }
  return out.filter((s) => s.end > s.start).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }))
}
