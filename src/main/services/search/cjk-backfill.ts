import type Database from 'better-sqlite3'
import { backfillCjkBatch, cjkBackfillPending } from '../../db/cjk-index'

/**
 * Indexes, after the library opens, the CJK rows written before the side index existed
 * (migration 051 queues them): a batch of rows per short transaction, with the event loop free
 * in between, so the window opens at once and stays responsive. Until it ends, a CJK search
 * says it may miss older rows.
 */
export class CjkBackfill {
  private stopped = false
  private running: Promise<void> | null = null

  constructor(private readonly db: Database.Database) {}

  get pending(): boolean {
    return this.db.open && cjkBackfillPending(this.db)
  }

  /** Runs until the queue is empty (once at a time). */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => (this.running = null))
    return this.running
  }

  /** Everything at once, for the CLI: a script's CJK search must not miss older rows. */
  runNow(): void {
    while (!this.stopped && this.db.open && backfillCjkBatch(this.db, 2000));
  }

  stop(): void {
    this.stopped = true
  }

  private async loop(): Promise<void> {
    while (!this.stopped && this.db.open && backfillCjkBatch(this.db)) await new Promise((resolve) => setImmediate(resolve))
  }
}
