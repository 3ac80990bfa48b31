import { refusal } from './refusal'

/** Analysis of competing hypotheses: matrices, hypotheses, rows and snapshots. */
export const ACH_REFUSALS = {
  'ach.matrix_elsewhere': refusal('not_found', 'refusals:ach.matrix_elsewhere', (v: { matrix: string; case: string }) => `Matrix ${v.matrix} is not in case ${v.case}.`),
  'ach.no_matrix': refusal('not_found', 'refusals:ach.no_matrix', (v: { case: string }) => `Case ${v.case} has no hypotheses matrix yet.`),
  'ach.hypothesis_present': refusal('duplicate', 'refusals:ach.hypothesis_present', () => 'That hypothesis is in the matrix already.'),
  'ach.claim_elsewhere': refusal('invalid_input', 'refusals:ach.claim_elsewhere', (v: { id: string }) => `Claim ${v.id} belongs to another case.`),
  'ach.row_kind': refusal('invalid_input', 'refusals:ach.row_kind', () => 'row: a row is a highlight or a claim.'),
  'ach.row_present': refusal('duplicate', 'refusals:ach.row_present', () => 'That row is in the matrix already.'),
  'ach.hypothesis_elsewhere': refusal('invalid_input', 'refusals:ach.hypothesis_elsewhere', () => 'hypothesisId: that hypothesis is in another matrix.'),
  'ach.snapshot_damaged': refusal('invalid_input', 'refusals:ach.snapshot_damaged', (v: { id: string; detail: string }) => `Snapshot ${v.id} cannot be read: ${v.detail}.`),
  'ach.matrix_name_length': refusal('invalid_input', 'refusals:ach.matrix_name_length', () => 'name: a matrix needs a name of 1 to 200 characters.'),
  'ach.hypothesis_length': refusal('invalid_input', 'refusals:ach.hypothesis_length', () => 'text: a hypothesis is a short statement of 1 to 500 characters.')
}
