import { SENTINEL } from './hostile-corpus'

/** A small independent CSL style: "TITLE:Title (Source) at page." */
export const TINY_CSL_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Tiny test style</title><id>tiny</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout suffix="."><text variable="title" prefix="TITLE:"/><text variable="container-title" prefix=" (" suffix=")"/><text variable="locator" prefix=" at "/></layout></citation>
</style>`

const body = TINY_CSL_STYLE.replace(/^<\?xml[^>]*>/, '')

/** CSL files built to attack the style picker: each must be refused with the file's name, quickly. */
export const HOSTILE_CSL: readonly { id: string; xml: string }[] = [
  {
    id: 'billion laughs',
    xml: `<?xml version="1.0"?><!DOCTYPE style [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]>${body.replace('TITLE:', '&bbbbbbbbb;')}`
  },
  { id: 'external entity', xml: `<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body.replace('TITLE:', '&x;')}` },
  { id: 'malformed', xml: TINY_CSL_STYLE.replace('</citation>', '') },
  { id: 'a script element', xml: TINY_CSL_STYLE.replace('<citation>', `<script xmlns="http://www.w3.org/1999/xhtml">window.${SENTINEL}=1</script><citation>`) },
  { id: 'an XHTML image with a handler', xml: TINY_CSL_STYLE.replace('<info>', `<img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.${SENTINEL}=1"/><info>`) },
  {
    id: 'deep nesting',
    xml: TINY_CSL_STYLE.replace('<layout suffix=".">', `<layout suffix=".">${'<group>'.repeat(20_000)}`).replace('</layout>', `${'</group>'.repeat(20_000)}</layout>`)
  },
  { id: 'nesting hidden in quoted "/>"', xml: TINY_CSL_STYLE.replace('<layout suffix=".">', `<layout suffix=".">${'<group delimiter="/>">'.repeat(5_000)}`).replace('</layout>', `${'</group>'.repeat(5_000)}</layout>`) },
  { id: 'over 2 MB', xml: TINY_CSL_STYLE.replace('</info>', `</info><!--${'x'.repeat(2 * 1024 * 1024)}-->`) },
  { id: 'not a style', xml: '<html><body><script>alert(1)</script></body></html>' },
  { id: 'a processing instruction before the root', xml: TINY_CSL_STYLE.replace('<style', '<?xml-stylesheet href="https://evil.example/x.xsl"?><style').replace('<citation>', '<citation><!ENTITY') }
]

/** A valid style whose affixes carry markup and a javascript: URL: accepted, and the notes say it as text. */
export const MARKUP_AFFIX_CSL = TINY_CSL_STYLE.replace(
  'prefix="TITLE:"',
  `prefix="&lt;script&gt;window.${SENTINEL}=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;[x](javascript:alert(1)) "`
)
