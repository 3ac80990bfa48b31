import { z } from 'zod'
import { Highlight, Id } from '../domain-types'
import { TagName, type ContractPart } from './common'

export const highlightsContract = {
  'highlight.list': {
    input: z.object({ articleId: Id }).strict(),
    output: z.array(Highlight)
  },
  'highlight.create': {
    input: z
      .object({
        articleId: Id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        /** Null or absent: the first label. */
        labelId: Id.nullable().optional()
      })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] }),
    output: Highlight
  },
  /** One highlight, for a dossier://highlight link: its article is opened at the passage. */
  'highlight.get': {
    input: z.object({ id: Id }).strict(),
    output: Highlight
  },
  'highlight.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deleted: z.boolean() })
  },
  /** Undo of a delete: the highlight comes back with its note. */
  'highlight.restore': {
    input: z.object({ id: Id }).strict(),
    output: Highlight
  },
  /** Places an orphaned (or misplaced) highlight on the passage the analyst selected. */
  'highlight.reattach': {
    input: z
      .object({ id: Id, start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] }),
    output: Highlight
  },
  'highlight.setTags': {
    input: z.object({ id: Id, tags: z.array(TagName).max(50) }).strict(),
    output: Highlight
  },
  'highlight.setLabel': {
    input: z.object({ id: Id, labelId: Id.nullable() }).strict(),
    output: Highlight
  }
} as const satisfies ContractPart
