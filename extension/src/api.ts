/** Firefox's promise-based `browser`, or Chromium's `chrome` (promise-based under Manifest V3). */
export const api: ext.Api = typeof browser !== 'undefined' && browser ? browser : chrome
