import { useState } from 'react'

interface Props {
  tags: readonly string[]
  label: string
  onSave(tags: string[]): void
}

/** Tags as one comma-separated field: typed quickly, saved on Enter or when focus leaves. */
export function TagsField({ tags, label, onSave }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? tags.join(', ')

  function commit() {
    if (draft === null) return
    const next = [...new Set(draft.split(',').map((t) => t.trim().replace(/^#+/, '').trim()).filter(Boolean))]
    setDraft(null)
    if (next.join('\u0000') !== tags.join('\u0000')) onSave(next)
  }

  return (
    <label className="tags-field">
      <span>{label}</span>
      <input
        value={shown}
        placeholder="Add tags, separated by commas"
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
