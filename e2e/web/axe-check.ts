import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './dossier-fixture'

/** axe-core on the page (or the part `include` selects): any serious or critical violation fails, with the rule and the elements named. */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string): Promise<void> {
  // label-content-name-mismatch is experimental in axe-core 4.13, so off unless asked for.
  let builder = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
  expect(described, `axe-core on ${what}`).toEqual([])
}
