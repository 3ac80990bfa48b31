import type Database from 'better-sqlite3'
import { articlesRepo } from '../../db/repos/articles'

/** Detects the languages of a batch of article openings, in order (the compute worker in the app). */
export type DetectBatch = (samples: string[]) => Promise<string[]>

/** Articles a batch: about 0.1–0.3 s of detection in the worker, one short write transaction on main. */
const BATCH = 200

/**
 * Gives every article without a language one (migration 050): those imported before languages
 * were detected, and any import whose detection failed. Runs after the library opens, off the
 * UI's path: the detection in the compute worker, a batch at a time, and each batch written in
 * one short transaction, with the event loop free in between. An article set meanwhile (by the
 * analyst, or a re-import) keeps its language.
 */
export class LanguageBackfill {
  private stopped = false
  private running: Promise<number> | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly detect: DetectBatch
  ) {}

  /** Runs until no article is left without a language (once at a time); resolves with how many were given one. */
  run(): Promise<number> {
    this.running ??= this.loop().finally(() => (this.running = null))
    return this.running
  }

  stop(): void {
    this.stopped = true
  }

  private async loop(): Promise<number> {
    const repo = articlesRepo(this.db)
    let done = 0
    while (!this.stopped && this.db.open) {
      const rows = repo.languagePending(BATCH)
      if (rows.length === 0) break
      const languages = await this.detect(rows.map((r) => r.sample))
      if (this.stopped || !this.db.open) break
      this.db.transaction(() => rows.forEach((r, i) => repo.setDetectedLanguage(r.id, languages[i] || 'und')))()
      done += rows.length
      await new Promise((resolve) => setImmediate(resolve))
    }
    return done
  }
}
