import { z } from 'zod'
import { ImportJob, ImportResult } from '../domain-types'
import { Base64, MAX_FILE_BYTES, type ContractPart } from './common'

const ImportFile = z.object({
  name: z.string().min(1).max(1024),
  dataBase64: Base64,
  /** Import the page's whole text when it has no recognisable article. */
  wholeText: z.boolean().optional(),
  /** The password of an encrypted PDF, when the analyst gave one. */
  password: z.string().max(1024).optional()
})

const JobId = z.string().min(1).max(100)

/** Bringing articles in: files, pasted text, the sample, and the progress of a large import. */
export const importContract = {
  'article.importFiles': {
    input: z.object({ files: z.array(ImportFile).min(1).max(1000) }).strict(),
    output: z.object({ results: z.array(ImportResult) })
  },
  'article.importPaste': {
    input: z.object({ text: z.string().max(MAX_FILE_BYTES) }).strict(),
    output: ImportResult
  },
  'article.importSample': {
    input: z.object({}).strict(),
    output: ImportResult
  },
  'import.status': {
    input: z.object({ jobId: JobId }).strict(),
    output: ImportJob
  },
  /** An encrypted PDF of a desktop import job, again with the password the analyst typed. */
  'import.retryWithPassword': {
    input: z.object({ token: z.string().uuid(), password: z.string().min(1).max(1024) }).strict(),
    output: ImportResult
  },
  'import.cancel': {
    input: z.object({ jobId: JobId }).strict(),
    output: ImportJob
  }
} as const satisfies ContractPart
