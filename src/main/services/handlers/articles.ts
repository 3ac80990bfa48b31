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
    'article.originalPdf': ({ id }) => ({ bytes: articles.originalPdf(id).toString('base64') })
  }
}
