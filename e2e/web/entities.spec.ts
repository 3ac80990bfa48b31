import { expect, test } from './dossier-fixture'

const RAID = `Customs raid at Rotterdam

Published 12 March 2025

ROTTERDAM — Dutch investigators searched the offices of Caspian Horizon Shipping on Tuesday. Deputy Minister Ömer Faruk Kaya said in Ankara that the company had done nothing wrong.

The Fiscal Information and Investigation Service, known by its Dutch initials FIOD, said the vessel Nordic Dawn (IMO 9395044) sailed between February and August 2024 without a declared cargo.

Kaya's office did not answer questions. The company was founded in Limassol, Cyprus, in 2016.`

const FOLLOW_UP = `Shipping firm under scrutiny

Published 20 March 2025

Caspian Horizon Shipping denied the allegations on 18 March 2025. Omer Kaya, the deputy minister, met Dutch officials in The Hague last week.`

test('entities: the index by type, merge two names, the entity page opens a mention, the reader marks mentions', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('import-input').setInputFiles([
    { name: 'raid.txt', mimeType: 'text/plain', buffer: Buffer.from(RAID) },
    { name: 'follow-up.txt', mimeType: 'text/plain', buffer: Buffer.from(FOLLOW_UP) }
  ])
  await expect(page.getByTestId('library-count')).toHaveText('2')

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
  const kaya = page.getByRole('link', { name: 'Person: Ömer Faruk Kaya' })
  await expect(kaya).toHaveText('Omer Kaya')
  await expect(page.getByRole('link', { name: 'Organisation: Caspian Horizon Shipping' })).toBeVisible()
  await kaya.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('entity-title')).toHaveText('Ömer Faruk Kaya')
  await page.getByTestId('toggle-entities').click()
  await expect(page.locator('.entity-mark')).toHaveCount(0)
})
