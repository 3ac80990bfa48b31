/**
 * A seeded, deterministic corpus for the import benchmark: news pages wrapped in the chrome real
 * sites carry, and scraped text files shaped like /work/shared/samples. Every page records which
 * sentences are its body and which lines are chrome, so extraction quality can be counted.
 */

export interface HtmlCase {
  name: string
  html: string
  /** Sentences of the story: each must survive extraction. */
  body: string[]
  /** Lines of site chrome: none should be in the kept text. */
  chrome: string[]
}

export interface TextCase {
  name: string
  text: string
}

/** mulberry32: tiny, fast and good enough to vary a corpus; the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'port harbour minister talks pact winter ice fleet crew cargo grain tanker insurer premium rota ' +
  'agreement signatory vessel escort schedule decade analysts government ministry budget sanctions ' +
  'pipeline energy market price inflation border security council defence alliance treaty summit ' +
  'coalition parliament vote reform election campaign opposition region province capital city ' +
  'negotiators officials spokesman statement report survey data forecast outlook growth decline ' +
  'shipping route canal terminal operator authority regulator court ruling appeal investors bank ' +
  'currency exports imports tariff quota farmers fishermen workers union strike wages pension ' +
  'hospital school water power grid storm drought harvest season morning evening week month year ' +
  'quietly sharply slowly openly rarely broadly largely nearly roughly firmly again still already ' +
  'new old large small northern southern eastern western coastal rural urban key major minor'
).split(' ')

const NAMES = ['Mira Kalnins', 'Andris Ozols', 'Laura Berzina', 'Jonas Petraitis', 'Eva Tamm', 'Piotr Nowak', 'Karin Lind']
const SITES = ['The Daily Test', 'Baltic Ledger', 'Harbour Review', 'Northern Wire']

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!
}

function sentence(rnd: () => number, min = 9, max = 24): string {
  const n = min + Math.floor(rnd() * (max - min))
  const words = Array.from({ length: n }, () => pick(rnd, WORDS))
  // A number makes each sentence distinctive, so "kept" is never satisfied by another sentence.
  words.splice(1 + Math.floor(rnd() * (n - 2)), 0, String(Math.floor(rnd() * 1_000_000)))
  const text = words.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

function headline(rnd: () => number): string {
  const s = sentence(rnd, 5, 9).slice(0, -1)
  return s.replace(/ \d+/, '')
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Wraps one word of a sentence in inline markup, leaving its text unchanged. */
function inlineMarkup(rnd: () => number, text: string): string {
  const words = text.split(' ')
  const i = 1 + Math.floor(rnd() * (words.length - 2))
  const r = rnd()
  if (r < 0.15) words[i] = `<strong>${words[i]}</strong>`
  else if (r < 0.3) words[i] = `<em>${words[i]}</em>`
  else if (r < 0.4) words[i] = `<a href="https://example.org/${words[i]}">${words[i]}</a>`
  return words.join(' ')
}

