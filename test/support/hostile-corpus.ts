/**
 * Hostile content: the payload shapes that ran code in other note apps, plus the mutation-XSS
 * and parser-differential patterns sanitizers have fallen to. Tests feed them through every way
 * text enters Dossier and check that nothing runs, loads or escapes.
 *
 * Every payload that could run code sets the sentinel global `__dossierPwned` (or opens an
 * `alert`), and every one that could fetch names the host `evil.example`, so a test in a real
 * browser can tell whether any of them ever came alive.
 */

export const SENTINEL = '__dossierPwned'
export const EVIL_HOST = 'evil.example'

export interface HostilePayload {
  id: string
  /** Where the shape comes from. */
  origin: string
  /** As it would appear in a web page or a note. */
  html: string
}

const run = (id: string) => `window.${SENTINEL}='${id}'`

export const HOSTILE_HTML: readonly HostilePayload[] = [
  // Joplin: an image whose error handler ran in the note viewer.
  { id: 'img-onerror', origin: 'Joplin CVE-2018-1000534', html: `<img src=x onerror="${run('img-onerror')}">` },
  { id: 'img-onerror-unquoted', origin: 'Joplin CVE-2018-1000534', html: `<img/src/onerror=${run('img-onerror-unquoted')}>` },
  // Joplin: <embed> (and its cousins) loading active content.
  { id: 'embed', origin: 'Joplin CVE-2020-15930', html: `<embed src="javascript:${run('embed')}">` },
  { id: 'embed-data', origin: 'Joplin CVE-2020-15930', html: `<embed type="text/html" src="data:text/html,<script>${run('embed-data')}</script>">` },
  { id: 'object', origin: 'Joplin CVE-2020-15930', html: `<object data="javascript:${run('object')}"></object>` },
  { id: 'iframe-srcdoc', origin: 'Joplin CVE-2020-15930', html: `<iframe srcdoc="<script>parent.${run('iframe-srcdoc')}</script>"></iframe>` },
  // Joplin: text inside <noscript> parsed differently with and without scripting.
  { id: 'noscript-attr', origin: 'Joplin CVE-2021-33295', html: `<noscript><p title="</noscript><img src=x onerror=${run('noscript-attr')}>"></noscript>` },
  { id: 'noscript-style', origin: 'Joplin CVE-2021-33295', html: `<noscript><style></noscript><img src=x onerror="${run('noscript-style')}"></style></noscript>` },
  // Joplin: closing the wrapper the renderer put around the note.
  { id: 'pre-style-onload', origin: 'Joplin GHSA-hjmq-3qh4-g2r8', html: `</pre><style onload="${run('pre-style-onload')}"></style><pre>` },
  { id: 'pre-code-escape', origin: 'Joplin GHSA-hjmq-3qh4-g2r8', html: `<pre><code></code></pre><svg onload="${run('pre-code-escape')}"></svg>` },
  // Obsidian: a custom protocol that read local files.
  { id: 'app-traversal-img', origin: 'Obsidian CVE-2023-2110', html: `<img src="app://dossier/../../../../etc/passwd">` },
  { id: 'app-traversal-iframe', origin: 'Obsidian CVE-2023-2110', html: `<iframe src="app://dossier/%2e%2e/%2e%2e/etc/passwd"></iframe>` },
  { id: 'file-img', origin: 'Obsidian CVE-2023-2110', html: `<img src="file:///etc/passwd">` },
  { id: 'file-link', origin: 'Obsidian CVE-2023-2110', html: `<a href="file:///etc/passwd">local file</a>` },
  { id: 'app-link', origin: 'Obsidian CVE-2023-2110', html: `<a href="app://dossier/../../etc/passwd">app file</a>` },
  // Mutation XSS: markup that changes meaning when serialized and parsed again.
  { id: 'mxss-svg-style', origin: 'mXSS, svg namespace confusion', html: `<svg></p><style><a id="</style><img src=1 onerror=${run('mxss-svg-style')}>">` },
  { id: 'mxss-math-mglyph', origin: 'mXSS, DOMPurify 2.0.17 bypass', html: `<math><mtext><table><mglyph><style><img src=x onerror="${run('mxss-math-mglyph')}">` },
  { id: 'mxss-form-math', origin: 'mXSS, nested forms', html: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${run('mxss-form-math')}>` },
  { id: 'mxss-svg-foreign', origin: 'mXSS, foreignObject', html: `<svg><foreignObject><p><style><img src=x onerror="${run('mxss-svg-foreign')}"></style></p></foreignObject></svg>` },
  { id: 'mxss-math-href', origin: 'mXSS, math href', html: `<math href="javascript:${run('mxss-math-href')}"><mi>click</mi></math>` },
  // Parser differentials: comments.
  { id: 'comment-short', origin: 'parser differential, comment', html: `<!--><img src=x onerror="${run('comment-short')}">-->` },
  { id: 'comment-bang', origin: 'parser differential, comment', html: `<!-- --!><img src=x onerror="${run('comment-bang')}"> -->` },
  { id: 'comment-in-attr', origin: 'parser differential, comment', html: `<img alt="<!--" src=x onerror="${run('comment-in-attr')}">-->` },
  // Parser differentials: `<` followed by something other than a letter.
  { id: 'lt-lt', origin: 'parser differential, < + non-letter', html: `<<img src=x onerror="${run('lt-lt')}">` },
  { id: 'lt-slash-space', origin: 'parser differential, < + non-letter', html: `</ img src=x onerror="${run('lt-slash-space')}">` },
  { id: 'lt-bang', origin: 'parser differential, < + non-letter', html: `<!img src=x onerror="${run('lt-bang')}">` },
  { id: 'lt-question', origin: 'parser differential, < + non-letter', html: `<?xml version="1.0"?><img src=x onerror="${run('lt-question')}">` },
  { id: 'lt-digit', origin: 'parser differential, < + non-letter', html: `</3 <img src=x onerror="${run('lt-digit')}">` },
  // Template and raw-text elements.
  { id: 'template', origin: 'template contents', html: `<template><img src=x onerror="${run('template')}"></template>` },
  { id: 'template-script', origin: 'template contents', html: `<template><script>${run('template-script')}</script></template>` },
  { id: 'xmp', origin: 'raw text element', html: `<xmp><img src=x onerror="${run('xmp')}"></xmp>` },
  { id: 'title-raw', origin: 'raw text element', html: `<title><img src=x onerror="${run('title-raw')}"></title>` },
  { id: 'textarea-raw', origin: 'raw text element', html: `<textarea></textarea><img src=x onerror="${run('textarea-raw')}">` },
  // The classics every sanitizer must handle.
  { id: 'script', origin: 'classic', html: `<script>${run('script')}</script>` },
  { id: 'script-alert', origin: 'classic', html: `<script>alert('script-alert')</script>` },
  { id: 'svg-onload', origin: 'classic', html: `<svg onload="${run('svg-onload')}"></svg>` },
  { id: 'details-ontoggle', origin: 'classic', html: `<details open ontoggle="${run('details-ontoggle')}"><summary>more</summary></details>` },
  { id: 'javascript-link', origin: 'classic', html: `<a href="javascript:${run('javascript-link')}">read more</a>` },
  { id: 'javascript-link-obfuscated', origin: 'classic', html: `<a href=" jAvAsCrIpT&#58;${run('javascript-link-obfuscated')}">read more</a>` },
  { id: 'data-link', origin: 'classic', html: `<a href="data:text/html,<script>${run('data-link')}</script>">data link</a>` },
  { id: 'input-autofocus', origin: 'classic', html: `<input autofocus onfocus="${run('input-autofocus')}">` },
  { id: 'video-source', origin: 'classic', html: `<video><source onerror="${run('video-source')}"></video>` },
  { id: 'body-onload', origin: 'classic', html: `<body onload="${run('body-onload')}">` },
  { id: 'meta-refresh', origin: 'classic', html: `<meta http-equiv="refresh" content="0;url=javascript:${run('meta-refresh')}">` },
  // Remote loads: a tracking pixel, a stylesheet, a base that re-points relative links, a form.
  { id: 'remote-img', origin: 'remote content', html: `<img src="https://${EVIL_HOST}/pixel.gif">` },
  { id: 'remote-css', origin: 'remote content', html: `<link rel="stylesheet" href="https://${EVIL_HOST}/x.css"><style>@import 'https://${EVIL_HOST}/y.css';</style>` },
  { id: 'remote-style-attr', origin: 'remote content', html: `<div style="background:url(https://${EVIL_HOST}/bg.png)">styled</div>` },
  { id: 'base-href', origin: 'remote content', html: `<base href="https://${EVIL_HOST}/"><a href="relative">relative link</a>` },
  { id: 'form-action', origin: 'remote content', html: `<form action="https://${EVIL_HOST}/steal"><button>Send</button></form>` }
]

/** Markdown's own ways in: links, images and autolinks with dangerous targets, and raw HTML. */
export const HOSTILE_MARKDOWN: readonly HostilePayload[] = [
  { id: 'md-javascript-link', origin: 'Markdown link', html: `[read more](javascript:${run('md-javascript-link')})` },
  { id: 'md-javascript-autolink', origin: 'Markdown autolink', html: `<javascript:${run('md-javascript-autolink')}>` },
  { id: 'md-reference-link', origin: 'Markdown reference link', html: `[ref][evil]\n\n[evil]: javascript:${run('md-reference-link')}` },
  { id: 'md-remote-image', origin: 'Markdown image', html: `![pixel](https://${EVIL_HOST}/pixel.gif)` },
  { id: 'md-file-image', origin: 'Obsidian CVE-2023-2110', html: `![passwd](file:///etc/passwd)` },
  { id: 'md-app-link', origin: 'Obsidian CVE-2023-2110', html: `[app](app://dossier/../../etc/passwd)` },
  { id: 'md-data-link', origin: 'Markdown link', html: `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)` },
  { id: 'md-raw-html', origin: 'Markdown raw HTML', html: `<div onclick="${run('md-raw-html')}">click</div>` },
  { id: 'md-raw-img', origin: 'Markdown raw HTML', html: `Inline <img src=x onerror="${run('md-raw-img')}"> image` },
  { id: 'md-html-block-script', origin: 'Markdown raw HTML', html: `<script>\n${run('md-html-block-script')}\n</script>` }
]

/** Short strings for fields with a length limit or no spaces: titles, tags, labels, queries. */
export const HOSTILE_SHORT: readonly string[] = [
  `<img src=x onerror="${run('short-img')}">`,
  `<img/src/onerror=${run('short-img-tag')}>`,
  `</pre><style onload="${run('short-style')}"></style>`,
  `<svg onload=${run('short-svg')}>`,
  `<script>${run('short-script')}</script>`,
  `javascript:${run('short-js-url')}`,
  `"><img src=x onerror=${run('short-attr-break')}>`,
  `<a href="javascript:${run('short-link')}">x</a>`,
  `[x](javascript:${run('short-md-link')})`,
  `{{constructor.constructor('${run('short-template')}')()}}`,
  `<!--><img src=x onerror=${run('short-comment')}>-->`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run('short-mxss')}>`
]

/** One HTML page holding every payload, each in its own paragraph so extraction keeps the text around it. */
export function hostilePage(payloads: readonly HostilePayload[] = HOSTILE_HTML, title = 'Hostile brief', subject = 'the hostile brief'): string {
  const body = payloads
    .map((p, i) => `<p>Paragraph ${i + 1} of ${subject} (${p.id}) has enough ordinary words to count as article text.</p>\n${p.html}`)
    .join('\n')
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${body}\n</article></body></html>`
}

/** One Markdown file holding every Markdown payload and every HTML one. */
export function hostileMarkdown(): string {
  const parts = [...HOSTILE_MARKDOWN, ...HOSTILE_HTML].map((p) => `Paragraph about ${p.id}.\n\n${p.html}`)
  return `# Hostile notes\n\n${parts.join('\n\n')}\n`
}

/** One plain-text file with every payload on its own line. */
export function hostileText(): string {
  return ['Hostile plain text', '', ...[...HOSTILE_HTML, ...HOSTILE_MARKDOWN].map((p) => `${p.id}: ${p.html.replaceAll('\n', ' ')}`), ...HOSTILE_SHORT].join('\n')
}

/**
 * Export templates that try to reach JavaScript through Handlebars: the published constructor
 * chain that ran code in Handlebars before 4.6, and plain prototype access.
 */
export const HOSTILE_TEMPLATES: readonly { id: string; template: string }[] = [
  {
    id: 'handlebars-constructor-chain',
    template: [
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}',
      '{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}',
      `{{this.push "globalThis.${SENTINEL} = 'handlebars-constructor-chain'; return 1;"}}{{this.pop}}`,
      '{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}'
    ].join('\n')
  },
  { id: 'handlebars-constructor-call', template: `{{#with this}}{{constructor.constructor "globalThis.${SENTINEL}='handlebars-constructor-call'"}}{{/with}}` },
  { id: 'handlebars-lookup-proto', template: '{{lookup this "__proto__"}}{{lookup (lookup this "constructor") "prototype"}}' },
  { id: 'handlebars-each-proto', template: '{{#each this.__proto__}}{{@key}}{{/each}}{{#each this.constructor.prototype}}{{@key}}{{/each}}' },
  { id: 'handlebars-define-getter', template: '{{__defineGetter__ "polluted" this}}{{__lookupGetter__ "polluted"}}' },
  { id: 'handlebars-raw-title', template: '{{{title}}} {{title}} {{> missing}}' }
]
