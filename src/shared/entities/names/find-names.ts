import nlp from 'compromise'
import type { Gazetteer } from '../gazetteer/gazetteer'
import type { EntityType, Mention, MentionOrigin } from '../types'
import { type Chain, findChains, isAllCaps, isCapitalised, isPossessive } from './chains'
import { type Token, tokensByPattern, tokensWithCompromise } from './tokens'
import {
  FOREIGN_ORG_WORDS, FOREIGN_TITLES, NOT_ACRONYMS, ORG_HEADS, ORG_SUFFIXES, PERSON_VERBS, PLACE_HEADS,
  PLACE_PREPOSITIONS, PLACE_SUFFIXES, SENTENCE_WORDS, TITLE_MODIFIERS, TITLE_WORDS
} from './word-lists'

export interface NameOptions {
  /** English: compromise tags the words and its judgement is the first evidence. */
  english: boolean
  gazetteer: Gazetteer
}

/** A name the rules found, before the article-wide pass settles aliases and untyped names. */
interface Candidate {
  start: number
  end: number
  type: EntityType | null
  origin: MentionOrigin
  name: string
  role?: string
  tokens: Token[]
}

const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon
const lexiconTags = (word: string): string[] => [lexicon[word.toLowerCase()] ?? []].flat()
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName'])
const NAME_TAGS = new Set([...FIRST_NAME_TAGS, 'LastName', 'Person', 'ProperNoun'])
const isKnownFirstName = (word: string): boolean => lexiconTags(word).some((t) => FIRST_NAME_TAGS.has(t))

/**
 * People, organisations and places in one article. English starts from compromise's tags; every
 * language gets datelines, the gazetteer, organisation words, titles and acronyms defined in the
 * text; the article-wide pass then gives "Kaya" the type and name of "Ömer Faruk Kaya" and every
 * "FIOD" the long form it was defined with.
 */
export function findNames(text: string, options: NameOptions): Mention[] {
  const tokens = options.english ? tokensWithCompromise(text) : tokensByPattern(text)
  const index = new Map(tokens.map((t, i) => [t, i]))
  const candidates: Candidate[] = []
  const used = new Set<number>()

  for (const c of datelines(tokens, options.gazetteer, options.english)) {
    candidates.push(c)
    for (const t of c.tokens) used.add(index.get(t)!)
  }
  const lowerWords = new Set(tokens.filter((t) => !isCapitalised(t.text)).map((t) => t.text))
  for (const chain of findChains(tokens, used)) {
    for (const piece of splitChain(chain, options, lowerWords)) {
      const candidate = classify(piece, tokens, index, text, options, lowerWords)
      if (candidate) candidates.push(candidate)
    }
  }
  const acronyms = defineAcronyms(candidates, text)
  // "Israeli" is Israel's name in Swahili, but an adjective in an English sentence.
  const adjectives = new Set(tokens.filter((t) => t.tags.has('Adjective') || t.tags.has('Demonym')).map((t) => t.start))
  return settle(candidates, acronyms, text, options, adjectives)
}

/** "KINSHASA —", "MOSCOW, March 3 (Reuters) -": a block opening with a place in capitals. */
function datelines(tokens: Token[], gazetteer: Gazetteer, english: boolean): Candidate[] {
  const found: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!
    if (!(i === 0 || first.pre.includes('\n')) || !isAllCaps(first.text) || first.text.length < 3) continue
    let j = i
    while (j + 1 < tokens.length && /^[ -]$/.test(tokens[j]!.post) && isAllCaps(tokens[j + 1]!.text)) j++
    const after = tokens[j]!.post
    if (!/^\s*(?:[—–-]|,|\()/.test(after)) continue
    // A comma must lead on to a dash on the same line: "MOSCOW, March 3 —", not "NATO, the…".
    if (after.trim().startsWith(',')) {
      const line = tokens.slice(j + 1, j + 8).map((t) => t.pre + t.text).join('')
      if (!/[—–]| - /.test(line.split('\n')[0]!)) continue
    }
    const span = tokens.slice(i, j + 1)
    const raw = span.map((t, k) => t.text + (k < span.length - 1 ? t.post : '')).join('')
    const titled = raw.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    const place = gazetteer.lookup(titled, english) ?? gazetteer.lookup(raw, english)
    found.push({ start: first.start, end: tokens[j]!.end, type: 'place', origin: place ? 'gazetteer' : 'rule', name: place?.name ?? titled, tokens: span })
  }
  return found
}

