import type { Browser, Page } from '@playwright/test'

/**
 * The browser's own floor for a key press to the next painted frame: a page with none of
 * Dossier's code, typed into (or "rated") the same way, in the same browser and trace as the
 * measured rows. Whatever this page's p95 is, no change to our code can take the app below it;
 * what the app adds is the distance between this row and the app's baseline row.
 */
const BARE_URL = 'http://bare.dossier.invalid/'

/** A plain textarea: the browser's text insertion and a repaint of one line. */
export const BARE_TEXTAREA = `<!doctype html><meta charset="utf-8"><title>bare</title>
<textarea aria-label="bare" rows="8" cols="60"></textarea>`

/**
 * A contenteditable holding `paragraphs` (the notebook's text), in a scrolled pane the size of the
 * notes pane, each paragraph skipped off screen as the app's editor does: Chromium's own rich-text
 * editing of a document that long, with none of our code (no Lexical, no React, no shell).
 */
export function bareEditable(paragraphs: readonly string[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<!doctype html><meta charset="utf-8"><title>bare</title>
<style>
  .pane { position: fixed; top: 0; bottom: 0; right: 0; width: 420px; overflow: auto; }
  [contenteditable] { padding: 10px; line-height: 1.5; outline: none; }
  [contenteditable] > p { margin: 0 0 0.6em; content-visibility: auto; contain-intrinsic-size: auto 1.5em; }
</style>
<div class="pane"><div contenteditable="true" aria-label="bare">${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</div></div>`
}

/**
 * A one-cell grid and its score, each key writing both, as the matrix does for a rating; the
 * arrows do nothing.
 */
export const BARE_CELL = `<!doctype html><meta charset="utf-8"><title>bare</title>
<table role="grid" aria-label="bare"><tbody><tr><td role="gridcell" tabindex="0" id="cell"></td></tr></tbody>
<tfoot><tr><td id="score">0</td></tr></tfoot></table>
<script>
  let score = 0;
  document.getElementById('cell').addEventListener('keydown', (e) => {
    if (e.key !== 'i' && e.key !== 'c') return;
    e.preventDefault();
    e.currentTarget.textContent = e.key.toUpperCase();
    score += e.key === 'i' ? 1 : -1;
    document.getElementById('score').textContent = String(score);
  });
</script>`

export interface BarePage {
  page: Page
  /** DevTools' id of its frame, the `frame` of its EventTiming records in the trace. */
  frame: string
}

/** Opens `html` in a page of its own with the key probe, served from a route (no server, no file). */
export async function openBarePage(browser: Browser, html: string, probe: string): Promise<BarePage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.route(BARE_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }))
  await page.addInitScript(probe)
  await page.goto(BARE_URL)
  return { page, frame: await frameId(page) }
}

/** DevTools' id of the page's main frame: the trace's EventTiming records carry it. */
export async function frameId(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }
    return frameTree.frame.id
  } finally {
    await cdp.detach()
  }
}

/** Clears the probe's records of the page (`keyLatencyProbe`), before a round. */
export async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __frameLatencies: number[]; __slowEvents: unknown[] }
    w.__keys = []
    w.__frameLatencies = []
    w.__slowEvents = []
  })
}

/** The probe's records: each key's keydown timeStamp and the earlier measure. */
export async function probeRecords(page: Page): Promise<{ keys: number[]; frame: number[]; slow: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __frameLatencies: number[]; __slowEvents: { id: number; duration: number }[] }
    return { keys: w.__keys, frame: w.__frameLatencies, slow: new Set(w.__slowEvents.filter((e) => e.duration > 16).map((e) => e.id)).size }
  })
}
