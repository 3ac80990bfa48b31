import { highlightQuote, importMarkdown } from './analysis-fixtures'
import { tempServices } from './temp-services'

const WIRE = 'Troops crossed the river at dawn, officials said. The ministry denied any movement near the border.'
const LOCAL = 'Residents heard heavy vehicles overnight. Fuel prices in the town doubled within a week.'

/** A case with two articles and three highlights graded B2 (High), B5 (Low) and ungraded (Medium). */
export async function caseWithEvidence() {
  const s = tempServices()
  const wire = await importMarkdown(s, 'wire.md', { title: 'Border report', source: 'Reuters', body: WIRE })
  const local = await importMarkdown(s, 'local.md', { title: 'Town notes', source: 'Town Voice', body: LOCAL })
  const reuters = s.sources.list().find((x) => x.name === 'Reuters')!
  s.grading.setSourceReliability(reuters.id, 'B')
  const h1 = highlightQuote(s, wire, 'Troops crossed the river at dawn', 2) // B2 → High
  const h2 = highlightQuote(s, wire, 'The ministry denied any movement', 5) // B5 → Low
  const h3 = highlightQuote(s, local, 'Residents heard heavy vehicles overnight') // ungraded → Medium
  const c = s.cases.create('Border', '')
  s.cases.addArticles(c.id, [wire, local])
  return { s, caseId: c.id, h1, h2, h3 }
}

