import type { ImportResult } from '../../../shared/domain-types'
import type { ImportHooks } from '../article-service'
import type { SourceOf, StoredArticle } from '../import/store-article'
import type { CaseService } from './case-service'
import type { NearDuplicates } from './near-duplicates'
import type { SourceService } from './source-service'

/**
 * What an import does for analysis: a new article gets the source Dossier proposes (inside the
 * storing transaction), its text joins the near-duplicate index, and whatever was imported,
 * updated or found already there joins the case that is open.
 */
export function importAnalysis(sources: SourceService, nearDuplicates: NearDuplicates, cases: CaseService): ImportHooks {
  return {
    stored: analysisOnStore(sources, nearDuplicates),
    // A parse worker storing a new article on its own connection runs the same step there (store-in-worker.ts).
    storedInWorker: 'import-analysis',
    imported(result: ImportResult, via) {
      const caseId = via?.caseId ?? cases.openCaseId
      if (caseId && result.articleId && result.status !== 'rejected') cases.addArticles(caseId, [result.articleId])
    },
    sourceNamed(articleId, name) {
      sources.assign(articleId, name === null ? null : sources.ensure(name))
    }
  }
}

/** The storing transaction's analysis step, on whichever connection `sources` and `nearDuplicates` write to. */
export function analysisOnStore(sources: SourceService, nearDuplicates: NearDuplicates): (article: StoredArticle, isNew: boolean) => void {
  return (article, isNew) => {
    // A row stored under its proposed source already (sourceOfNew) is not written again.
    if (isNew && article.sourceId === undefined) {
      const sourceId = sources.proposeFor(article)
      if (sourceId) sources.assign(article.id, sourceId)
    }
    // The signature was computed where the file was parsed (prepared-file.ts), off main's event loop.
    nearDuplicates.index(article.rowid, article.signature)
  }
}

/**
 * The source a new article goes under, proposed inside the storing transaction before its row is
 * written (storeNewArticle's `sourceOf`): what `analysisOnStore` would assign after the insert.
 */
export function sourceOfNew(sources: SourceService): SourceOf {
  return (meta) => {
    const sourceId = sources.proposeFor(meta)
    return sourceId ? sources.assignable(sourceId) : null
  }
}