/**
 * A run crosses "of" only after a word that takes one ("Ministry of…", "Gulf of…"), and "and"
 * only inside an organisation's name ("…Information and Investigation Service"); otherwise it is
 * split there. A capitalised sentence opener that is an ordinary word is dropped ("However",
 * "The", "Selon").
 */
function splitChain(chain: Chain, options: NameOptions, lowerWords: ReadonlySet<string>): Token[][] {
  const toks = chain.tokens
  const words = toks.map((t) => t.text.toLowerCase().replace(/\.$/, ''))
  const last = words[words.length - 1]!
  const hyphenated = (k: number): boolean => toks[k - 1]!.post === '-'
  const pieces: Token[][] = []
  let current: Token[] = []
  const orgName = ORG_SUFFIXES.has(last) || words.includes('&')
  for (let k = 0; k < toks.length; k++) {
    if (!chain.connectors.has(k)) {
      current.push(toks[k]!)
      continue
    }
    const word = words[k]!
    const before = words.slice(0, k).filter((_, n) => !chain.connectors.has(n))
    const head = before[before.length - 1] ?? ''
    const keep =
      hyphenated(k) ||
      ((word === 'of' || word === 'for' || (word === 'the' && (words[k - 1] === 'of' || words[k - 1] === 'for'))) &&
        (ORG_HEADS.has(head) || PLACE_HEADS.has(head) || ORG_SUFFIXES.has(head))) ||
      ((word === 'and' || word === '&') && orgName && andInsideName(words, toks, k, chain)) ||
      (word !== 'of' && word !== 'for' && word !== 'and' && word !== 'the' && word !== 'on' && word !== 'upon') ||
      (word === 'the' && chain.connectors.has(k - 1) && current.length > 0 && pieces.length === 0 && toks[k - 1] === current[current.length - 1])
    if (keep) current.push(toks[k]!)
    else {
      if (current.length) pieces.push(current)
      current = []
      // "of the": skip the article with its preposition.
      if (chain.connectors.has(k + 1) && words[k + 1] === 'the') k++
    }
  }
  if (current.length) pieces.push(current)
  return pieces.map((p) => trimPiece(p, options, lowerWords)).filter((p) => p.length > 0)
}

/** "Fiscal Information and Investigation Service" is one name; "NATO and the European Union" two. */
function andInsideName(words: string[], toks: Token[], k: number, chain: Chain): boolean {
  if (words[k + 1] === 'the' || words[k + 1] === 'a') return false
  const left = words[k - 1] ?? ''
  return !ORG_SUFFIXES.has(left) && !isAllCaps(toks[k - 1]!.text) && !chain.connectors.has(k - 1)
}

function trimPiece(piece: Token[], options: NameOptions, lowerWords: ReadonlySet<string>): Token[] {
  let p = piece
  // Connectors never open or close a name.
  while (p.length && !isCapitalised(p[0]!.text)) p = p.slice(1)
  while (p.length && !isCapitalised(p[p.length - 1]!.text)) p = p.slice(0, -1)
  if (!p.length) return p
  const first = p[0]!
  const lower = first.text.toLowerCase()
  if (lower === 'the' || lower === 'a' || lower === 'an') return trimPiece(p.slice(1), options, lowerWords)
  if (first.sentenceStart && !isAllCaps(first.text)) {
    const ordinary = options.english
      ? ['Verb', 'Adverb', 'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Plural', 'QuestionWord', 'Adjective', 'Value', 'Date', 'Month', 'WeekDay'].some((tag) => first.tags.has(tag)) &&
        !['Person', 'Place', 'Organization'].some((tag) => first.tags.has(tag))
      : SENTENCE_WORDS.has(lower)
    if (ordinary || (lowerWords.has(lower) && !TITLE_WORDS.has(lower))) return p.slice(1).length && isCapitalised(p[1]!.text) ? p.slice(1) : []
  }
  return p
}

