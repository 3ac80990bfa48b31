import type Database from 'better-sqlite3'
import { briefRendersRepo } from '../../db/repos/brief-renders'
import { briefMarkdownAppendix, briefMarkdownOpening } from '../../../shared/brief/brief-markdown'
import type { BriefCheck } from '../../../shared/brief/check-brief'
import type { UiLocale } from '../../../shared/i18n/locales'
import type { Translate } from '../../../shared/i18n/messages'
import { sha256 } from '../export/write-export-file'
import type { MadeMarkdown } from './brief-markdown-export'

type BriefRendersRepo = ReturnType<typeof briefRendersRepo>

/**
 * Bump when a change to the brief's Markdown (its words, escaping, layout, notes, check mode)
 * changes the bytes an export writes: stored exports carry it, so those of older code stop
 * matching. brief-markdown-store.test.ts fails until it is bumped.
 */
export const BRIEF_MARKDOWN_VERSION = 1

/** What the export returns besides the bytes. */
export interface StoredExport {
  /** The file in pieces, written as they are (one 160 KB buffer made anew costs more than the export's whole write). */
  body: readonly Uint8Array[]
  /** The body's hash, when it is the stored file unchanged (written the same day, with the same log head). */
  sha256?: string
  footnotes: number
  check: BriefCheck
}

/**
 * The brief's Markdown export kept in the library (migration 085, decision 0059): the first
 * export after the app or `dossier report` starts writes what the last export made, when nothing
 * it was made from changed since. "Nothing changed" is brief_changes, a count the library's own
 * triggers bump on every write to a table the export reads, by any writer; a stored export
 * counts only at the count it was made at, read before the export read anything. The front
 * matter (today's date) is made at each export, and the appendix's sentence again when the
 * activity log's head moved; the rest is the stored bytes.
 *
 * An export is stored after it returns, when the process next idles (or when the services
 * close): writing 160 KB into the library took a third of the export's own write, and the
 * analyst waits for the file, not for this.
 */
export class BriefMarkdownStore {
  private readonly repo: BriefRendersRepo
  private readonly pending = new Map<string, { changes: number; fingerprint: string; made: MadeMarkdown }>()
  private scheduled: NodeJS.Immediate | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly appVersion: string
  ) {
    this.repo = briefRendersRepo(db)
  }

  /** What else a stored export depends on: the code that made it, the language and the style. */
  fingerprint(locale: UiLocale, styleKey: string): string {
    return `${BRIEF_MARKDOWN_VERSION}\u0000${this.appVersion}\u0000${locale}\u0000${styleKey}`
  }

  /** The count to store an export under, read before the export reads anything; null inside a transaction, which may yet roll back to a count another write reaches again. */
  changes(): number | null {
    return this.db.inTransaction ? null : this.repo.changes()
  }

  /**
   * The case's stored export, as this export writes it, or null when none is current.
   * `identify` names the export's fingerprint and style title from the style setting
   * `settingKey` holds now, read with the stored export.
   */
  async read(
    caseId: string,
    settingKey: string,
    identify: (setting: string | null) => { fingerprint: string; styleTitle: string },
    generatedAt: string,
    words: () => Promise<Translate>
  ): Promise<StoredExport | null> {
    const found = this.current(caseId, settingKey)
    if (!found) return null
    const { row, chunks } = found
    const at = { generatedAt, ...identify(found.setting) }
    if (row.fingerprint !== at.fingerprint) return null
    const check = JSON.parse(row.check_json) as BriefCheck
    const opening = Buffer.from(
      briefMarkdownOpening({ brief: { title: row.title, draft: false }, caseName: row.case_name, caseId, generatedAt: at.generatedAt, styleTitle: at.styleTitle }),
      'utf8'
    )
    const sameHead = row.head_seq === row.log_seq && row.head_hash === row.log_hash
    // Written the same day with the same log head: the stored file is the file, and its hash is known.
    if (sameHead && Buffer.concat(slice(chunks, 0, row.body_start)).equals(opening)) return { body: chunks, sha256: row.sha256, footnotes: row.footnotes, check }
    let appendixHead: readonly Uint8Array[] = slice(chunks, row.head_start, row.head_end)
    if (!sameHead) {
      const head = row.head_seq === null || row.head_hash === null ? null : { seq: row.head_seq, hash: row.head_hash }
      appendixHead = [Buffer.from(briefMarkdownAppendix({ t: await words(), manifest: { articles: { length: row.articles }, logHead: head } }), 'utf8')]
    }
    const body = [opening, ...slice(chunks, row.body_start, row.head_start), ...appendixHead, ...slice(chunks, row.head_end, Infinity)]
    return { body, footnotes: row.footnotes, check }
  }

  /**
   * The stored export, or nothing when it cannot be read: a copy the export can make afresh
   * never fails it (a library whose migration 085 is the first form of this session's, or a
   * table locked by another writer beyond the busy timeout).
   */
  private current(caseId: string, settingKey: string): ReturnType<BriefRendersRepo['current']> {
    try {
      return this.repo.current(caseId, settingKey)
    } catch {
      return undefined
    }
  }

  /** Keeps what an export made, under the count read before it read anything (nothing when that was in a transaction), once the process idles. */
  keep(caseId: string, changes: number | null, fingerprint: string, made: MadeMarkdown): void {
    if (changes === null) return
    this.pending.set(caseId, { changes, fingerprint, made })
    this.scheduled ??= setImmediate(() => this.flush())
  }

  /**
   * Stores the exports kept since the last time, now. Nothing for an export made before the
   * library changed again (it would never count), or stored already; inside a transaction it
   * waits for the next turn.
   */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = null
    if (!this.pending.size || !this.db.open) return
    if (this.db.inTransaction) {
      this.scheduled = setImmediate(() => this.flush())
      return
    }
    const kept = [...this.pending]
    this.pending.clear()
    try {
      const now = this.repo.changes()
      for (const [caseId, { changes, fingerprint, made }] of kept) {
        if (changes === now && !this.repo.holds(caseId, changes, fingerprint)) this.put(caseId, changes, fingerprint, made)
      }
    } catch {
      // Only a copy is lost (the library busy with another writer, or the case deleted meanwhile): the next export makes the file afresh.
    }
  }

  private put(caseId: string, changes: number, fingerprint: string, made: MadeMarkdown): void {
    const { layout } = made
    const row = {
      changes,
      fingerprint,
      title: layout.title,
      case_name: layout.caseName,
      articles: layout.articles,
      log_seq: layout.logHead?.seq ?? null,
      log_hash: layout.logHead?.hash ?? null,
      body_start: layout.bodyStart,
      head_start: layout.headStart,
      head_end: layout.headEnd,
      footnotes: made.brief.cites.length,
      check_json: JSON.stringify(made.check),
      sha256: sha256(made.markdown)
    }
    this.db.transaction(() => this.repo.put(caseId, row, made.markdown))()
  }
}

/** The bytes from `from` to `to` of the pieces laid end to end, as views of them. */
function slice(chunks: readonly Buffer[], from: number, to: number): Buffer[] {
  const out: Buffer[] = []
  let at = 0
  for (const chunk of chunks) {
    const end = at + chunk.length
    if (end > from && at < to) out.push(chunk.subarray(Math.max(0, from - at), Math.min(chunk.length, to - at)))
    at = end
  }
  return out
}
