import type { HandlersFor } from '../../../shared/contract'
import type { importContract } from '../../../shared/contract/import'
import type { ArticleService } from '../article-service'
import type { FolderImports } from '../import/folder-import'

export function importHandlers(articles: ArticleService, jobs: FolderImports): HandlersFor<typeof importContract> {
  return {
    'article.importFiles': async ({ files }) => ({
      results: await articles.importMany(
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64'), options: { wholeText: f.wholeText, password: f.password } }))
      )
    }),
    'article.importPaste': ({ text }) => articles.importPaste(text),
    'article.importSample': () => articles.importSample(),
    'import.status': ({ jobId }) => jobs.status(jobId),
    'import.cancel': ({ jobId }) => jobs.cancel(jobId),
    'import.retryWithPassword': ({ token, password }) => jobs.retryWithPassword(token, password)
  }
}