function classify(piece: Token[], tokens: Token[], index: Map<Token, number>, text: string, options: NameOptions, lowerWords: ReadonlySet<string>): Candidate | null {
  let toks = piece
  let end = toks[toks.length - 1]!.end
  const lastText = toks[toks.length - 1]!.text
  if (isPossessive(lastText)) end -= lastText.endsWith('s') ? 2 : 1
  const start = toks[0]!.start
  const words = toks.map((t) => t.text.toLowerCase().replace(/(?:['’]s|['’])$/, '').replace(/\.$/, ''))
  const last = words[words.length - 1]!
  const span = text.slice(start, end)
  const before = tokens[index.get(toks[0]!)! - 1]
  const after = tokens[index.get(toks[toks.length - 1]!)! + 1]
  const ofHead = words.findIndex((w, k) => (w === 'of' || w === 'for') && k > 0)
  const headWord = ofHead > 0 ? words[ofHead - 1]! : ''
  const base = { start, end, tokens: toks }

  // Months and weekdays are capitalised but never names ("in March").
  const dateWord = ['Date', 'Month', 'WeekDay', 'Value', 'Holiday'].some((tag) => toks[0]!.tags.has(tag)) || MONTHS.test(span)
  if (toks.length === 1 && dateWord) return null

  // Titles: "Deputy Minister Ömer Faruk Kaya" is Ömer Faruk Kaya, whose role is Deputy Minister.
  let t = 0
  while (t < toks.length - 1 && TITLE_WORDS.has(words[t]!)) t++
  if (t > 0 && !TITLE_MODIFIERS.has(words[t - 1]!) && !ORG_SUFFIXES.has(last) && !PLACE_SUFFIXES.has(last) && ofHead < 0) {
    toks = toks.slice(t)
    const nameStart = toks[0]!.start
    return { ...base, start: nameStart, tokens: toks, type: 'person', origin: 'rule', name: text.slice(nameStart, end), role: text.slice(start, piece[t - 1]!.end + (piece[t - 1]!.post.startsWith('.') ? 1 : 0)) }
  }
  // A title after an institution's name: "Senate Majority Leader John Thune".
  const lastTitle = words.findLastIndex((w, k) => k > 0 && k < toks.length - 1 && TITLE_WORDS.has(w) && !TITLE_MODIFIERS.has(w))
  if (lastTitle > 0 && ofHead < 0 && !ORG_SUFFIXES.has(last)) {
    const rest = toks.slice(lastTitle + 1)
    const personLike = rest.length <= 3 && (rest.length >= 2 || rest.some((x) => x.tags.has('Person'))) && rest.every((x) => !isAllCaps(x.text))
    if (personLike) {
      const nameStart = rest[0]!.start
      return { ...base, start: nameStart, tokens: rest, type: 'person', origin: 'rule', name: text.slice(nameStart, end), role: text.slice(start, toks[lastTitle]!.end) }
    }
  }
  // A lower-case title just before: "said deputy minister Kaya", "le ministre Lavrov".
  const lowerTitle = precedingTitle(tokens, index.get(toks[0]!)!, options.english)

  if (ORG_SUFFIXES.has(last) || words.includes('&') || (ofHead > 0 && (ORG_HEADS.has(headWord) || ORG_SUFFIXES.has(headWord)))) {
    const place = options.gazetteer.lookup(span, options.english)
    if (place) return { ...base, type: 'place', origin: 'gazetteer', name: place.name }
    return { ...base, type: 'org', origin: 'rule', name: span }
  }
  const place = options.gazetteer.lookup(span, options.english)
  if (place) return { ...base, type: 'place', origin: 'gazetteer', name: place.name }
  if (PLACE_SUFFIXES.has(last) || (ofHead > 0 && PLACE_HEADS.has(headWord)) || hyphenatedPlace(toks)) {
    return { ...base, type: 'place', origin: 'rule', name: span }
  }
  if (lowerTitle) return { ...base, type: 'person', origin: 'rule', name: span, role: lowerTitle }

  // Capitals alone are an organisation's initials ("FIOD", "M23"), never a person, whatever the tagger says.
  if (toks.length === 1 && isAllCaps(toks[0]!.text) && /^\p{Lu}[\p{Lu}\p{N}&-]{1,6}$/u.test(toks[0]!.text) && !NOT_ACRONYMS.has(words[0]!)) {
    return { ...base, type: 'org', origin: 'rule', name: span }
  }
  if (options.english) {
    const has = (tag: string) => toks.some((x) => x.tags.has(tag))
    if (has('Organization')) return { ...base, type: 'org', origin: 'library', name: span }
    if (has('Person') && !toks.every((x) => x.tags.has('Place'))) return { ...base, type: 'person', origin: 'library', name: span }
    if (has('Place')) return { ...base, type: 'place', origin: 'library', name: span }
  } else if (toks.some((x) => FOREIGN_ORG_WORDS.has(x.text.toLowerCase()))) {
    return { ...base, type: 'org', origin: 'rule', name: span }
  }
  const afterWord = after?.text.toLowerCase() ?? ''
  const saysPerson = (after && /^ $/.test(toks[toks.length - 1]!.post) && PERSON_VERBS.has(afterWord)) || /^,\s*(?:who|aged|\d{2},)/.test(text.slice(end, end + 12))
  const properWords = toks.every((x) => isCapitalised(x.text) && !isAllCaps(x.text)) && toks.length >= 2 && toks.length <= 4
  if (properWords && (saysPerson || isKnownFirstName(toks[0]!.text) || (!options.english && /\p{Script=Cyrillic}/u.test(span) && toks.length <= 3))) {
    return { ...base, type: 'person', origin: 'rule', name: span }
  }
  // Two or three title-case words that no dictionary knows ("Rafał Trzaskowski"), in the middle
  // of a sentence: in news, a person. Any word the lexicon or the article itself uses as an
  // ordinary word ("Golden Reef", "Nordic Dawn") keeps the run unnamed.
  if (
    properWords &&
    toks.length <= 3 &&
    !toks[0]!.sentenceStart &&
    toks.every((x) => !lexiconTags(x.text).some((tag) => !NAME_TAGS.has(tag)) && !lowerWords.has(x.text.toLowerCase()) && !x.tags.has('Place') && !x.tags.has('Organization'))
  ) {
    return { ...base, type: 'person', origin: 'rule', name: span }
  }
  if (toks.length === 1 && before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && /^ $/.test(before.post) && !saysPerson && !dateWord && options.english) {
    return { ...base, type: 'place', origin: 'rule', name: span }
  }
  // Unknown for now: the article-wide pass may recognise it as an alias of a typed name.
  return { ...base, type: null, origin: 'rule', name: span }
}

