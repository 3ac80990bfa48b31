import type { ArticleSummary } from '../../../shared/domain-types'
import { formatDate } from '../app/format-date'

interface Props {
  articles: readonly ArticleSummary[]
  total: number
  selectedId: string | null
  onSelect(id: string): void
  onImport(): void
  onImportSample(): void
}

export function LibraryPane({ articles, total, selectedId, onSelect, onImport, onImportSample }: Props) {
  return (
    <nav className="library" aria-label="Library">
      <h2 className="pane-title">
        Library <span className="count">{total}</span>
      </h2>
      {articles.length === 0 ? (
        <div className="empty-state" data-testid="library-empty">
          <p>
            <strong>Your library is empty.</strong>
          </p>
          <p>
            Import articles saved as text, Markdown or HTML with <kbd>Ctrl/⌘ O</kbd>, drop files here, or paste an article's
            text with <kbd>Ctrl/⌘ V</kbd>.
          </p>
          <button type="button" className="primary" onClick={onImport}>
            Import files…
          </button>
          <button type="button" onClick={onImportSample} data-testid="import-sample">
            Try a sample article
          </button>
        </div>
      ) : (
        <ul className="article-list" data-testid="article-list">
          {articles.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={`article-item${a.id === selectedId ? ' selected' : ''}`}
                onClick={() => onSelect(a.id)}
                aria-current={a.id === selectedId}
              >
                <span className="article-title">{a.title}</span>
                <span className="article-meta">
                  {[a.source, formatDate(a.publishedAt ?? a.importedAt)].filter(Boolean).join(' · ')}
                  {a.highlightCount > 0 && ` · ${a.highlightCount} highlight${a.highlightCount === 1 ? '' : 's'}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
