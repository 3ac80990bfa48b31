import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe-check'
import { expect, openSample, selectInReader, showTab, test, type DossierApp } from './dossier-fixture'

/**
 * axe-core over the main window and every dialog, in both themes. Any serious or critical
 * violation fails the test, with the rule and the elements named. (The PDF Page view and the
 * password dialog are checked in documents.spec.ts, where a PDF is at hand.)
 */
async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page.keyboard.press('Control+,')
  const settings = page.getByTestId('settings-dialog')
  await settings.getByLabel(theme).check()
  await settings.getByRole('button', { name: 'Done' }).click()
  await expect(settings).toHaveCount(0)
}

/** The sample with a highlight whose note is open and written, and a quote in the notebook. */
async function workingState(page: Page, app: DossierApp): Promise<void> {
  await openSample(page, app)
  await selectInReader(page, 'shared icebreaker schedule')
  await page.keyboard.press('h')
  await expect(page.locator('mark.hl')).toHaveCount(1)
  await page.getByTestId('note-input').click()
  await page.keyboard.type('Who pays for the pool?')
  await expect(page.getByTestId('save-status')).toHaveText('Saved')
  await showTab(page, 'Notebook')
  await page.getByTestId('notebook-input').click()
  await page.keyboard.press('Control+Alt+q')
  await page.getByTestId('quote-picker').getByRole('button').first().click()
  await expect(page.getByTestId('quote-node')).toHaveCount(1)
  await page.locator('.reader-title').click()
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`the main window with an article, a highlight and a note has no serious axe-core violation (${theme})`, async ({ page, app }) => {
    await workingState(page, app)
    await setTheme(page, theme)
    await expectNoSeriousViolations(page, `the main window (${theme})`)
  })

  test(`every dialog has no serious axe-core violation (${theme})`, async ({ page, app }) => {
    // Eight dialogs, each analysed: slow on a shared machine.
    test.setTimeout(300_000)
    await workingState(page, app)
    await setTheme(page, theme)
    const inNotebook = async (keys: string) => {
      await showTab(page, 'Notebook')
      await page.getByTestId('notebook-input').click()
      await page.keyboard.press(keys)
    }
    const dialogs: { name: string; open(): Promise<void> }[] = [
      { name: 'shortcut sheet', open: () => page.keyboard.press('Control+/') },
      { name: 'settings', open: () => page.keyboard.press('Control+,') },
      { name: 'trash', open: () => page.keyboard.press('Control+Shift+L') },
      { name: 'restore backup', open: () => page.keyboard.press('Control+Alt+R') },
      { name: 'export', open: () => page.keyboard.press('Control+Shift+E') },
      { name: 'labels', open: () => page.getByRole('button', { name: /^Labels/ }).click() },
      { name: 'history', open: () => inNotebook('Control+Shift+H') },
      { name: 'insert quote', open: () => inNotebook('Control+Alt+Q') },
      { name: 'verify library', open: () => page.keyboard.press('Control+Alt+V') },
      {
        name: 'connect browser',
        open: async () => {
          await page.keyboard.press('Control+Shift+P')
          await page.keyboard.type('connect browser')
          await page.keyboard.press('Enter')
        }
      }
    ]
    for (const dialog of dialogs) {
      await page.locator('.reader-title').click()
      await dialog.open()
      // One dialog at a time, whichever element draws it (<dialog> or a Radix role="dialog").
      const shown = page.getByRole('dialog')
      await expect(shown, `the ${dialog.name} dialog opens`).toBeVisible()
      await expectNoSeriousViolations(page, `the ${dialog.name} dialog (${theme})`, 'dialog[open], [role="dialog"]')
      await page.keyboard.press('Escape')
      await expect(shown).toHaveCount(0)
    }
  })
}

test('the two editors’ toolbars are named by what they edit, each with its own Undo and History', async ({ page, app }) => {
  await workingState(page, app)
  // Each editor has its tab in the sidebar; the toolbars of both are in the page at once.
  const names = await page.locator('[role="toolbar"]').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')))
  expect(new Set(names).size, names.join(', ')).toBe(names.length)
  await showTab(page, 'Note')
  await expect(page.getByRole('toolbar', { name: 'Note formatting' }).getByRole('button', { name: 'Undo' })).toHaveCount(1)
  await showTab(page, 'Notebook')
  await expect(page.getByRole('toolbar', { name: 'Notebook formatting' }).getByRole('button', { name: 'History' })).toHaveCount(1)
})

