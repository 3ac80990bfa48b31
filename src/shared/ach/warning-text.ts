import type { Translate } from '../i18n/messages'
import type { AchWarning } from './warnings'

/**
 * A matrix warning in the interface's language, from what it is about (the warning's English
 * message is what `--json` and older exports carry). The app, the CLI and the brief share it.
 */
export function warningText(t: Translate, list: Intl.ListFormat, w: AchWarning): string {
  const rows = list.format(w.rows.map((r) => String(r + 1)))
  switch (w.kind) {
    case 'same_source':
      return t('ach:warning.sameSource', { count: w.rows.length, source: String(w.values.source ?? '') || t('ach:warning.oneArticle'), rows })
    case 'near_copy':
      return w.values.copied ? t('ach:warning.nearCopyWording', { rows }) : t('ach:warning.nearCopyArticles', { rows })
    case 'low_grade_high_weight':
      return t('ach:warning.weakGrade', { row: (w.rows[0] ?? 0) + 1, grade: String(w.values.grade ?? '') })
    case 'no_inconsistent_evidence':
      return t('ach:warning.noInconsistent', { hypothesis: String(w.values.hypothesis ?? '') })
  }
}
