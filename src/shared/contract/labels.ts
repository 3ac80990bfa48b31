import { z } from 'zod'
import { Id, Label, LabelColor } from '../domain-types'
import type { ContractPart } from './common'

export const labelsContract = {
  'label.list': {
    input: z.object({}).strict(),
    output: z.array(Label)
  },
  'label.create': {
    input: z.object({ name: z.string().trim().min(1).max(60), color: LabelColor }).strict(),
    output: Label
  },
  'label.update': {
    input: z.object({ id: Id, name: z.string().trim().min(1).max(60).optional(), color: LabelColor.optional() }).strict(),
    output: Label
  },
  /** Deleting a label says where its highlights go: another label, or none. */
  'label.delete': {
    input: z.object({ id: Id, moveTo: Id.nullable() }).strict(),
    output: z.object({ moved: z.number().int() })
  }
} as const satisfies ContractPart
