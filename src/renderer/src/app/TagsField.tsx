import { useState } from 'react'
import { useT } from '../i18n/use-t'

interface Props {
  tags: readonly string[]
  label: string
  onSave(tags: string[]): void
}

/** What separates tags as typed: the comma of Latin scripts, Arabic (،) and CJK (、，). */
export const TAG_SEPARATORS = /[,،、，]/

/** Tags as one comma-separated field: typed quickly, saved on Enter or when focus leaves. */
export function TagsField({ tags, label, onSave }: Props) {
  const t = useT()
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? tags.join(t('common:listSeparator'))

  function commit() {
    if (draft === null) return
    const next = [...new Set(draft.split(TAG_SEPARATORS).map((t) => t.trim().replace(/^#+/, '').trim()).filter(Boolean))]
    setDraft(null)
    if (next.join('\u0000') !== tags.join('\u0000')) onSave(next)
  }

  return (
    <label className="tags-field">
      <span>{label}</span>
      <input
        value={shown}
        placeholder={t('reader:tagsPlaceholder')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          } else if (e.key === 'Escape') {
            setDraft(null)
          }
        }}
      />
    </label>
  )
}
