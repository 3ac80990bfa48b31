import type { Page } from '@playwright/test'
import type { DossierApp } from './dossier-fixture'

/**
 * Switches the interface to the pseudo-locale (every message accented and bracketed: ⟦Šéţţíñĝš··⟧)
 * and reloads, so the next screen is drawn from the catalogs in it.
 */
export async function usePseudoLocale(page: Page, app: DossierApp): Promise<void> {
  const res = await page.request.post(`${app.origin}/api/settings.set`, {
    headers: { 'x-dossier-token': app.token },
    data: { locale: 'en-XA' }
  })
  if (!res.ok()) throw new Error(`settings.set refused: ${await res.text()}`)
  await page.reload()
  await page.locator('html[lang="en"]').waitFor()
  // The load event comes before the app's script has drawn the shell (decision 0049).
  await page.locator('nav.rail').waitFor()
}

/**
 * Text on screen that did not come from a catalog, in the pseudo-locale: any word of ASCII letters
 * outside the ⟦…⟧ brackets (in `within`, else the whole page), in visible text or in the attributes assistive technology reads
 * (aria-label, title, placeholder, alt…). Keyboard keys (<kbd>), dates (<time>: `Intl` formats them
 * for the locale, in English for the pseudo-locale) and content marked
 * `translate="no"` (the analyst's own titles, notes and quotes) are not interface strings. Tests
 * using this import content without ASCII words (Greek, Cyrillic…), so the analyst's material
 * does not mask a string left in the code.
 */
export async function findUntranslated(page: Page, options: { within?: string; exclude?: string; allow?: RegExp } = {}): Promise<string[]> {
  return page.evaluate(
    ([within, exclude, allowSource]) => {
    const root = document.querySelector(within) ?? document.body
    const allowed = new RegExp(allowSource)
    const found: string[] = []
    const leftover = (text: string) =>
      text
        .replace(/⟦[^⟧]*⟧/g, ' ')
        .split(/[^A-Za-z]+/)
        .filter((word) => word.length >= 2 && !allowed.test(word))
    const skipped = (el: Element | null) => !!el?.closest(`kbd, time, script, style, noscript, [translate="no"], [aria-hidden="true"]${exclude ? `, ${exclude}` : ''}`)
    const visible = (el: Element) => {
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || skipped(parent) || !visible(parent)) continue
      const words = leftover(node.textContent ?? '')
      if (words.length) found.push(`"${(node.textContent ?? '').trim().slice(0, 80)}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`)
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description], [aria-valuetext], [aria-roledescription]')) {
      if (skipped(el)) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext', 'aria-roledescription']) {
        const value = el.getAttribute(name)
        if (value && leftover(value).length) found.push(`${name}="${value.slice(0, 80)}" on <${el.tagName.toLowerCase()} class="${el.className}">`)
      }
    }
    return [...new Set(found)]
    },
    [options.within ?? 'body', options.exclude ?? '', (options.allow ?? /^$/).source] as const
  )
}
