import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import './jsdom-named-properties'

describe("jsdom's named properties of a window", () => {
  it('come from the window’s own document only, not from the pages its DOMParser parsed (which they kept alive)', () => {
    const { window } = new JSDOM('<div id="own"></div>')
    const page = new window.DOMParser().parseFromString('<div id="parsed"></div><form name="signup"></form>', 'text/html')
    expect(page.getElementById('parsed')).not.toBeNull()
    // Compared as booleans: printing a window reads its localStorage, which throws here.
    const named = (name: string) => (window as unknown as Record<string, unknown>)[name]
    expect(named('parsed') === undefined).toBe(true)
    expect(named('signup') === undefined).toBe(true)
    expect(named('own') === window.document.getElementById('own')).toBe(true)
    window.document.getElementById('own')!.id = 'renamed'
    expect(named('renamed') === window.document.getElementById('renamed')).toBe(true)
    window.close()
  })
})
