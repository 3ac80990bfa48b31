import type { Migration } from '../migrate'

/**
 * Every import asks whether the library holds an earlier version of the article: the latest
 * article from the same address, or (a page without one) the same title without an address
 * (import/store-article.ts). Neither had an index, so each import scanned every row of the
 * articles table, whose rows carry the original and the text: an import's cost grew with the
 * library (a 1,000-page `dossier import` read half a million rows for these checks). Partial,
 * so the indexes hold only the rows each question can match.
 */
export const migration076: Migration = {
  version: 76,
  name: 'import lookups by address and title',
  up: `
    CREATE INDEX IF NOT EXISTS articles_url ON articles (url, imported_at) WHERE url IS NOT NULL;
    CREATE INDEX IF NOT EXISTS articles_title_without_url ON articles (title COLLATE NOCASE, imported_at) WHERE url IS NULL;
  `
}