for (const theme of ['Light', 'Dark'] as const) {
  test(`the note and notebook editors show a focus ring, and placeholders are legible (${theme})`, async ({ page, app }) => {
    await openSample(page, app)
    await setTheme(page, theme)
    // Placeholders: the tags field's and the empty notebook's, 4.5:1 against what is behind them.
    const ratios = await page.evaluate(() => {
      const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number)
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
      }
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
        return (hi! + 0.05) / (lo! + 0.05)
      }
      const behind = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor
          if (!bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg
        }
        return getComputedStyle(document.body).backgroundColor
      }
      const tags = document.querySelector('input[placeholder]')!
      const notebook = document.querySelector('.note-placeholder')!
      return {
        input: contrast(getComputedStyle(tags, '::placeholder').color, behind(tags)),
        notebook: contrast(getComputedStyle(notebook).color, behind(notebook))
      }
    })
    expect(ratios.input).toBeGreaterThanOrEqual(4.5)
    expect(ratios.notebook).toBeGreaterThanOrEqual(4.5)

    // The notebook's placeholder stays inside its border.
    await showTab(page, 'Notebook')
    const box = (await page.getByTestId('notebook-input-editor').boundingBox())!
    const placeholder = (await page.locator('.note-placeholder').boundingBox())!
    expect(placeholder.x + placeholder.width).toBeLessThanOrEqual(box.x + box.width)
    expect(placeholder.y + placeholder.height).toBeLessThanOrEqual(box.y + box.height)

    await page.getByTestId('notebook-input').focus()
    const ring = await page.getByTestId('notebook-input').evaluate((el) => {
      const style = getComputedStyle(el)
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
    })
    expect(ring.style).not.toBe('none')
    expect(ring.width).toBeGreaterThanOrEqual(2)
  })
}

test('the Entities view, an entity page, the watch list, marked mentions, the Timeline, a Hypotheses matrix, the Claims and Sources views have no serious axe-core violation (Light and Dark)', async ({ page, app }) => {
  test.setTimeout(300_000)
  await workingState(page, app)
  // A case with a hypotheses matrix: two hypotheses, the highlight as a row, one cell rated.
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  await page.getByTestId('case-dialog').getByTestId('case-name').fill('Ice')
  await page.getByTestId('case-dialog').getByRole('button', { name: 'Create' }).click()
  await page.getByTestId('rail-hypotheses').click()
  await page.getByTestId('ach-new-matrix').fill('Who pays?')
  await page.keyboard.press('Enter')
  for (const text of ['The ports share the cost', 'The insurers pay']) {
    await page.getByTestId('ach-new-hypothesis').fill(text)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('ach-new-hypothesis')).toHaveValue('')
  }
  await page.locator('mark.hl').first().click()
  await page.keyboard.press('Control+Alt+a')
  await page.locator('[data-testid="ach-cell"][data-r="0"][data-h="1"]').click()
  await page.keyboard.press('i')
  await expect(page.getByTestId('ach-score-inconsistency').nth(1)).toHaveText('1')
  // A claim of the case, opened (the Cases view and its brief are checked in the brief's test).
  await page.getByTestId('rail-claims').click()
  await page.getByTestId('claim-text').fill('The ports share their icebreakers')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('claim-view')).toBeVisible()
  await page.getByTestId('toggle-entities').click()
  await expect(page.locator('.entity-mark').first()).toBeVisible({ timeout: 60_000 })
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    // Sources first: a click on the rail entry of the view already shown folds the side panel.
    await page.getByTestId('rail-sources').click()
    const source = page.getByTestId('source-list').getByRole('button').first()
    if ((await source.getAttribute('aria-expanded')) !== 'true') await source.click()
    await expect(page.getByTestId('source-detail')).toBeVisible()
    await expectNoSeriousViolations(page, `the Sources view with a source open (${theme})`, '[data-testid="sources-panel"]')
    await page.getByTestId('rail-claims').click()
    await expect(page.getByTestId('claim-view')).toBeVisible()
    await expectNoSeriousViolations(page, `the Claims view with a claim open (${theme})`, '[data-testid="claims-panel"]')
    await page.getByTestId('rail-entities').click()
    const view = page.getByTestId('entities-view')
    await view.getByRole('tab', { name: /^Places/ }).click()
    await view.getByTestId('entity-item').first().click()
    await expect(page.getByTestId('entity-page')).toBeVisible()
    await expectNoSeriousViolations(page, `an entity page beside marked mentions (${theme})`)
    await page.getByRole('button', { name: 'All entities' }).click()
    await expectNoSeriousViolations(page, `the Entities view (${theme})`)
    await view.getByRole('tab', { name: 'Watch list' }).click()
    await expectNoSeriousViolations(page, `the watch list (${theme})`, '[data-testid="entities-view"]')
    await page.getByTestId('rail-timeline').click()
    await expect(page.getByTestId('timeline-view')).toBeVisible()
    await expectNoSeriousViolations(page, `the Timeline (${theme})`, '[data-testid="timeline-view"]')
    await page.getByTestId('rail-hypotheses').click()
    await expect(page.getByTestId('ach-grid')).toBeVisible()
    await expectNoSeriousViolations(page, `the Hypotheses view (${theme})`, '[data-testid="ach-panel"]')
    await page.getByTestId('ach-transpose').click()
    await expectNoSeriousViolations(page, `the transposed matrix (${theme})`, '[data-testid="ach-panel"]')
    await page.getByTestId('ach-transpose').click()
  }
})