function precedingTitle(tokens: Token[], at: number, english: boolean): string | undefined {
  let k = at - 1
  const words: Token[] = []
  while (k >= 0 && /^ $/.test(tokens[k]!.post) && !isCapitalised(tokens[k]!.text)) {
    const w = tokens[k]!.text.toLowerCase()
    if (!(english ? TITLE_WORDS.has(w) : FOREIGN_TITLES.has(w) || TITLE_WORDS.has(w))) break
    words.unshift(tokens[k]!)
    k--
  }
  if (!words.length) return undefined
  const last = words[words.length - 1]!.text.toLowerCase()
  return TITLE_MODIFIERS.has(last) ? undefined : words.map((w) => w.text).join(' ')
}

/** "Rostov-on-Don", "Stratford-upon-Avon", "Frankfurt-am-Main": capitalised ends, lower-case middle. */
function hyphenatedPlace(toks: Token[]): boolean {
  return toks.length >= 3 && toks.slice(0, -1).every((t) => t.post === '-') && toks.slice(1, -1).every((t) => !isCapitalised(t.text))
}

/**
 * "Fiscal Information and Investigation Service (FIOD)", "…, known by its Dutch initials FIOD",
 * "FIOD (Fiscal Information and Investigation Service)": the acronym names the same organisation.
 */