export function htmlArticle(index: number, seed = 1): HtmlCase {
  const rnd = random(seed * 100_003 + index)
  const site = pick(rnd, SITES)
  const author = pick(rnd, NAMES)
  const title = headline(rnd)
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0')
  const date = `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${day}T0${Math.floor(rnd() * 9)}:00:00Z`
  const body: string[] = []
  const chrome: string[] = []
  const targetWords = 800 + Math.floor(rnd() * 700)
  const parts: string[] = []
  let words = 0
  let paragraph = 0
  while (words < targetWords) {
    const sentences = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => sentence(rnd))
    body.push(...sentences)
    words += sentences.join(' ').split(' ').length
    parts.push(`<p>${sentences.map((s) => inlineMarkup(rnd, esc(s))).join(' ')}</p>`)
    paragraph++
    if (paragraph % 6 === 0) {
      const sub = headline(rnd)
      body.push(sub)
      parts.push(`<h2>${esc(sub)}</h2>`)
    }
    if (paragraph === 3) {
      const quote = sentence(rnd)
      body.push(quote)
      parts.push(`<blockquote><p>${esc(quote)}</p></blockquote>`)
    }
    if (paragraph === 5) {
      const items = Array.from({ length: 3 }, () => sentence(rnd, 6, 10))
      body.push(...items)
      parts.push(`<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`)
    }
    if (paragraph === 4) {
      const caption = sentence(rnd, 6, 12)
      body.push(caption)
      parts.push(`<figure><img src="https://cdn.example.org/${index}.jpg" alt="photo"><figcaption>${esc(caption)}</figcaption></figure>`)
    }
    if (paragraph === 7) {
      const ad = 'Advertisement'
      parts.push(`<div class="ad-slot" id="ad-${paragraph}"><span>${ad}</span><iframe src="https://ads.example.com/x"></iframe></div>`)
    }
    if (paragraph === 8) {
      const lines = ['Sign up for the Morning Briefing newsletter', 'Get the day’s top stories in your inbox every morning.']
      chrome.push(...lines)
      parts.push(
        `<div class="newsletter-signup"><h3>${lines[0]}</h3><p>${lines[1]}</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>`
      )
    }
  }
  const related = Array.from({ length: 4 }, () => headline(rnd))
  const comments = Array.from({ length: 3 }, () => `Reader comment ${Math.floor(rnd() * 1e6)}: ${sentence(rnd, 6, 12)}`)
  const cookie = 'We use cookies to improve your experience on our site. Accept all cookies'
  const share = ['Share on Facebook', 'Share on X', 'Share by email', 'Copy link']
  const navItems = ['World news', 'Business desk', 'Opinion pages', 'Sport results', 'Culture section']
  const footer = `© 2026 ${site}. All rights reserved. Privacy policy. Terms of use.`
  chrome.push(cookie, ...share, ...related, ...comments, ...navItems, footer, 'Related stories', 'Most read today')
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    author: [{ '@type': 'Person', name: author }],
    datePublished: date,
    publisher: { '@type': 'Organization', name: site },
    url: `https://news.example.com/${index}`,
    inLanguage: 'en-GB'
  }
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(title)} | ${esc(site)}</title>
<meta property="og:title" content="${esc(title)}">
<meta property="og:site_name" content="${esc(site)}">
<meta property="article:published_time" content="${date}">
<meta name="author" content="${esc(author)}">
<link rel="canonical" href="https://news.example.com/${index}">
<link rel="stylesheet" href="/site.css">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<script>window.dataLayer = []; function track(){ return 'tracking' }</script>
<style>.cookie-banner { position: fixed } body { font: 16px serif }</style>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>${cookie}</p><button>Accept</button></div>
<header class="site-header"><a href="/" class="logo">${esc(site)}</a>
<nav class="main-nav"><ul>${navItems.map((n) => `<li><a href="/${n.split(' ')[0]!.toLowerCase()}">${n}</a></li>`).join('')}</ul></nav></header>
<main>
<article class="story">
<h1 class="headline">${esc(title)}</h1>
<p class="byline">By <a rel="author" href="/authors/${index}">${esc(author)}</a> · <time datetime="${date}">${date.slice(0, 10)}</time></p>
<div class="share-bar">${share.map((s) => `<a href="https://share.example.com/?u=${index}">${s}</a>`).join(' ')}</div>
<div class="story-body">
${parts.join('\n')}
</div>
<aside class="related-links"><h2>Related stories</h2><ul>${related.map((r, i) => `<li><a href="/story/${index}-${i}">${esc(r)}</a></li>`).join('')}</ul></aside>
</article>
<section id="comments" class="comments"><h2>Comments (${comments.length})</h2>${comments.map((c) => `<div class="comment"><p>${esc(c)}</p><a href="#reply">Reply</a></div>`).join('')}</section>
</main>
<aside class="sidebar"><h3>Most read today</h3><ol>${related.map((r, i) => `<li><a href="/popular/${i}">${esc(r)} ${i}</a></li>`).join('')}</ol></aside>
<footer class="site-footer"><p>${footer}</p><a href="/privacy">Privacy</a></footer>
<script>track(); document.querySelectorAll('a').forEach(function(a){ a.onclick = track })</script>
</body>
</html>`
  return { name: `article-${String(index).padStart(4, '0')}.html`, html, body, chrome }
}

/** A scraped text file as analysts receive them: headline, empty Date:, body, editorial box, caption, trailing chrome. */
export function textArticle(index: number, seed = 1): TextCase {
  const rnd = random(seed * 200_003 + index)
  const title = headline(rnd)
  const paragraphs: string[] = []
  const count = 10 + Math.floor(rnd() * 10)
  for (let i = 0; i < count; i++) {
    paragraphs.push(Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => sentence(rnd)).join(' '))
    if (i === 2) paragraphs.push('Why We Wrote This', sentence(rnd, 15, 30))
    if (i === 5) paragraphs.push(`${sentence(rnd, 10, 20).slice(0, -1)}, Feb. 13, 2025.`)
    if (i === 7) paragraphs.push(headline(rnd))
  }
  const chrome = ['Source link', 'LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here', 'Share post:', 'Popular', 'More like this', 'Related']
  const text = `${title}\n\nDate:\n\n\n${paragraphs.join('\n\n')}\n\n\n\n${chrome.join('\n\n')}`
  return { name: `scraped-${String(index).padStart(4, '0')}.txt`, text }
}

/** Samples ranks with P(r) ∝ 1/(r+1)^s by binary search over the cumulative weights. */
export function zipf(size: number, s: number, rnd: () => number): () => number {
  const cumulative = new Float64Array(size)
  let total = 0
  for (let r = 0; r < size; r++) {
    total += 1 / Math.pow(r + 1, s)
    cumulative[r] = total
  }
  return () => {
    const x = rnd() * total
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
