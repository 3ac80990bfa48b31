import { z } from 'zod'
import { Id, TrashItem } from '../domain-types'
import type { ContractPart } from './common'

export const trashContract = {
  /** Moves an article, with its highlights, notes and notebook, to the Trash. */
  'article.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deletedAt: z.string() })
  },
  'trash.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(TrashItem) })
  },
  'trash.restore': {
    input: z.object({ kind: z.enum(['article', 'highlight']), id: Id }).strict(),
    output: z.object({ restored: z.literal(true), articleId: Id })
  },
  /** Deletes everything in the Trash for good; the renderer asks first. */
  'trash.empty': {
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ articles: z.number().int(), highlights: z.number().int() })
  }
} as const satisfies ContractPart
