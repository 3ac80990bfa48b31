import { threadId } from 'node:worker_threads'

/**
 * Turns at one library's write lock for the worker threads that write to it (the parse workers
 * storing imports and extractions), kept in a word of shared memory. SQLite's own lock is still
 * what lets one connection write at a time; the turns only decide who asks for it next.
 *
 * Why: a connection that finds the lock taken sleeps in SQLite's busy handler, 1, 2, 5, 10 … up to
 * 100 ms a time, however soon the writer commits. Two parse workers storing a folder of pages
 * slept 660 times for 200 files, 25 ms each on average (strace), while each write holds the lock
 * a few milliseconds: a core idled for a third of the import. Waiting on the shared word wakes a
 * worker the moment the other lets go.
 */
export type WriteTurns = SharedArrayBuffer

export function newWriteTurns(): WriteTurns {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
}

/**
 * A writer that holds its turn longer than this is taken to be gone (a worker terminated in the
 * middle of its write, by its time budget or Cancel): the turn passes on and SQLite's lock,
 * with its busy timeout, decides as it would without turns. Far above one write (a 500-page
 * report's row takes about 0.4 s to write).
 */
const LONGEST_TURN_MS = 2_000

/** Runs `write` (one transaction) in this thread's turn; synchronous, as better-sqlite3 is. */
export function withWriteTurn<T>(turns: WriteTurns | undefined, write: () => T, longestTurnMs = LONGEST_TURN_MS): T {
  if (!turns) return write()
  const word = new Int32Array(turns)
  // 0 is free; main's threadId is 0, so every thread is named one above its id.
  const me = threadId + 1
  const giveUpAt = Date.now() + longestTurnMs
  for (;;) {
    const holder = Atomics.compareExchange(word, 0, 0, me)
    if (holder === 0) break
    const left = giveUpAt - Date.now()
    if (left <= 0) {
      Atomics.store(word, 0, me)
      break
    }
    Atomics.wait(word, 0, holder, left)
  }
  try {
    return write()
  } finally {
    // Unless the turn was taken from us meanwhile (we outlasted LONGEST_TURN_MS): then it is not ours to end.
    if (Atomics.compareExchange(word, 0, me, 0) === me) Atomics.notify(word, 0, 1)
  }
}
