/**
 * Writes export files in a worker thread (export-writer.ts), reading stored renders on its own
 * read-only connection, so the main thread only names, renders and records.
 */
import Database from 'better-sqlite3'
import { workerData } from 'node:worker_threads'
import { serveTasks } from '../../workers/serve-tasks'
import { storedBodies, type StoredBodies } from './export-renders'
import { writeBatch, type ExportWriterData, type WriteTask } from './export-writer'

const { dbPath, nativeBinding } = workerData as ExportWriterData

let stored: StoredBodies | null = null
/** Opened at the first stored render asked for; a failure to open is thrown there, and counts as a miss. */
function openStored(): StoredBodies {
  if (!stored) {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    try {
      db.pragma('busy_timeout = 5000')
      stored = storedBodies(db)
    } catch (err) {
      // Not kept half-open: the next batch tries again from the start.
      db.close()
      throw err
    }
  }
  return stored
}

serveTasks(
  (task: WriteTask) => writeBatch(task.dir, task.files, openStored),
  (task) => `export to ${task.dir}`
)