test('the case’s brief with a key judgement and a quote, and its check dialog, have no serious axe-core violation (Light and Dark)', async ({ page, app }) => {
  test.setTimeout(300_000)
  await workingState(page, app)
  await page.getByTestId('case-switcher').click()
  await page.getByTestId('case-new').click()
  await page.getByTestId('case-dialog').getByTestId('case-name').fill('Ice')
  await page.getByTestId('case-dialog').getByRole('button', { name: 'Create' }).click()
  await page.getByTestId('rail-cases').click()
  await page.getByTestId('case-add-article').click()
  const toolbar = page.getByRole('toolbar', { name: 'Brief formatting' })
  await page.getByTestId('case-notebook-input').click()
  await page.keyboard.type('We assess a shared schedule likely.')
  await toolbar.getByRole('button', { name: 'Key judgement' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await toolbar.getByRole('button', { name: 'Insert quote' }).click()
  await page.getByTestId('quote-picker').getByRole('textbox', { name: 'Find a highlight' }).press('Enter')
  await expect(page.getByTestId('case-notebook-input').locator('.note-highlight-quote')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await page.keyboard.type('Nobody has costed it.')
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme)
    await expectNoSeriousViolations(page, `the Cases view with the brief (${theme})`)
    await page.getByTestId('brief-check').click()
    const dialog = page.getByTestId('brief-dialog')
    await expect(dialog.getByTestId('brief-uncited')).toHaveText('Nobody has costed it.')
    await dialog.getByRole('button', { name: 'Export brief' }).click()
    await expect(dialog.getByTestId('brief-confirm')).toBeVisible()
    await expectNoSeriousViolations(page, `the brief dialog asking before export (${theme})`, 'dialog[open], [role="dialog"]')
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }
})

test('the axe check itself fails on a serious violation, naming the rule and the element', async ({ page }) => {
  await page.setContent('<main><h1>Check</h1><img src="data:," id="unnamed"><button id="empty"></button></main>')
  const failure = await expectNoSeriousViolations(page, 'a page with faults').then(
    () => null,
    (err: Error) => err.message
  )
  expect(failure).toContain('image-alt (critical)')
  expect(failure).toContain('#unnamed')
  expect(failure).toContain('button-name (critical)')
  // Scoped to one part, only that part's faults count.
  await expectNoSeriousViolations(page, 'the heading', 'h1')
})
