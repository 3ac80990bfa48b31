import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { Label } from '../../shared/domain-types'
import { refuse } from '../../shared/refusals'
import { highlightsRepo } from '../db/repos/highlights'
import { labelsRepo } from '../db/repos/labels'

export class LabelService {
  private readonly labels: ReturnType<typeof labelsRepo>

  constructor(private readonly db: Database.Database) {
    this.labels = labelsRepo(db)
  }

  /** In the analyst's order: the first is the default for H, the nth is bound to key n. */
  list(): Label[] {
    return this.labels.ordered()
  }

  get(id: string): Label {
    const label = this.labels.byId(id)
    if (!label) throw refuse('missing.label', { id })
    return label
  }

  /** The label H applies; null only when the analyst deleted every label. */
  defaultId(): string | null {
    return this.list()[0]?.id ?? null
  }

  create(name: string, color: Label['color']): Label {
    this.assertNameFree(name)
    const id = randomUUID()
    this.labels.insert({ id, name, color, position: this.labels.nextPosition() })
    return this.get(id)
  }

  update(id: string, patch: { name?: string; color?: Label['color'] }): Label {
    const label = this.get(id)
    if (patch.name !== undefined && patch.name.toLowerCase() !== label.name.toLowerCase()) this.assertNameFree(patch.name)
    this.labels.update(id, patch.name ?? label.name, patch.color ?? label.color)
    return this.get(id)
  }

  /** Moves the label's highlights to `moveTo` (or to no label), then deletes it, in one transaction. */
  delete(id: string, moveTo: string | null): { moved: number } {
    this.get(id)
    if (moveTo === id) throw refuse('label.move_to_itself')
    if (moveTo !== null) this.get(moveTo)
    return this.db.transaction(() => {
      const moved = highlightsRepo(this.db).relabelAll(id, moveTo)
      this.labels.delete(id)
      return { moved }
    })()
  }

  private assertNameFree(name: string): void {
    if (this.labels.nameTaken(name)) {
      throw refuse('label.name_taken', { name })
    }
  }
}
