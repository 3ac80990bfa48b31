import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { articleMarkdown } from '../../shared/markdown/article-markdown'
import { safeFileStem, uniqueFileName } from '../../shared/markdown/file-name'
import type { ArticleService } from './article-service'
import type { HighlightService } from './highlight-service'
import type { NoteService } from './note-service'

export class ExportService {
  constructor(
    private readonly articles: ArticleService,
    private readonly highlights: HighlightService,
    private readonly notes: NoteService
  ) {}

  /** Writes one .md per article into outDir; returns the file names written. */
  markdown(outDir: string, articleIds?: readonly string[]): { outDir: string; files: string[] } {
    const dir = resolve(outDir)
    mkdirSync(dir, { recursive: true })
    const ids = [...new Set(articleIds ?? this.articles.list(1_000_000, 0).items.map((a) => a.id))]
    const taken = new Set<string>()
    const files: string[] = []
    for (const id of ids) {
      const article = this.articles.get(id)
      const highlights = this.highlights.list(id).map((h) => ({
        id: h.id,
        exact: h.exact,
        noteMarkdown: this.notes.markdown(h.id)
      }))
      const name = uniqueFileName(safeFileStem(article.title), taken)
      writeAtomically(join(dir, name), articleMarkdown(article, highlights))
      files.push(name)
    }
    return { outDir: dir, files }
  }
}

/** Write to a temporary name, then rename: a reader never sees half a file. */
function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, content, 'utf8')
  renameSync(tmp, path)
}

