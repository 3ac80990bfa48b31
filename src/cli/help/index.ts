import type { Locale } from '../../shared/i18n/locales'
import { HELP_AR } from './ar'
import { HELP_EN } from './en'
import { HELP_FR } from './fr'
import { HELP_JA } from './ja'

/**
 * `dossier --help` in each interface language. The help is a whole page laid out in columns,
 * with command syntax and `<placeholders>` an ICU catalog would read as markup, so each language
 * has it as one text of its own (docs/translating.md); a test checks that every language lists
 * every command line of the English page, unchanged.
 */
export const HELP_TEXT: Readonly<Record<Locale, string>> = { en: HELP_EN, fr: HELP_FR, ar: HELP_AR, ja: HELP_JA }
