import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { Label } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'

export class LabelService {
  constructor(private readonly db: Database.Database) {}

  /** In the analyst's order: the first is the default for H, the nth is bound to key n. */
  list(): Label[] {
    return this.db.prepare('SELECT id, name, color, position FROM labels ORDER BY position, name').all() as Label[]
  }

  get(id: string): Label {
    const label = this.db.prepare('SELECT id, name, color, position FROM labels WHERE id = ?').get(id) as Label | undefined
    if (!label) throw new DossierError('not_found', `No label with id ${id}.`)
    return label
  }

  /** The label H applies; null only when the analyst deleted every label. */
  defaultId(): string | null {
    return this.list()[0]?.id ?? null
  }

  create(name: string, color: Label['color']): Label {
    this.assertNameFree(name)
    const id = randomUUID()
    const position = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM labels').get() as { p: number }).p
    this.db.prepare('INSERT INTO labels (id, name, color, position) VALUES (?, ?, ?, ?)').run(id, name, color, position)
    return this.get(id)
  }

  update(id: string, patch: { name?: string; color?: Label['color'] }): Label {
    const label = this.get(id)
    if (patch.name !== undefined && patch.name.toLowerCase() !== label.name.toLowerCase()) this.assertNameFree(patch.name)
    this.db
      .prepare('UPDATE labels SET name = ?, color = ? WHERE id = ?')
      .run(patch.name ?? label.name, patch.color ?? label.color, id)
    return this.get(id)
  }

  /** Moves the label's highlights to `moveTo` (or to no label), then deletes it, in one transaction. */
  delete(id: string, moveTo: string | null): { moved: number } {
    this.get(id)
    if (moveTo === id) throw new DossierError('invalid_input', 'moveTo: a label cannot take its own highlights when it is deleted.')
    if (moveTo !== null) this.get(moveTo)
    return this.db.transaction(() => {
      const moved = this.db.prepare('UPDATE highlights SET label_id = ? WHERE label_id = ?').run(moveTo, id).changes
      this.db.prepare('DELETE FROM labels WHERE id = ?').run(id)
      return { moved }
    })()
  }

  private assertNameFree(name: string): void {
    if (this.db.prepare('SELECT 1 FROM labels WHERE name = ?').get(name)) {
      throw new DossierError('invalid_input', `name: a label called “${name}” already exists.`)
    }
  }
}
