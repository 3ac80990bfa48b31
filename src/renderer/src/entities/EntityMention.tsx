import type { ReactNode } from 'react'
import type { EntityType } from '../../../shared/entities/types'
import { useRouter } from '../shell/router'
import { useT } from '../i18n/use-t'
import { kindMessage } from './entity-kinds'
import { requestEntityPage } from './open-entity'

interface Props {
  entity: { id: string; type: EntityType; name: string; words: string }
  /** The mention's first piece: the one tab stop (a highlight boundary may cut a mention in pieces). */
  first: boolean
  children: ReactNode
}

/**
 * An entity mention marked in the reader: underlined, the line's style telling the type (not
 * colour alone), apart from highlights, which are backgrounds. Enter or a click opens the
 * entity's page in the Entities view.
 */
export function EntityMention({ entity, first, children }: Props) {
  const t = useT()
  const { navigate } = useRouter()
  const open = () => {
    requestEntityPage(entity.id)
    navigate({ view: 'entities' })
  }
  return (
    <span
      className={`entity-mark e-${entity.type}`}
      role={first ? 'link' : undefined}
      tabIndex={first ? 0 : -1}
      // The words first, as shown (a name that differs from them would fail label-in-name), then what they are.
      aria-label={
        first
          ? entity.words === entity.name
            ? t('entities:mentionLabel', { words: entity.words, kind: t(kindMessage(entity.type)) })
            : t('entities:mentionLabelNamed', { words: entity.words, kind: t(kindMessage(entity.type)), name: entity.name })
          : undefined
      }
      data-entity-id={entity.id}
      onClick={(e) => {
        // A drag that ends on a mention is a selection, not a click.
        if (!window.getSelection()?.isCollapsed) return
        e.stopPropagation()
        open()
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return
        e.preventDefault()
        e.stopPropagation()
        open()
      }}
    >
      {children}
    </span>
  )
}
