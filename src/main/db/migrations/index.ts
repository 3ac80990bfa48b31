import type { Migration } from '../migrate'
import { migration001 } from './001-initial'

/** Ordered by version; a new migration is a new numbered file appended here. */
export const MIGRATIONS: readonly Migration[] = [migration001]
