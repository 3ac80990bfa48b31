import type { HandlersFor } from '../../../shared/contract'
import type { casesContract } from '../../../shared/contract/cases'
import type { CaseService } from '../analysis/case-service'
import type { ClaimService } from '../analysis/claim-service'
import type { GradingService } from '../analysis/grading-service'
import { writeManifest } from '../analysis/manifest-file'
import type { NearDuplicates } from '../analysis/near-duplicates'
import type { ProvenanceService } from '../analysis/provenance-service'
import type { SourceService } from '../analysis/source-service'
import type { HighlightService } from '../highlight-service'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import type { VerifyReport } from '../../../shared/analysis/analysis-types'

export interface AnalysisServices {
  cases: CaseService
  sources: SourceService
  grading: GradingService
  claims: ClaimService
  provenance: ProvenanceService
  nearDuplicates: NearDuplicates
  highlights: HighlightService
  jobs: JobRegistry
}

export function caseHandlers(s: AnalysisServices): HandlersFor<typeof casesContract> {
  return {
    'case.list': ({ includeArchived }) => ({ items: s.cases.list(includeArchived) }),
    'case.create': ({ name, description }) => s.cases.create(name, description),
    'case.update': ({ id, name, description }) => {
      if (name !== undefined) s.cases.rename(id, name)
      if (description !== undefined) s.cases.setDescription(id, description)
      return s.cases.get(id)
    },
    'case.archive': ({ id }) => s.cases.archive(id),
    'case.restore': ({ id }) => s.cases.restore(id),
    'case.addArticles': ({ caseId, articleIds }) => s.cases.addArticles(caseId, articleIds),
    'case.removeArticles': ({ caseId, articleIds }) => s.cases.removeArticles(caseId, articleIds),
    'case.articles': ({ caseId }) => ({ ids: s.cases.articleIds(caseId) }),
    'case.ofArticle': ({ articleId }) => s.cases.casesOf(articleId),
    'case.open': ({ caseId }) => s.cases.open(caseId),
    'case.last': () => ({ case: s.cases.last() }),
    'case.notebookGet': ({ caseId }) => s.cases.getNotebook(caseId),
    'case.notebookSave': ({ caseId, content }) => s.cases.saveNotebook(caseId, content),

    'source.list': () => ({ items: s.sources.list() }),
    'source.get': ({ id }) => ({ source: s.sources.get(s.sources.currentId(id)), history: s.grading.history('source', id) }),
    'source.articles': ({ id }) => s.sources.articles(s.sources.currentId(id)),
    'source.rename': ({ id, name }) => s.sources.rename(id, name),
    'source.merge': ({ ids, intoId }) => s.sources.merge(ids, intoId),
    'source.unmerge': ({ id, articleIds }) => s.sources.unmerge(id, articleIds),
    'source.split': ({ id, articleIds, name }) => s.sources.split(id, articleIds, name),
    'source.assign': (input) => {
      const sourceId = 'sourceName' in input ? s.sources.ensure(input.sourceName) : input.sourceId
      s.sources.assign(input.articleId, sourceId)
      return { articleId: input.articleId, source: sourceId === null ? null : s.sources.get(s.sources.currentId(sourceId)) }
    },
    'source.grade': ({ id, reliability, reason }) => {
      s.grading.setSourceReliability(id, reliability, reason ?? null)
      return s.sources.get(s.sources.currentId(id))
    },
    'article.gradeReliability': ({ articleId, reliability, reason }) => {
      s.grading.setArticleReliability(articleId, reliability, reason ?? null)
      return { articleId, reliability }
    },
    'highlight.grade': ({ id, credibility, reason }) => {
      s.grading.setCredibility(id, credibility as 1 | null, reason ?? null)
      return s.highlights.get(id)
    },
    'grade.history': ({ kind, id }) => s.grading.history(kind, id),

    'claim.list': ({ caseId, sort }) => s.claims.list(caseId, sort),
    'claim.get': ({ id }) => s.claims.get(id),
    'claim.create': ({ caseId, text, supports, contradicts, context }) => s.claims.add(caseId, text, { supports, contradicts, context }),
    'claim.link': ({ claimId, highlightId, relation }) => s.claims.link(claimId, highlightId, relation),
    'claim.unlink': ({ claimId, highlightId }) => s.claims.unlink(claimId, highlightId),
    'claim.update': ({ id, text, status }) => {
      if (text !== undefined) s.claims.setText(id, text)
      if (status !== undefined) s.claims.setStatus(id, status)
      return s.claims.get(id)
    },
    'claim.delete': ({ id }) => s.claims.delete(id),
    'claim.ofHighlight': ({ highlightId }) => s.claims.claimsOf(highlightId),

    'provenance.verify': () => s.provenance.verify(),
    'provenance.verifyStart': () =>
      verifyJob(s.jobs.start<VerifyReport>('verify', 0, ({ signal, progress }) => s.provenance.verifyJob(signal, (done, total) => progress(done, total)))),
    'provenance.verifyStatus': ({ jobId }) => verifyJob(s.jobs.status<VerifyReport>(jobId, 'verify')),
    'provenance.verifyCancel': ({ jobId }) => verifyJob(s.jobs.cancel<VerifyReport>(jobId, 'verify')),
    'provenance.manifest': ({ caseId }) => s.provenance.manifest(caseId),
    'provenance.exportManifest': ({ caseId, outDir, format }) => {
      const manifest = s.provenance.manifest(caseId)
      return { file: writeManifest(manifest, outDir, format), articles: manifest.articles.length }
    },
    'article.nearCopies': ({ articleId }) => s.nearDuplicates.similarToArticle(articleId)
  }
}

function verifyJob(state: JobState<VerifyReport>) {
  const { jobId, total, done, finished, cancelled, result, error } = state
  return { jobId, total, done, finished, cancelled, report: result, error }
}
