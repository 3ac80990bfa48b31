import type { Migration } from '../migrate'

/**
 * Deleting an article only moves it to the Trash, so months of highlights and notes are never
 * one click from gone. Every list, search and export reads `deleted_at IS NULL`.
 */
export const migration008: Migration = {
  version: 8,
  name: 'article trash',
  up: `
    ALTER TABLE articles ADD COLUMN deleted_at TEXT;
    CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
  `
}
