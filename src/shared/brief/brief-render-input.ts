import type { EvidenceManifest } from '../analysis/analysis-types'
import type { Translate } from '../i18n/messages'
import type { Brief } from './brief-document'

/** Everything a writer needs: the brief, one formatted note per cite, and the case's evidence. */
export interface BriefRenderInput {
  brief: Brief
  /** notes[i] is the footnote text of brief.cites[i]. */
  notes: string[]
  caseName: string
  caseId: string
  generatedAt: string
  /** The CSL style's title, said in the front matter and the colophon. */
  styleTitle: string
  manifest: EvidenceManifest
  /** The export's language: the words a writer adds (headings, column names, labels) are in it. */
  t: Translate
  /** Its BCP 47 tag, for the document's own `lang`. */
  lang: string
}
