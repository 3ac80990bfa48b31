// `node scripts/build-gazetteer.mjs`: writes src/shared/entities/gazetteer/places.json, the place
// names the entity extractor looks up in every language. Sources (dev dependencies, so the app
// ships only the compact result):
// - i18n-iso-countries (MIT): ISO 3166-1 country names in ~80 languages, with common variants;
// - cldr-dates-full (Unicode-3.0): CLDR's exemplar city of each time zone, translated into every
//   CLDR language: ~400 major cities and capitals.
// Re-run it after upgrading either package; the test beside the gazetteer checks the result.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import nlp from 'compromise'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const out = join(root, 'src', 'shared', 'entities', 'gazetteer', 'places.json')

/** id → set of names */
const places = new Map()
/** id → its English names, which English articles match alone in Latin script ("Israeli" is Swahili for Israel). */
const englishNames = new Map()
const add = (id, name, english = false) => {
  const n = name.normalize('NFC').trim()
  if (n.length < 2) return
  if (!places.has(id)) places.set(id, new Set())
  places.get(id).add(n)
  if (english) {
    if (!englishNames.has(id)) englishNames.set(id, new Set())
    englishNames.get(id).add(n)
  }
}

// Countries: every language, every listed variant.
const langDir = join(modules, 'i18n-iso-countries', 'langs')
// English first: a place's first name is the one the index shows.
for (const file of readdirSync(langDir).sort((a, b) => (a === 'en.json' ? -1 : b === 'en.json' ? 1 : a.localeCompare(b)))) {
  const { countries } = JSON.parse(readFileSync(join(langDir, file), 'utf8'))
  for (const [code, listed] of Object.entries(countries)) {
    let names = Array.isArray(listed) ? listed : [listed]
    // The index shows the first name: in English the shortest usual one ("Russia", not "Russian Federation").
    const odd = (n) => n.length < 4 || n.includes('.')
    if (file === 'en.json') names = [...names].sort((a, b) => odd(a) - odd(b) || a.split(' ').length - b.split(' ').length)
    for (const name of names) {
      // Short names collide with words in other languages; only English initials ("UK", "UAE") stay.
      if (name.length < 4 && file !== 'en.json') continue
      // Names with brackets or commas ("Korea, Republic of") never appear as such in prose.
      if (/[(),]/.test(name)) continue
      add(`country:${code}`, name, file === 'en.json')
    }
  }
}

// Cities: CLDR exemplar cities. Zones whose exemplar is no city a reporter would name as a place
// (Antarctic stations named after people, U.S. county seats such as "Center" or "Knox") are left
// out, and so is any English name that is also an everyday English word or a person's name.
const SKIP_ZONES = /^(Antarctica|Etc|America\/(Indiana|Kentucky|North_Dakota))\//
const cldrDir = join(modules, 'cldr-dates-full', 'main')
const locales = readdirSync(cldrDir).filter((l) => !l.includes('-')).sort()
const zonesOf = (locale) => {
  const file = join(cldrDir, locale, 'timeZoneNames.json')
  if (!existsSync(file)) return []
  const zone = JSON.parse(readFileSync(file, 'utf8')).main[locale].dates.timeZoneNames.zone
  const found = []
  const walk = (node, path) => {
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === 'object') {
        if (typeof value.exemplarCity === 'string') found.push([[...path, key].join('/'), value.exemplarCity])
        walk(value, [...path, key])
      }
    }
  }
  walk(zone, [])
  return found
}
// CLDR leaves a locale's exemplar out where it equals the zone id's last part ("Europe/Moscow"):
// every zone any locale names, with its English name from the id when English has none.
const byLocale = new Map(locales.map((l) => [l, zonesOf(l)]))
const english = new Map()
for (const zones of byLocale.values()) for (const [id] of zones) english.set(id, id.split('/').pop().replaceAll('_', ' '))
for (const [id, name] of byLocale.get('en')) english.set(id, name)
const lexicon = nlp.model().one.lexicon
const PLACE_TAGS = new Set(['City', 'Country', 'Place', 'Region'])
const NAME_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName'])
const tagsOf = (word) => [lexicon[word.toLowerCase()] ?? []].flat()
const ambiguous = (name) => {
  if (name.includes(',')) return true
  // A one-word name compromise knows as an everyday word ("Resolute", "Christmas"). Names that are
  // also people's names ("Sydney", "Darwin") stay: the extractor refuses a place fused to another
  // capitalised word ("Charles Darwin").
  if (name.includes(' ')) return false
  const tags = tagsOf(name)
  return tags.length > 0 && !tags.some((t) => PLACE_TAGS.has(t) || NAME_TAGS.has(t))
}
const skipped = new Set()
for (const [id, name] of english) if (SKIP_ZONES.test(id) || ambiguous(name)) skipped.add(id)
for (const [id, name] of english) if (!skipped.has(id)) add(`city:${name}`, name, true)
for (const locale of locales) {
  for (const [id, name] of byLocale.get(locale)) {
    if (!english.has(id) || skipped.has(id) || name.includes(',')) continue
    add(`city:${english.get(id)}`, name)
  }
}

// One row per place: [id, number of English names, English names..., other names...].
const rows = [...places].map(([id, names]) => {
  const en = [...(englishNames.get(id) ?? [])]
  return [id, en.length, ...en, ...[...names].filter((n) => !englishNames.get(id)?.has(n))]
})
writeFileSync(out, `${JSON.stringify(rows)}\n`)
console.log(`wrote ${rows.length} places, ${rows.reduce((n, r) => n + r.length - 1, 0)} names to ${out}`)
console.log(`left out: ${[...skipped].map((id) => english.get(id)).join(', ')}`)
