import type { UiLocale } from './locales'
import type { MessageKey, Translate } from './messages'

/**
 * The labels a new library starts with (migration 003 seeds them, in English, with fixed ids).
 * They are the app's words until the analyst renames one, so they are shown in the interface
 * language while a label keeps its seeded id and its seeded name; a label the analyst named, or
 * renamed, is shown as typed (decision 0043).
 */
const DEFAULT_LABELS: Readonly<Record<string, { name: string; key: MessageKey }>> = {
  '00000000-0000-4000-8000-000000000001': { name: 'Key fact', key: 'library:labels.default.keyFact' },
  '00000000-0000-4000-8000-000000000002': { name: 'Claim', key: 'library:labels.default.claim' },
  '00000000-0000-4000-8000-000000000003': { name: 'Evidence', key: 'library:labels.default.evidence' },
  '00000000-0000-4000-8000-000000000004': { name: 'Question', key: 'library:labels.default.question' },
  '00000000-0000-4000-8000-000000000005': { name: 'Contradiction', key: 'library:labels.default.contradiction' }
}

/** A label's name as the analyst should read it: a seeded default in the interface language, any other as stored. */
export function shownLabelName(label: { id: string; name: string }, t: Translate): string {
  const seeded = Object.hasOwn(DEFAULT_LABELS, label.id) ? DEFAULT_LABELS[label.id] : undefined
  return seeded && seeded.name === label.name ? t(seeded.key) : label.name
}

/** The same list with each seeded default's name in the interface language. */
export function withShownLabelNames<L extends { id: string; name: string }>(labels: readonly L[], t: Translate): L[] {
  return labels.map((label) => {
    const name = shownLabelName(label, t)
    return name === label.name ? label : { ...label, name }
  })
}

/** A label's name as an export writes it (`shownLabelName` for one language). */
export type LabelNamer = (label: { id: string; name: string }) => string

/**
 * How exports written for `locale` name labels: the seeded defaults in that language, any other
 * as stored. Null for English, whose seeded names are the stored ones: such an export loads no
 * catalog and writes exactly what it always wrote.
 */
export async function labelNamerFor(locale: UiLocale | undefined): Promise<LabelNamer | null> {
  if (locale === undefined || locale === 'en') return null
  const { createI18n, translator } = await import('./create-i18n')
  const t = translator(await createI18n(locale))
  return (label) => shownLabelName(label, t)
}
