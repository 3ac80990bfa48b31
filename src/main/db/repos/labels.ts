import type Database from 'better-sqlite3'
import type { Label } from '../../../shared/domain-types'
import { statementsOf } from '../statement-cache'

/** A row of the labels table; colour is one of LABEL_COLORS, as only LabelService writes it. */
export interface LabelRow {
  id: string
  name: string
  color: Label['color']
  position: number
}

export function labelsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** In the analyst's order: by position, then name. */
    ordered: () => q<[], LabelRow>('SELECT id, name, color, position FROM labels ORDER BY position, name').all(),
    /** Every label, unordered. */
    all: () => q<[], Pick<LabelRow, 'id' | 'name' | 'color'>>('SELECT id, name, color FROM labels').all(),
    byId: (id: string) => q<[string], LabelRow>('SELECT id, name, color, position FROM labels WHERE id = ?').get(id),
    /** The first label in the analyst's order: what a new highlight gets. */
    firstId: () => q.pluck<[], string>('SELECT id FROM labels ORDER BY position, name LIMIT 1').get() ?? null,
    exists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM labels WHERE id = ?').get(id) !== undefined,
    nameTaken: (name: string) => q.pluck<[string], 1>('SELECT 1 FROM labels WHERE name = ?').get(name) !== undefined,
    nextPosition: () => q.pluck<[], number>('SELECT coalesce(max(position), 0) + 1 FROM labels').get() ?? 1,
    insert: (l: LabelRow) => q<[string, string, string, number]>('INSERT INTO labels (id, name, color, position) VALUES (?, ?, ?, ?)').run(l.id, l.name, l.color, l.position),
    update: (id: string, name: string, color: Label['color']) => q<[string, string, string]>('UPDATE labels SET name = ?, color = ? WHERE id = ?').run(name, color, id),
    delete: (id: string) => q<[string]>('DELETE FROM labels WHERE id = ?').run(id)
  }
}
