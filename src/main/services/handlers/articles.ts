import type { HandlersFor } from '../../../shared/contract'
import type { articlesContract } from '../../../shared/contract/articles'
import type { ArticleService } from '../article-service'
import type { HighlightService } from '../highlight-service'

export function articleHandlers(articles: ArticleService, highlights: HighlightService): HandlersFor<typeof articlesContract> {
  return {
    'article.get': ({ id }) => articles.get(id),
    'article.setBlockRemoved': ({ articleId, blockIndex, removed }) => ({
      article: articles.setBlockRemoved(articleId, blockIndex, removed),
      highlights: highlights.list(articleId)
    }),
    'article.updateMetadata': ({ id, patch }) => articles.updateMetadata(id, patch),
    'article.setTags': ({ id, tags }) => articles.setTags(id, tags),
    'article.originalPdf': ({ id }) => ({ bytes: ownBuffer(articles.originalPdf(id)) })
  }
}

/**
 * The bytes in an ArrayBuffer of their own: a structured clone (Electron's IPC) sends a view's
 * whole buffer, and a Buffer may be a slice of a pool holding other data.
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? new Uint8Array(buffer) : new Uint8Array(bytes)
}
