import windowProperties from 'jsdom/lib/jsdom/living/window-properties.js'

/**
 * Makes jsdom track a window's named properties (`window[id]`) for the window's own document
 * only, as the HTML standard has it. jsdom 28 tracks every element with an id in *any* document
 * whose global is that window, documents made by its DOMParser included, and forgets them only
 * when they are removed from their document: so the window that parses pages held every page
 * with an id on it (≈ 0.9 MB a page here) for as long as it lived. Dossier never reads named
 * properties of the parsing window. (The default import is jsdom's CommonJS exports object,
 * whose functions its elements call through, so replacing them here reaches every element.)
 */
for (const name of ['elementAttached', 'elementAttributeModified'] as const) {
  const track = windowProperties[name]
  windowProperties[name] = (element, ...rest) => {
    // The window's own document has it as its view; a DOMParser's documents have none.
    if (element._ownerDocument._defaultView) track(element, ...rest)
  }
}
