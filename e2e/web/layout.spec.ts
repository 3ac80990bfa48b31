import type { Page } from '@playwright/test'
import { expect, openSample, test } from './dossier-fixture'

// Issue 15, item 18: layout details, at 1024 px wide and at 200% zoom.

/** Whether an element's content is wider than its box (text cut off, or a sideways scroll). */
const overflowsSideways = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.scrollWidth > el.clientWidth + 1)

test('at 1024 px the sort box shows its whole choice and the Ctrl/⌘ O hint stays on one line', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(app.url)
  const hint = page.getByTestId('library-empty').locator('kbd', { hasText: 'Ctrl/⌘ O' })
  expect(await hint.evaluate((el) => el.getClientRects().length)).toBe(1)

  await page.getByTestId('import-sample').click()
  await expect(page.locator('.reader-title')).toContainText('Harbour authorities')
  // The select's own box against the width its longest choice needs, in its font (plus the arrow).
  const fits = await page.getByTestId('library-sort').evaluate((select: HTMLSelectElement) => {
    const probe = document.createElement('span')
    probe.style.font = getComputedStyle(select).font
    probe.style.position = 'absolute'
    probe.style.whiteSpace = 'nowrap'
    document.body.append(probe)
    const widest = Math.max(...[...select.options].map((o) => ((probe.textContent = o.text), probe.getBoundingClientRect().width)))
    probe.remove()
    return { widest, box: select.clientWidth }
  })
  expect(fits.box, JSON.stringify(fits)).toBeGreaterThanOrEqual(fits.widest + 20)
  expect(await overflowsSideways(page, '.panes')).toBe(false)
})

test('the drop overlay is opaque enough to read over the article', async ({ page, app }) => {
  await openSample(page, app)
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }))
    document.querySelector('.reader-text')!.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
  })
  const app_ = page.locator('.app')
  await expect(app_).toHaveClass(/dragging/)
  const alpha = await app_.evaluate((el) => {
    const bg = getComputedStyle(el, '::after').backgroundColor
    const slash = /\/\s*([\d.]+)/.exec(bg)
    const rgba = /rgba\([^)]*,\s*([\d.]+)\)/.exec(bg)
    return slash ? Number(slash[1]) : rgba ? Number(rgba[1]) : 1
  })
  expect(alpha).toBeGreaterThanOrEqual(0.9)
})

test('at 200% zoom (512 CSS px) the panes stack and nothing scrolls sideways', async ({ page, app }) => {
  await page.setViewportSize({ width: 512, height: 384 })
  await openSample(page, app)
  expect(await overflowsSideways(page, '.panes')).toBe(false)
  const reader = (await page.locator('.reader-text').boundingBox())!
  expect(reader.x).toBeGreaterThanOrEqual(0)
  expect(reader.x + reader.width).toBeLessThanOrEqual(512)
  expect(reader.width).toBeGreaterThan(300)
  await expect(page.locator('.reader-title')).toBeVisible()
})
