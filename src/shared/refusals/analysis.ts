import { refusal } from './refusal'

type Id = { id: string }
type Name = { name: string }

/** Cases, sources, claims and grades: the analyst's own records refused as asked. */
export const ANALYSIS_REFUSALS = {
  'case.article_missing': refusal('not_found', 'refusals:case.article_missing', (v: Id) => `No article with id ${v.id}; nothing was added to the case.`),
  'case.archived': refusal('invalid_input', 'refusals:case.archived', (v: Name) => `The case “${v.name}” is archived; restore it to open it.`),
  'case.name_taken': refusal('duplicate', 'refusals:case.name_taken', (v: Name) => `A case named “${v.name}” exists already.`),
  'case.name_taken_archived': refusal('duplicate', 'refusals:case.name_taken_archived', (v: Name) => `A case named “${v.name}” exists already (archived).`),
  'case.name_length': refusal('invalid_input', 'refusals:case.name_length', () => 'name: a case name is 1 to 200 characters.'),
  'source.name_missing': refusal('invalid_input', 'refusals:source.name_missing', () => 'name: a source needs a name.'),
  'source.name_length': refusal('invalid_input', 'refusals:source.name_length', () => 'name: a source name is 1 to 200 characters.'),
  'source.name_taken_merge': refusal('duplicate', 'refusals:source.name_taken_merge', (v: Name) => `A source named “${v.name}” exists already; merge the two instead.`),
  'source.name_taken_reassign': refusal('duplicate', 'refusals:source.name_taken_reassign', (v: Name) => `A source named “${v.name}” exists already; reassign the articles to it instead.`),
  'source.not_merged': refusal('invalid_input', 'refusals:source.not_merged', () => 'This source is not merged into another.'),
  'source.article_elsewhere': refusal('invalid_input', 'refusals:source.article_elsewhere', (v: Id) => `articleIds: article ${v.id} is not from this source.`),
  'claim.text_length': refusal('invalid_input', 'refusals:claim.text_length', () => 'text: a claim is a statement of 1 to 2,000 characters.'),
  'grade.not_reliability': refusal('invalid_input', 'refusals:grade.not_reliability', (v: { grade: string }) => `grade: ${v.grade} is not a reliability grade (A–F).`),
  'grade.not_credibility': refusal('invalid_input', 'refusals:grade.not_credibility', (v: { grade: string }) => `credibility: ${v.grade} is not a credibility grade (1–6).`),
  'verify.cancelled': refusal('cancelled', 'refusals:verify.cancelled', () => 'Verification cancelled.')
}