function defineAcronyms(candidates: Candidate[], text: string): Map<string, Candidate> {
  const acronyms = new Map<string, Candidate>()
  for (const c of candidates) {
    if (c.type === 'person' || c.tokens.length < 2) continue
    const rest = text.slice(c.end, c.end + 80)
    const m = /^\s*(?:\(\s*|,?\s*(?:also\s+)?(?:known|referred to|abbreviated)\s+(?:as|by)\s+(?:its|their|the)?\s*(?:[\p{L}]+\s+){0,2}?(?:initials|acronym|abbreviation)?\s*)["“«]?(\p{Lu}[\p{Lu}\p{N}&-]{1,9})\b/u.exec(rest)
    // Brackets need the letters to fit; "known by its Dutch initials FIOD" says so itself.
    if (!m || (m[0].trimStart().startsWith('(') && !acronymFits(m[1]!, c.name))) continue
    c.type ??= 'org'
    acronyms.set(m[1]!, c)
  }
  // The reverse form: an acronym followed by its long form in brackets.
  for (const c of candidates) {
    if (c.tokens.length !== 1 || !isAllCaps(c.name)) continue
    const rest = text.slice(c.end, c.end + 120)
    const m = /^\s*\(([^()]{5,100})\)/.exec(rest)
    if (!m) continue
    const long = candidates.find((o) => o.start === c.end + m[0].indexOf(m[1]!) && o.tokens.length >= 2)
    if (long && acronymFits(c.name, long.name)) {
      long.type ??= 'org'
      acronyms.set(c.name, long)
    }
  }
  return acronyms
}

/** The acronym's letters appear, in order, among the initials of the long form's words. */
function acronymFits(acronym: string, long: string): boolean {
  const initials = long.split(/[\s-]+/).map((w) => w[0]?.toUpperCase() ?? '').join('')
  let k = 0
  for (const ch of initials) if (ch === acronym[k]) k++
  // Allow one letter taken from inside a word (the "O" of FIOD from "Opsporingsdienst").
  return k >= acronym.replace(/[^\p{Lu}]/gu, '').length - 1 && k >= 2
}

/**
 * The article-wide pass: an acronym takes its long form; a lone name that ends or repeats a typed
 * name takes its type and full name ("Kaya" after "Ömer Faruk Kaya"); places the gazetteer knows
 * are added where no name covers them; names still untyped are dropped.
 */
function settle(candidates: Candidate[], acronyms: Map<string, Candidate>, text: string, { gazetteer, english }: NameOptions, adjectives: ReadonlySet<number>): Mention[] {
  const typed = candidates.filter((c) => c.type !== null)
  const bySurname = new Map<string, Candidate | null>()
  const byText = new Map<string, Candidate>()
  for (const c of typed) {
    const key = c.name
    if (!byText.has(key)) byText.set(key, c)
    if (c.type === 'person' && c.tokens.length >= 2) {
      const surname = c.name.split(/\s+/).pop()!
      const prior = bySurname.get(surname)
      bySurname.set(surname, prior === undefined || prior?.name === c.name ? c : null)
    }
  }
  const mentions: Mention[] = []
  for (const c of candidates) {
    const acronym = acronyms.get(c.name)
    if (acronym && c.tokens.length === 1) {
      mentions.push(toMention(c, text, 'org', 'rule', acronym.name))
      continue
    }
    if (c.type !== null) {
      const alias = c.type === 'person' && c.tokens.length === 1 ? bySurname.get(c.name) : undefined
      mentions.push(toMention(c, text, c.type, c.origin, alias ? alias.name : c.name, c.role))
      continue
    }
    const surnameOf = bySurname.get(c.name)
    if (surnameOf) {
      mentions.push(toMention(c, text, 'person', 'rule', surnameOf.name))
      continue
    }
    const same = byText.get(c.name)
    if (same) mentions.push(toMention(c, text, same.type!, 'rule', same.name))
  }
  // Gazetteer places: where no name was found, or inside an untyped one-word name.
  const covered = candidates.filter((c) => c.type !== null || c.tokens.length > 1)
  for (const m of gazetteer.find(text, english)) {
    if (covered.some((c) => m.start < c.end && c.start < m.end) || adjectives.has(m.start)) continue
    if (mentions.some((x) => m.start < x.end && x.start < m.end)) continue
    mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), type: 'place', origin: 'gazetteer', name: m.place.name })
  }
  return mentions.sort((a, b) => a.start - b.start)
}

function toMention(c: Candidate, text: string, type: EntityType, origin: MentionOrigin, name: string, role?: string): Mention {
  const mention: Mention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type, origin, name: name.replace(/\s+/g, ' ') }
  if (role) mention.role = role
  return mention
}
