/**
 * Durability, see docs/data-safety.md: WAL with synchronous=FULL, so a save acknowledged to the
 * analyst survives a crash of the app AND a power cut; the fsync per commit costs ~1 ms, far
 * below the autosave interval. Every connection that writes the analyst's data uses it
 * (open-database.ts, and a parse worker's import connection, import/store-in-worker.ts). A parse
 * worker's entity-extraction connection (entities/extraction-writer.ts) writes only rows derived
 * from the articles, rewritten by the next extraction, and uses NORMAL.
 */
export const SYNCHRONOUS = 'FULL'
/** Negative: KiB, as SQLite reads it. */
export const PAGE_CACHE_KIB = -65536
