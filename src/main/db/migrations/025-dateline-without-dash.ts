import type { Migration } from '../migrate'

/**
 * Datelines were stored with the dash that ends them in the story ("GDANSK —"); the dateline is
 * the place, so the dash (and the space before it) goes. Issue 15, item 14.
 */
export const migration025: Migration = {
  version: 25,
  name: 'datelines without their trailing dash',
  up: `UPDATE articles SET dateline = rtrim(dateline, ' —–-') WHERE dateline IS NOT NULL AND rtrim(dateline, ' —–-') <> dateline;
       UPDATE articles SET dateline = NULL WHERE dateline = '';`
}
