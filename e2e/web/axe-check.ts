import type { Page } from '@playwright/test'
import axe from 'axe-core'
import { expect } from './dossier-fixture'

interface AxeWindow {
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: axe.Result[] }> }
}

/**
 * axe-core on the page (or the part `include` selects): any serious or critical violation fails,
 * with the rule and the elements named.
 *
 * axe runs in the page itself, injected once per page load. (@axe-core/playwright injects the
 * whole library again on every check and finishes each run in a new tab: half of the
 * accessibility spec's time went there, and the app has no frames that would need it.)
 */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string): Promise<void> {
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function'))) await page.evaluate(axe.source)
  const { violations } = await page.evaluate(
    ([context]) =>
      (window as AxeWindow).axe!.run(context ?? document, {
        // Only violations are read: passes and incomplete results are not collected.
        resultTypes: ['violations'],
        // label-content-name-mismatch is experimental in axe-core 4.13, so off unless asked for.
        rules: { 'label-content-name-mismatch': { enabled: true } }
      }),
    [include ?? null] as const
  )
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
  expect(described, `axe-core on ${what}`).toEqual([])
}
