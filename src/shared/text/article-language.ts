import { articleLanguage } from '../entities/language'
import { languageDirection, textDirection } from './direction'

export type LanguageSource = 'metadata' | 'detected' | 'analyst'

/** A language detector over a sample of text: a primary language subtag ("ar"), or null when it cannot tell. */
export type DetectLanguage = (sample: string) => string | null

/** What detection reads of an article: its opening, long enough for a reliable answer and short enough to be fast on any size. */
export const DETECTION_SAMPLE = 2000
/** Below this many letters a guess is noise: the article's language stays unknown (`und`). */
const MIN_LETTERS = 12

/**
 * An article's language and where it came from. The declared one (metadata) wins, unless the
 * text plainly contradicts it: a template's lang="en" on an Arabic page is the common case, and a
 * right-to-left language declared on left-to-right text (or the reverse) is taken as that. Else the
 * detector's answer, else the script-based guess the entity extractor already makes, else `und`.
 */
export function resolveLanguage(declared: string | null, text: string, detect: DetectLanguage): { language: string; source: LanguageSource } {
  const sample = text.slice(0, DETECTION_SAMPLE)
  const tag = canonicalTag(declared)
  if (tag) {
    const written = textDirection(sample)
    if (!written || written === languageDirection(tag)) return { language: tag, source: 'metadata' }
  }
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return { language: 'und', source: 'detected' }
  const detected = detect(sample) || articleLanguage(sample)
  return { language: detected || 'und', source: 'detected' }
}

/** A BCP 47 tag in its canonical case ("en-GB"), or null when the value is not one. */
export function canonicalTag(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/_/g, '-')
  if (!trimmed) return null
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null
  } catch {
    return null
  }
}
