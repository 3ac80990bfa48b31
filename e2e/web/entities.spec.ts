import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, selectInReader, test } from './dossier-fixture'

const RAID = `Customs raid at Rotterdam

Published 12 March 2025

ROTTERDAM — Dutch investigators searched the offices of Caspian Horizon Shipping on Tuesday. Deputy Minister Ömer Faruk Kaya said in Ankara that the company had done nothing wrong.

The Fiscal Information and Investigation Service, known by its Dutch initials FIOD, said the vessel Nordic Dawn (IMO 9395044) sailed between February and August 2024 without a declared cargo.

Kaya's office did not answer questions. The company was founded in Limassol, Cyprus, in 2016.`

const FOLLOW_UP = `Shipping firm under scrutiny

Published 20 March 2025

Caspian Horizon Shipping denied the allegations on 18 March 2025. Omer Kaya, the deputy minister, met Dutch officials in The Hague last week.`

test('entities and timeline: index, merge, entity page, reader marks, entity: search, timeline, a manual event, CSV export', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles([
    { name: 'raid.txt', mimeType: 'text/plain', buffer: Buffer.from(RAID) },
    { name: 'follow-up.txt', mimeType: 'text/plain', buffer: Buffer.from(FOLLOW_UP) }
  ])
  await expect(page.getByTestId('library-count')).toHaveText('2', { timeout: 60_000 })

  // The Entities view: people first, with counts by type.
  await page.getByTestId('rail-entities').click()
  const view = page.getByTestId('entities-view')
  await expect(view.getByTestId('entity-item').filter({ hasText: 'Ömer Faruk Kaya' })).toBeVisible()
  await expect(view.getByRole('tab', { name: /^People \d+$/ })).toBeVisible()
  await view.getByRole('tab', { name: /^Organisations/ }).click()
  await expect(view.getByTestId('entity-item').filter({ hasText: 'Caspian Horizon Shipping' })).toContainText('2 articles')

  // Merge "Omer Kaya" into "Ömer Faruk Kaya" from the entity page.
  await view.getByRole('tab', { name: /^People/ }).click()
  await view.getByTestId('entity-item').filter({ hasText: 'Ömer Faruk Kaya' }).click()
  const entityPage = page.getByTestId('entity-page')
  await expect(entityPage.getByTestId('entity-title')).toHaveText('Ömer Faruk Kaya')
  await entityPage.getByTestId('entity-merge-filter').fill('Omer Kaya')
  await entityPage.getByTestId('entity-merge-candidate').first().click()
  await expect(page.getByTestId('notice')).toContainText('Merged “Omer Kaya” into “Ömer Faruk Kaya”')
  await expect(entityPage.getByTestId('entity-article')).toHaveCount(2)
  await expect(entityPage.getByRole('listitem').filter({ hasText: 'Omer Kaya' }).getByRole('button', { name: /Split/ })).toBeVisible()

  // A mention opens its passage in the reader.
  await entityPage.getByTestId('entity-article').filter({ hasText: 'Shipping firm under scrutiny' }).getByTestId('entity-mention').first().click()
  await expect(page.locator('.reader-title')).toHaveText('Shipping firm under scrutiny')
  await expect(page.locator('.reader-text .search-flash')).toContainText('Omer Kaya')

  // The reader marks mentions on request: underlined by type, reachable by Tab, Enter opens the entity.
  await page.getByTestId('toggle-entities').click()
  await expect(page.getByTestId('toggle-entities')).toHaveAttribute('aria-pressed', 'true')
  const kaya = page.getByRole('link', { name: 'Omer Kaya (Person: Ömer Faruk Kaya)' })
  await expect(kaya).toHaveText('Omer Kaya')
  await expect(page.getByRole('link', { name: 'Caspian Horizon Shipping (Organisation)' })).toBeVisible()
  await kaya.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('entity-title')).toHaveText('Ömer Faruk Kaya')
  await page.getByTestId('toggle-entities').click()
  await expect(page.locator('.entity-mark')).toHaveCount(0)

  // Words the extraction missed, added as an entity from the reader (Ctrl/⌘ Alt N): an organisation, this passage its mention.
  await selectInReader(page, 'Dutch officials')
  await page.keyboard.press('Control+Alt+n')
  const addEntity = page.getByTestId('add-entity-dialog')
  await expect(addEntity.getByLabel('Name')).toHaveValue('Dutch officials')
  await addEntity.getByLabel('Type').selectOption('org')
  await addEntity.getByRole('button', { name: 'Add entity' }).click()
  await expect(page.getByTestId('notice')).toContainText('“Dutch officials” (organisation) has this passage as a mention.')
  await page.getByTestId('toggle-entities').click()
  await expect(page.getByRole('link', { name: 'Dutch officials (Organisation)' })).toBeVisible()
  await page.getByTestId('toggle-entities').click()

  // Search by entity: both articles, whichever of its names it goes by there.
  await page.getByTestId('rail-search').click()
  await page.getByTestId('search-input').fill('entity:"Omer Kaya" in:articles')
  await expect(page.getByTestId('search-group')).toHaveCount(2)

  // The timeline: events oldest first, with their precision; a click opens the passage.
  await page.getByTestId('rail-timeline').click()
  const timeline = page.getByTestId('timeline-view')
  const range = timeline.getByTestId('timeline-event').filter({ hasText: 'Feb 2024 – Aug 2024' })
  await expect(range).toContainText('range, month')
  await expect(timeline.getByTestId('timeline-event').first()).toContainText('2016')
  await range.getByRole('button', { name: /Nordic Dawn/ }).click()
  await expect(page.locator('.reader-title')).toHaveText('Customs raid at Rotterdam')
  await expect(page.locator('.reader-text .search-flash')).toContainText('sailed between February and August 2024')

  // A manual event from a highlight whose passage has no date: the analyst gives one.
  await selectInReader(page, "Kaya's office did not answer questions.")
  await page.keyboard.press('h')
  await expect(page.getByTestId('add-to-timeline')).toBeVisible()
  await page.keyboard.press('Control+Alt+t')
  await page.getByTestId('timeline-date').fill('2025-03-11')
  await page.getByTestId('timeline-date').press('Enter')
  await expect(page.getByTestId('notice')).toContainText('Added to the timeline: Mar 11, 2025')
  const manual = timeline.getByTestId('timeline-event').filter({ hasText: "Kaya's office did not answer questions." })
  await expect(manual).toContainText('added by you')

  // Export as CSV: ISO dates at each event's precision.
  const download = page.waitForEvent('download')
  await timeline.getByTestId('timeline-export-csv').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Timeline - Library.csv')
  const csv = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '')
  const rows = csv.split('\r\n')
  expect(rows[0]).toBe('date,date_end,precision,label,sentence,article,source,published,confirmed,origin,link')
  expect(rows.some((r) => r.startsWith('2024-02,2024-08,month,'))).toBe(true)
  expect(rows.some((r) => r.startsWith("2025-03-11,,day,,Kaya's office did not answer questions.,Customs raid at Rotterdam,"))).toBe(true)
})

test.describe('articles a dossier import stored', () => {
  // Without the catch-up at opening, the view offers to find what waits; with it, it would start alone.
  test.use({ serverArgs: ['--no-catch-up'] })

  test('wait in the Entities view with a way to find them now, and are found', async ({ page, app }) => {
    await app.stop()
    const file = join(app.dir, 'raid.txt')
    writeFileSync(file, RAID)
    execFileSync(process.execPath, [join(import.meta.dirname, '../../out/main/cli.js'), 'import', file, '--db', app.dbPath])
    await app.start()
    await page.goto(app.url)
    await page.getByTestId('rail-entities').click()
    const view = page.getByTestId('entities-view')
    await expect(view.getByTestId('entity-pending')).toContainText('Entities not yet found in 1 article.')
    await expect(view.getByTestId('entity-item')).toHaveCount(0)
    await view.getByTestId('entity-extract-start').click()
    await expect(view.getByTestId('entity-item').filter({ hasText: 'Ömer Faruk Kaya' })).toBeVisible()
    await expect(view.getByTestId('entity-pending')).toHaveCount(0)
  })
})
