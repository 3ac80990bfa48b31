import { describe, expect, it } from 'vitest'
import { documentText, type Block } from '../document/article-document'
import { canonicalText } from '../text/canonical-text'
import { cleanPlainText } from './clean-plain-text'
import {
  FERRY_AFTER_CAPTION,
  FERRY_BODY_PARAGRAPHS,
  FERRY_BOX,
  FERRY_BOX_LABEL,
  FERRY_CAPTION,
  FERRY_CLOSE,
  FERRY_HEADING,
  FERRY_LEAD,
  FERRY_TITLE,
  scrapedFerryArticle
} from './fixtures/scraped-ferry-article'
import { NEWS_HEADING, NEWS_PARAGRAPHS, NEWS_TITLE, newsSiteArticle } from './fixtures/news-site-article'
import { arabicArticle, japaneseArticle, russianArticle } from './fixtures/non-latin-articles'

const kept = (blocks: Block[]) => blocks.filter((b) => !b.removed)
const removedWith = (blocks: Block[], reason: string) => blocks.filter((b) => b.removed?.reason === reason).map((b) => b.text)
const reasons = (blocks: Block[]) => Object.fromEntries(blocks.filter((b) => b.removed).map((b) => [b.text, b.removed!.reason]))

describe('cleanPlainText on a scraped news article', () => {
  const doc = cleanPlainText(scrapedFerryArticle, 'ferries.txt')
  const blocks = doc.document.blocks

  it('finds the title and records it as a removed block', () => {
    expect(doc.title).toBe(FERRY_TITLE)
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: FERRY_TITLE, removed: { reason: 'title' } })
    expect(doc.text.startsWith(FERRY_LEAD[0]!)).toBe(true)
  })

  it('keeps every sentence of the story verbatim, typography included', () => {
    for (const paragraph of FERRY_BODY_PARAGRAPHS) {
      expect(kept(blocks).map((b) => b.text)).toContain(paragraph)
    }
    expect(doc.text).toContain('12\u00a0MWh')
    expect(doc.text).toContain('by 2028… but')
    expect(doc.text).toContain('“never designed for anything like this.”')
  })

  it('drops the empty Date: field as metadata, not text', () => {
    expect(doc.text).not.toContain('Date:')
    expect(removedWith(blocks, 'empty metadata field')).toEqual(['Date:'])
    expect(doc.publishedAt).toBeNull()
  })

  it('marks the editorial box and the photo caption as blocks of their own', () => {
    expect(blocks.filter((b) => b.kind === 'editorial').map((b) => b.text)).toEqual([FERRY_BOX_LABEL, FERRY_BOX])
    expect(blocks.find((b) => b.text === FERRY_CAPTION)).toEqual({ kind: 'caption', text: FERRY_CAPTION })
    expect(blocks.find((b) => b.text === FERRY_AFTER_CAPTION)?.kind).toBe('paragraph')
  })

  it('does not take the date in the caption for the publication date', () => {
    expect(doc.publishedAt).toBeNull()
  })

  it('marks the section heading', () => {
    expect(blocks.find((b) => b.text === FERRY_HEADING)).toEqual({ kind: 'heading', level: 2, text: FERRY_HEADING })
  })

  it('removes the trailing chrome with reasons and keeps the text clean of it', () => {
    expect(reasons(blocks)).toMatchObject({
      'Source link': 'site chrome: source link',
      'LEAVE A REPLY': 'site chrome: comment form',
      'Please enter your comment!\nPlease enter your name here': 'site chrome: comment form',
      'Share post:': 'site chrome: share buttons',
      Popular: 'site chrome: related links',
      'More like this\nRelated1234': 'site chrome: related links'
    })
    expect(doc.text.endsWith(FERRY_CLOSE)).toBe(true)
  })

  it('returns the canonical text of its document, with canonical blocks', () => {
    expect(doc.text).toBe(documentText(doc.document))
    for (const block of blocks) expect(canonicalText(block.text)).toBe(block.text)
  })
})

describe('cleanPlainText on site chrome', () => {
  it('removes a WordPress comment form', () => {
    const doc = cleanPlainText(
      [
        'Harbour fees rise again',
        'The harbour board raised its mooring fees for the third time this year, citing the cost of dredging.',
        'LEAVE A REPLY\nCancel reply',
        'Please enter your comment!',
        'Please enter your name here',
        'You have entered an incorrect email address!\nPlease enter your email address here',
        'Save my name, email, and website in this browser for the next time I comment.',
        'Post Comment'
      ].join('\n\n'),
      'fees.txt'
    )
    expect(doc.text).toBe('The harbour board raised its mooring fees for the third time this year, citing the cost of dredging.')
    const formReasons = doc.document.blocks.filter((b) => b.removed && b.removed.reason !== 'title').map((b) => b.removed!.reason)
    expect(new Set(formReasons)).toEqual(new Set(['site chrome: comment form']))
  })

  it('removes share widgets wherever they sit', () => {
    const doc = cleanPlainText(
      [
        'Grain exports slow at Klaipėda',
        'Share this article\nShare on Facebook\nShare on Twitter',
        'Shipments of grain through Klaipėda fell by a fifth in August, the port said on Monday.',
        'Tweet\nLike\nPin it\nFacebook Twitter LinkedIn Email\n1.2K shares',
        'Traders blamed the drought in the south and the higher insurance premiums for the Baltic route.'
      ].join('\n\n'),
      'grain.txt'
    )
    expect(doc.text).toBe(
      'Shipments of grain through Klaipėda fell by a fifth in August, the port said on Monday.\n\nTraders blamed the drought in the south and the higher insurance premiums for the Baltic route.'
    )
    expect(removedWith(doc.document.blocks, 'site chrome: share buttons')).toEqual([
      'Share this article\nShare on Facebook\nShare on Twitter',
      'Tweet\nLike\nPin it\nFacebook Twitter LinkedIn Email\n1.2K shares'
    ])
  })

  it('cleans a news page: banner, menu, byline, date, ad, newsletter, related links, comments', () => {
    const doc = cleanPlainText(newsSiteArticle, 'riga.txt')
    expect(doc).toMatchObject({
      title: NEWS_TITLE,
      author: 'Anna Bērziņa',
      publishedAt: '2026-09-14',
      dateline: 'RIGA, Latvia'
    })
    const blocks = doc.document.blocks
    expect(kept(blocks).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', NEWS_PARAGRAPHS[0]],
      ['paragraph', NEWS_PARAGRAPHS[1]],
      ['paragraph', NEWS_PARAGRAPHS[2]],
      ['heading', NEWS_HEADING],
      ['paragraph', NEWS_PARAGRAPHS[3]],
      ['list-item', 'Shelters open on 1 December'],
      ['list-item', 'A review is due in March']
    ])
    expect(reasons(blocks)).toMatchObject({
      'We use cookies to personalise content and ads and to analyse our traffic. By using this site you agree to our use of cookies.\nAccept all\nManage preferences':
        'site chrome: cookie banner',
      'Skip to main content\nMenu\nHome › World › Europe\nWorld | Europe | Politics | Business': 'site chrome: navigation',
      'By Anna Bērziņa, Staff writer': 'byline',
      'Published: 14 September 2026': 'publication date',
      Advertisement: 'advertisement',
      'Subscribe to our newsletter\nSign up for the Morning Brief and get the day’s top stories in your inbox.\nEnter your email address\nSign up':
        'site chrome: newsletter prompt',
      'Read more: Tallinn opens its first floating shelter': 'read-more teaser',
      'Related stories\nTallinn tram strike ends\nVilnius budget vote delayed\nHelsinki port reopens': 'site chrome: related links',
      '12 Comments\nJoin the conversation': 'site chrome: comment form',
      '© 2026 Baltic Daily. All rights reserved.': 'site chrome: footer'
    })
  })

  it('removes loading indicators and keeps a real paragraph that follows chrome', () => {
    const doc = cleanPlainText(
      'Ice season starts early\n\nThe first icebreaker left port on Tuesday.\n\nLoading...\n\nSource link\n\nThe icebreaker will escort tankers through the narrowest part of the gulf until April.\n\nMore like this\n\nTanker traffic doubles\n\nWinter fleet ready',
      'ice.txt'
    )
    expect(doc.text).toBe(
      'The first icebreaker left port on Tuesday.\n\nThe icebreaker will escort tankers through the narrowest part of the gulf until April.'
    )
    expect(reasons(doc.document.blocks)).toMatchObject({
      'Loading...': 'loading indicator',
      'Tanker traffic doubles': 'site chrome: related links',
      'Winter fleet ready': 'site chrome: related links'
    })
  })

  it('gives link lines after a lone chrome line a generic reason', () => {
    const doc = cleanPlainText('Ice season\n\nThe first icebreaker left port on Tuesday.\n\nSource link\n\nIce and ports archive', 'ice.txt')
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Ice and ports archive': 'site chrome: trailing links' })
  })

  it('keeps short lines after chrome in the middle of the story', () => {
    const doc = cleanPlainText(
      'Ports and power\n\nThe grid operator has doubled its forecast for harbour demand.\n\nAdvertisement\n\nA slow start\n\nThe first cables will not be laid before next summer, the operator said.',
      'grid.txt'
    )
    expect(kept(doc.document.blocks).map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph'])
  })

  it('never takes an unrecognised line in another script for trailing chrome', () => {
    const doc = cleanPlainText(
      `${russianArticle.title}\n\n${russianArticle.paragraphs.join('\n\n')}\n\nSource link\n\nФото пресс-службы\n\nПорт Усть-Луга`,
      'port.txt'
    )
    expect(doc.text).toContain('Фото пресс-службы')
    expect(doc.text).toContain('Порт Усть-Луга')
    expect(removedWith(doc.document.blocks, 'site chrome: source link')).toEqual(['Source link'])
  })
})

describe('cleanPlainText metadata', () => {
  it('takes the title below menu entries, which go as navigation', () => {
    const doc = cleanPlainText('Europe\nAnalysis\nThe slow return of the Baltic ferry\nBy Mari Tamm\n3 Nov 2026\n\nFerries are back. Mostly.', 'f.txt')
    expect(doc).toMatchObject({ title: 'The slow return of the Baltic ferry', author: 'Mari Tamm', publishedAt: '2026-11-03', text: 'Ferries are back. Mostly.' })
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Europe\nAnalysis': 'site chrome: navigation' })
  })

  it('takes no title from the first line of a hard-wrapped paragraph', () => {
    const doc = cleanPlainText('Notes on the ports\nfirst line is wrapped and\ncontinues here.', 'notes.txt')
    expect(doc).toMatchObject({ title: 'notes', text: 'Notes on the ports\nfirst line is wrapped and\ncontinues here.' })
  })

  const article = (...header: string[]) =>
    cleanPlainText([...header, 'TALLINN, Estonia — Ferry operators met on Monday to discuss the winter timetable.'].join('\n'), 'x.txt')

  it.each([
    ['By Jane Doe, Staff writer', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['By JANE DOE, STAFF WRITER', 'JANE DOE'],
    ['By Jane Doe, John Roe and Mari Tamm', 'Jane Doe, John Roe and Mari Tamm'],
    ['By Jane Doe | Reuters', 'Jane Doe'],
    ['Author: Jane Doe', 'Jane Doe']
  ])('reads the byline %j', (byline, author) => {
    const doc = article('Ferry timetable talks', byline)
    expect(doc.author).toBe(author)
    expect(doc.text).not.toContain(byline)
    expect(removedWith(doc.document.blocks, 'byline')).toEqual([byline])
  })

  it.each([
    ['Published: 14 September 2026', '2026-09-14'],
    ['Feb. 13, 2025', '2025-02-13'],
    ['2026-03-04', '2026-03-04'],
    ['Updated 3 Nov 2026 10:15', '2026-11-03T10:15:00'],
    ['Date: 4 March 2026', '2026-03-04'],
    ['Posted on Tuesday, 3 November 2026', '2026-11-03'],
    ['Published 2026-03-04T10:15:00Z', '2026-03-04T10:15:00Z']
  ])('reads the date line %j', (line, iso) => {
    const doc = article('Ferry timetable talks', line)
    expect(doc.publishedAt).toBe(iso)
    expect(doc.text).not.toContain(line)
  })

  it('prefers the publication date to an update', () => {
    const doc = article('Ferry timetable talks', 'Updated 3 Nov 2026 10:15', 'Published: 1 November 2026')
    expect(doc.publishedAt).toBe('2026-11-01')
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Updated 3 Nov 2026 10:15': 'update date', 'Published: 1 November 2026': 'publication date' })
  })

  it('reads a date that shares the byline line', () => {
    expect(article('Ferry timetable talks', 'By Jane Doe | 3 Nov 2026')).toMatchObject({ author: 'Jane Doe', publishedAt: '2026-11-03' })
  })

  it('keeps the dateline in the first paragraph and records it', () => {
    const doc = article('Ferry timetable talks', 'By Jane Doe')
    expect(doc.dateline).toBe('TALLINN, Estonia')
    expect(doc.text).toBe('TALLINN, Estonia — Ferry operators met on Monday to discuss the winter timetable.')
  })

  it('does not read bylines or dates from running text', () => {
    const doc = cleanPlainText(
      'Talks resume\n\nBy Monday, the ministry had agreed to reopen the talks.\n\nBy the end of the week both sides were back at the table in Riga.\n\n4 March 2026\n\nThe next round is due in spring.',
      'talks.txt'
    )
    expect(doc.author).toBeNull()
    expect(doc.text).toContain('By Monday, the ministry')
    expect(doc.text).toContain('By the end of the week')
    expect(doc.text).toContain('4 March 2026')
    expect(doc.publishedAt).toBeNull()
  })

  it('takes a labelled source and URL, but not "Source link"', () => {
    const doc = cleanPlainText(
      'Ferry timetable talks\n\nSource: Baltic Daily\nURL: https://example.org/ferries?id=1\n\nOperators met on Monday.\n\nSource link',
      'x.txt'
    )
    expect(doc).toMatchObject({ source: 'Baltic Daily', url: 'https://example.org/ferries?id=1', text: 'Operators met on Monday.' })
    expect(reasons(doc.document.blocks)).toMatchObject({
      'Source: Baltic Daily': 'source',
      'URL: https://example.org/ferries?id=1': 'source URL',
      'Source link': 'site chrome: source link'
    })
  })

  it('leaves a source note inside the story as text', () => {
    const doc = cleanPlainText(
      'Ferry traffic\n\nThe ports had a good year.\n\nTraffic rose by a fifth in a year.\nSource: Eurostat\n\nThe ports expect more next year.',
      'x.txt'
    )
    expect(doc.source).toBeNull()
    expect(doc.text).toContain('Source: Eurostat')
  })

  it('takes a URL on the line after its label, and ignores non-http ones', () => {
    expect(cleanPlainText('Title here\n\nOriginal:\nhttps://example.org/a\n\nBody text.', 'x.txt').url).toBe('https://example.org/a')
    const unsafe = cleanPlainText('Title here\n\nURL: javascript:alert(1)\n\nBody text.', 'x.txt')
    expect(unsafe.url).toBeNull()
    expect(unsafe.text).toContain('URL: javascript:alert(1)')
  })
})

describe('cleanPlainText structure', () => {
  it('reads list items and quotes, keeping the text after the marker', () => {
    const doc = cleanPlainText(
      'Port plan\n\nThe plan has three parts:\n- new cables\n* a second quay\n• longer hours\n\n1. Survey\n2) Build\n\n> “We are ready,” the mayor said.\n> Nobody else was.',
      'plan.txt'
    )
    expect(kept(doc.document.blocks)).toEqual([
      { kind: 'paragraph', text: 'The plan has three parts:' },
      { kind: 'list-item', text: 'new cables', level: 0, ordered: false },
      { kind: 'list-item', text: 'a second quay', level: 0, ordered: false },
      { kind: 'list-item', text: 'longer hours', level: 0, ordered: false },
      { kind: 'list-item', text: 'Survey', level: 0, ordered: true },
      { kind: 'list-item', text: 'Build', level: 0, ordered: true },
      { kind: 'blockquote', text: '“We are ready,” the mayor said.\nNobody else was.' }
    ])
  })

  it('reads a list under a label line, and keeps a box label apart from its list', () => {
    const doc = cleanPlainText('Meeting notes\n- budget approved\n- next call Monday\n\nKey points\n- one\n- two', 'm.txt')
    expect(doc.title).toBe('Meeting notes')
    expect(kept(doc.document.blocks).map((b) => `${b.kind}: ${b.text}`)).toEqual([
      'list-item: budget approved',
      'list-item: next call Monday',
      'editorial: Key points',
      'list-item: one',
      'list-item: two'
    ])
  })

  it('nests indented items and joins their wrapped lines', () => {
    const doc = cleanPlainText('Plan\n\n- cables\n  - sea cable\n    laid in 2027\n- quays', 'p.txt')
    expect(kept(doc.document.blocks)).toEqual([
      { kind: 'list-item', text: 'cables', level: 0, ordered: false },
      { kind: 'list-item', text: 'sea cable\nlaid in 2027', level: 1, ordered: false },
      { kind: 'list-item', text: 'quays', level: 0, ordered: false }
    ])
  })

  it('keeps a hard-wrapped paragraph as one block and a wrapped line starting with a dash as text', () => {
    const doc = cleanPlainText('Wrapped\n\nThe operators said the new quay\n- if it is built at all -\nwill open in 2028.', 'w.txt')
    expect(kept(doc.document.blocks)).toEqual([
      { kind: 'paragraph', text: 'The operators said the new quay\n- if it is built at all -\nwill open in 2028.' }
    ])
  })

  it('splits a caption out of a paragraph written without blank lines', () => {
    const doc = cleanPlainText(
      'Ferry strike ends\nThe strike ended on Friday after nine days.\nStrikers gather at the ferry terminal in Helsinki, Sept. 4, 2026.\nTimetables return to normal on Monday.',
      'strike.txt'
    )
    expect(kept(doc.document.blocks).map((b) => b.kind)).toEqual(['paragraph', 'caption', 'paragraph'])
  })
})

describe('cleanPlainText inputs', () => {
  const article = 'Harbour news\n\nFirst paragraph, one line.\nSame paragraph, second line.\n\nSecond paragraph.'

  it.each([
    ['LF', article],
    ['CRLF', article.replace(/\n/g, '\r\n')],
    ['CR', article.replace(/\n/g, '\r')]
  ])('reads %s line endings alike', (_name, raw) => {
    const doc = cleanPlainText(raw, 'h.txt')
    expect(doc.title).toBe('Harbour news')
    expect(doc.text).toBe('First paragraph, one line.\nSame paragraph, second line.\n\nSecond paragraph.')
    expect(doc.document.blocks).toHaveLength(3)
  })

  it('changes nothing in a text without chrome but the title', () => {
    const body = 'Two ferries collided in thick fog off Hanko on Sunday.\n\nNobody was hurt, the coast guard said — but both ships were “badly dented.”\n\nAn inquiry will begin next week…'
    expect(cleanPlainText(`A collision in the fog\n\n${body}`, 'fog.txt')).toMatchObject({
      title: 'A collision in the fog',
      text: body,
      author: null,
      publishedAt: null,
      dateline: null,
      source: null,
      url: null,
      language: null,
      tags: []
    })
  })

  it.each([
    ['Russian', russianArticle],
    ['Japanese', japaneseArticle],
    ['Arabic', arabicArticle]
  ])('keeps a %s article whole', (_name, { title, paragraphs }) => {
    const doc = cleanPlainText(`${title}\n\n${paragraphs.join('\n\n')}`, 'a.txt')
    expect(doc.title).toBe(title)
    expect(doc.text).toBe(paragraphs.join('\n\n'))
    expect(doc.document.blocks.filter((b) => b.removed)).toHaveLength(1)
  })

  it('handles empty and blank input', () => {
    expect(cleanPlainText('', 'empty.txt')).toMatchObject({ title: 'empty', text: '', document: { version: 1, blocks: [] } })
    expect(cleanPlainText(' \n\r\n\t', 'blank.txt').text).toBe('')
  })
})

describe('cleanPlainText on scrapes of other shapes', () => {
  // Written for these tests: a wire story and a French paywalled story, as a browser's copy gives them.
  const WIRE_BODY = [
    'WARSAW, Dec 5 (Newswire) - Four Baltic coastal states will ask the European Commission next week to fund joint patrols against illegal fishing, officials said on Friday.',
    'The proposal, drafted by Poland and Lithuania, would pool coast guard vessels and share satellite tracking data.',
    'Catches of cod in the western Baltic have fallen by more than 90% since 2015, scientists say.',
    'The Commission declined to comment on the proposal before it is formally submitted.'
  ]
  const wire = [
    'Coastal states push for joint fisheries patrols', '', 'By Tomasz Wierzbicki and Aiko Tanaka', '', 'December 5, 2026 6:42 AM UTC',
    '', 'Share', 'Facebook', 'X', 'LinkedIn', 'Email', '',
    WIRE_BODY[0], '', WIRE_BODY[1], '', 'Advertisement · Scroll to continue', '', WIRE_BODY[2], '',
    'Read more:', 'EU ministers agree cuts to Baltic herring quota', 'Danish trawler detained over falsified logbooks', '',
    WIRE_BODY[3], '', 'Reporting by Tomasz Wierzbicki in Warsaw; Editing by Mark Heathcote', '',
    'Our Standards: The Newswire Trust Principles.', '', 'Suggested Topics:', 'Environment', 'Europe'
  ].join('\n')

  it('reads a regional site’s story: the kicker over the headline, a bracketed photo credit, the newsletter pitch, the authors’ note, the topics and the copyright holder', () => {
    const story = [
      'HELSINKI, Finland — Icebreakers cleared a channel into the port of Kotka on Wednesday after ten days in which no cargo ship could reach the quays.',
      'The port authority said about forty vessels were waiting at anchor in the gulf.',
      'Mari Tamm, who runs the harbour pilots’ office, said crews were working in double shifts.'
    ]
    const text = [
      'Sign in', 'Subscribe', '', 'Nordic | Shipping', '', 'Icebreakers reopen the channel to Kotka', '',
      'Forty ships have waited at anchor for more than a week', '', 'By Liisa Korhonen and Pekka Salo', 'March 4, 2026', '',
      'An icebreaker leads a tanker into the harbour at dawn. (Photo: Jane Doe/Nordic Daily)', '',
      story[0], '', story[1], '', story[2], '',
      'Subscribe to our newsletter', 'The week’s shipping news in your inbox every Friday.', 'Sign up', '',
      'Liisa Korhonen is a correspondent covering Finland and the Baltic. Pekka Salo reports on transport.', '',
      'Topics: Finland, Ice, Shipping', '', '© 2026 Nordic Daily. All rights reserved.'
    ].join('\n')
    const doc = cleanPlainText(text, 'kotka.txt')
    expect(doc).toMatchObject({ title: 'Icebreakers reopen the channel to Kotka', author: 'Liisa Korhonen and Pekka Salo', source: 'Nordic Daily', dateline: 'HELSINKI, Finland' })
    expect(kept(doc.document.blocks).filter((b) => b.kind === 'paragraph').map((b) => b.text)).toEqual(['Forty ships have waited at anchor for more than a week', ...story])
    expect(kept(doc.document.blocks).find((b) => b.text.startsWith('An icebreaker leads'))).toMatchObject({ kind: 'caption' })
    const why = reasons(doc.document.blocks)
    expect(why['Nordic | Shipping']).toBe('site chrome: navigation')
    expect(why['Subscribe to our newsletter\nThe week’s shipping news in your inbox every Friday.\nSign up']).toBe('site chrome: newsletter prompt')
    expect(why['Liisa Korhonen is a correspondent covering Finland and the Baltic. Pekka Salo reports on transport.']).toBe('about the author')
    expect(why['Topics: Finland, Ice, Shipping']).toBe('topics')
  })

  it('keeps a story’s own mention of its reporter, and a sentence that names topics', () => {
    const doc = cleanPlainText(
      [
        'Harbour fees rise', '', 'By Liisa Korhonen', '',
        'Liisa Korhonen has covered the port for a decade, and she says the fee rise is the largest she has seen.', '',
        'Topics: fees, dredging and the new quay were all discussed at the meeting.', '',
        'The council will vote on the proposal in April, after a public consultation.'
      ].join('\n'),
      'fees.txt'
    )
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual([
      'Liisa Korhonen has covered the port for a decade, and she says the fee rise is the largest she has seen.',
      'Topics: fees, dredging and the new quay were all discussed at the meeting.',
      'The council will vote on the proposal in April, after a public consultation.'
    ])
  })

  it('keeps only the story of a wire scrape, and names the agency of its dateline as the source', () => {
    const doc = cleanPlainText(wire, 'patrols.txt')
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual(WIRE_BODY)
    expect(doc).toMatchObject({ source: 'Newswire', author: 'Tomasz Wierzbicki and Aiko Tanaka', publishedAt: '2026-12-05T06:42:00Z' })
    const why = reasons(doc.document.blocks)
    expect(why['Share\nFacebook\nX\nLinkedIn\nEmail']).toBe('site chrome: share buttons')
    expect(why['EU ministers agree cuts to Baltic herring quota\nDanish trawler detained over falsified logbooks']).toBe('read-more teaser')
    expect(why['Reporting by Tomasz Wierzbicki in Warsaw; Editing by Mark Heathcote']).toBe('credits')
  })

  const FR_BODY = [
    'Le gouvernement norvégien a présenté jeudi un projet de loi autorisant la prospection minière en eaux profondes.',
    'La zone concernée, située en mer de Norvège, couvre environ 280 000 kilomètres carrés.',
    '« Nous avancerons prudemment, étape par étape », a déclaré la ministre lors d’une conférence de presse.'
  ]
  const french = [
    'Accueil > International > Europe', '', 'La Norvège rouvre le débat sur les fonds marins', '', 'Par Sophie Marchand',
    'Publié le 4 décembre 2026 à 18h05, modifié le 5 décembre 2026 à 09h12', '', 'Temps de lecture : 4 min.', '',
    'Partager', 'Facebook', 'Twitter', '', FR_BODY[0], '', 'Lire aussi : La course aux métaux critiques s’accélère', '',
    FR_BODY[1], '', FR_BODY[2], '', 'Article réservé aux abonnés', 'Abonnez-vous pour lire la suite', 'S’abonner', '',
    'Les plus lus', 'Le prix de l’électricité s’envole en Scandinavie'
  ].join('\n')

  it('cleans a French scrape: breadcrumb, date and reading time, share, teaser and paywall', () => {
    const doc = cleanPlainText(french, 'norvege.txt')
    expect(doc).toMatchObject({ title: 'La Norvège rouvre le débat sur les fonds marins', author: 'Sophie Marchand', publishedAt: '2026-12-04T18:05:00' })
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual(FR_BODY)
    const why = reasons(doc.document.blocks)
    expect(why['Accueil > International > Europe']).toBe('site chrome: navigation')
    expect(why['Temps de lecture : 4 min.']).toBe('reading time')
  })

  it('reads agency copy in Spanish and German: the newsroom or agency byline, the agency as source', () => {
    const es = [
      'Inicio / Internacional / Europa', '', 'El puerto de Valencia amplía su terminal', '', 'Por Redacción', '',
      'Compartir en Facebook', 'Compartir en Twitter', '',
      'VALENCIA (EFE) - La Autoridad Portuaria de Valencia aprobó este jueves la ampliación de la terminal norte.', '',
      'Las organizaciones ecologistas han recurrido el proyecto ante los tribunales por su impacto en la costa.'
    ].join('\n')
    const spanish = cleanPlainText(es, 'valencia.txt')
    expect(spanish).toMatchObject({ title: 'El puerto de Valencia amplía su terminal', source: 'EFE', author: 'Redacción' })
    expect(kept(spanish.document.blocks)).toHaveLength(2)
    const de = [
      'Startseite > Wirtschaft > Logistik', '', 'Hamburger Hafen verliert Marktanteile', '', 'Von dpa | 05.12.2026, 08:40 Uhr', '', 'Teilen', 'Anzeige', '',
      'HAMBURG (dpa) - Der Hamburger Hafen hat im dritten Quartal erneut Marktanteile an die Konkurrenz verloren.', '',
      'Die Hafenwirtschaft fordert schnellere Genehmigungsverfahren und eine Vertiefung der Elbe.'
    ].join('\n')
    const german = cleanPlainText(de, 'hafen.txt')
    // "Uhr" makes the line German: the date is the 5th of December, not the 12th of May.
    expect(german).toMatchObject({ source: 'dpa', author: 'dpa', publishedAt: '2026-12-05T08:40:00' })
    expect(kept(german.document.blocks)).toHaveLength(2)
  })

  it('sets a press release\'s opening and closing marks aside, keeping its text', () => {
    const BODY = [
      'The Ministry of Transport today announced new safety measures for vessels operating in northern waters during the winter.',
      'The rules take effect on 1 January 2027. Operators who cannot meet them will be offered a transition period.'
    ]
    const doc = cleanPlainText(['Ministry announces winter shipping measures', '', 'FOR IMMEDIATE RELEASE', '', BODY[0], '', BODY[1], '', '###'].join('\n'), 'release.txt')
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual(BODY)
    expect(removedWith(doc.document.blocks, 'press release marker')).toEqual(['FOR IMMEDIATE RELEASE', '###'])
  })

  it('keeps a sentence that opens like wire credits', () => {
    const line = 'Reporting by the regional broadcaster showed that the quota had been exceeded twice.'
    const doc = cleanPlainText(['Quota breaches', '', WIRE_BODY[1], '', line, '', WIRE_BODY[3]].join('\n'), 'quota.txt')
    expect(kept(doc.document.blocks).map((b) => b.text)).toContain(line)
  })
})

describe('cleanPlainText on pages copied from government sites and wikis', () => {
  // Written for this test: a ministry's press release as a browser copies it, a line per element.
  const release = [
    'Skip to main content',
    'Press release',
    'Ministry publishes review of flood defences',
    'An independent review finds one in five river defences below the required standard.',
    '',
    'From:',
    'Ministry of Environment',
    'Published',
    '9 January 2026',
    '',
    'The Ministry of Environment today published an independent review of river flood defences, which found that 21 per cent of assessed structures were below the standard.',
    '',
    '"This review gives us an honest picture of where our defences stand."',
    '',
    'The minister said: "This review gives us an honest picture of where our defences stand. We will publish a funded repair plan by the summer."',
    '',
    'Share this page',
    'Facebook',
    'Is this page useful?',
    'Yes',
    'No'
  ].join('\n')
  const doc = cleanPlainText(release, 'release.txt')
  const blocks = doc.document.blocks

  it('reads the publisher and date listed as a label over a value, and sets both lines aside', () => {
    expect(doc).toMatchObject({ title: 'Ministry publishes review of flood defences', source: 'Ministry of Environment', publishedAt: '2026-01-09' })
    expect(reasons(blocks)).toMatchObject({ 'From:\nMinistry of Environment': 'source', 'Published\n9 January 2026': 'publication date' })
  })

  it('sets aside the pull quote, the share buttons and the feedback prompt with its answers', () => {
    expect(removedWith(blocks, 'pull quote')).toEqual(['"This review gives us an honest picture of where our defences stand."'])
    expect(reasons(blocks)['Is this page useful?\nYes\nNo']).toBe('site chrome: feedback prompt')
    expect(doc.text).toContain('The minister said: "This review gives us an honest picture')
    expect(doc.text).not.toContain('Share this page')
  })

  // Written for this test: a wiki article as a browser copies it.
  const wiki = [
    'Saltmarsh Barrage',
    'From Wikipedia, the free encyclopedia',
    'The Saltmarsh Barrage is a tidal barrage across the estuary of the River Wend, built between 1983 and 1988 to protect the town from storm surges.',
    'Contents',
    '1 History',
    '2 Operation',
    'History[edit]',
    'Plans for a barrage were first drawn up after the flood of 1953, in which 41 people died in the town.',
    'Operation[edit]',
    'The gates are closed when a surge of more than 1.5 metres above the predicted tide is forecast.',
    'This page was last edited on 4 October 2024, at 09:12 (UTC).'
  ].join('\n')
  const page = cleanPlainText(wiki, 'barrage.txt')

  it('reads a wiki page: headings without their [edit] links, kept aside, and its contents set aside', () => {
    const headings = page.document.blocks.filter((b) => b.kind === 'heading' && !b.removed).map((b) => b.text)
    expect(headings).toEqual(['History', 'Operation'])
    expect(removedWith(page.document.blocks, 'table of contents')).toEqual(['Contents\n1 History\n2 Operation'])
    expect(removedWith(page.document.blocks, 'site chrome: navigation')).toContain('[edit]')
    expect(page.text).not.toContain('[edit]')
    expect(page.text).not.toContain('last edited')
    expect(page.text).toContain('Plans for a barrage were first drawn up')
  })

  it('keeps a "Contents" line whose next lines name no heading below', () => {
    const text = [
      'Cargo of the Aurora',
      '',
      'The ship sailed on Monday with its hold half empty, the agent said. Its manifest lists what it carried.',
      '',
      'Contents',
      'Four crates of machine parts',
      'Two pallets of paper',
      '',
      'The agent said the rest of the cargo would follow on the next sailing, weather permitting.'
    ].join('\n')
    const kept2 = kept(cleanPlainText(text, 'notes.txt').document.blocks).map((b) => b.text).join('\n')
    expect(kept2).toContain('Four crates of machine parts')
  })
})

describe('cleanPlainText on Italian and Dutch news pages', () => {
  // Written for this test: two regional stories as browsers copy them.
  const italian = [
    'Home › Economia › Lavoro',
    'Porto di Genova, sciopero dei portuali: bloccati i terminal container',
    "I sindacati chiedono garanzie sull'automazione delle gru. Navi in rada per tutta la giornata",
    'di Giulia Ferrari',
    '12 marzo 2026 - 18:42',
    'Condividi questo articolo',
    "GENOVA – Sciopero compatto dei lavoratori del porto di Genova, che oggi hanno incrociato le braccia per otto ore bloccando l'attività dei terminal.",
    "L'autorità portuale ha convocato le parti per giovedì mattina.",
    '© Riproduzione riservata'
  ].join('\n')
  const dutch = [
    'Havenstaking legt Rotterdam deels stil',
    'Door onze redactie economie',
    '12 maart 2026, 18:42',
    'Deel dit artikel',
    'ROTTERDAM - Honderden havenarbeiders in Rotterdam hebben dinsdag het werk neergelegd uit protest tegen de automatisering van kranen.',
    'Het overleg wordt donderdag hervat.',
    'Lees meer over: Haven Rotterdam Vakbonden Staking'
  ].join('\n')

  it('takes the headline over its standfirst as the title, and the lower-case "di" byline below it', () => {
    const doc = cleanPlainText(italian, 'genova.txt')
    expect(doc).toMatchObject({ title: 'Porto di Genova, sciopero dei portuali: bloccati i terminal container', author: 'Giulia Ferrari', publishedAt: '2026-03-12' })
    expect(kept(doc.document.blocks)[0]!.text).toBe("I sindacati chiedono garanzie sull'automazione delle gru. Navi in rada per tutta la giornata")
    expect(reasons(doc.document.blocks)['Condividi questo articolo']).toBe('site chrome: share buttons')
  })

  it('names the holder of "Copyright © 2026 北海日報 All rights reserved." without the phrase', () => {
    const doc = cleanPlainText(['横浜港でストライキ、コンテナ埠頭が停止', '', '横浜港の港湾労働者は12日、自動化クレーンの導入に抗議して無期限のストライキに入った。', '', 'Copyright © 2026 北海日報 All rights reserved.'].join('\n'), 'yokohama.txt')
    expect(doc.source).toBe('北海日報')
  })

  it('names no copyright holder in "© Riproduzione riservata" (all rights reserved)', () => {
    expect(cleanPlainText(italian, 'genova.txt').source).not.toBe('Riproduzione riservata')
  })

  it('reads a Dutch newsroom byline, its share button and its topics', () => {
    const doc = cleanPlainText(dutch, 'rotterdam.txt')
    expect(doc).toMatchObject({ title: 'Havenstaking legt Rotterdam deels stil', author: 'onze redactie economie' })
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Deel dit artikel': 'site chrome: share buttons', 'Lees meer over: Haven Rotterdam Vakbonden Staking': 'topics' })
  })

  it('still reads an English headline that opens with "Door" as the title', () => {
    const doc = cleanPlainText(['Door Handles Recalled After Ferry Fire', '', 'The operator recalled the handles on Monday after a fire on one of its ferries spread through a jammed door.'].join('\n'), 'door.txt')
    expect(doc.title).toBe('Door Handles Recalled After Ferry Fire')
    expect(doc.author).toBeNull()
  })
})

describe('cleanPlainText on a wire story', () => {
  // Written for this test: a wire service's story as its feed delivers it.
  const wire = [
    'Dockworkers strike shuts Baltic port for second day',
    '',
    'By JANE DOE and PETER ROE Associated Press',
    '',
    'RIGA, Latvia (AP) — Dockworkers kept the port of Riga shut for a second day on Tuesday, as talks over automated cranes failed to resume.',
    '',
    'About 1,200 workers walked out on Monday. The union says it wants a written guarantee that no jobs will be lost.',
    '',
    '___',
    '',
    'Associated Press writer Liis Tamm in Tallinn, Estonia, contributed to this report.'
  ].join('\n')
  const doc = cleanPlainText(wire, 'wire.txt')

  it('takes the reporters without their agency, and sets the section break and the contributors line aside', () => {
    expect(doc.author).toBe('JANE DOE and PETER ROE')
    expect(reasons(doc.document.blocks)).toMatchObject({ ___: 'section break', 'Associated Press writer Liis Tamm in Tallinn, Estonia, contributed to this report.': 'credits' })
    expect(doc.text.endsWith('no jobs will be lost.')).toBe(true)
  })
})

describe('cleanPlainText on a story copied from a news app', () => {
  // Written for this test: the app's section links, buttons, a bare author name and a relative time.
  const app = [
    'World',
    'Europe',
    'Baltic states brace for a hard winter as gas storage lags',
    'Listen to this article · 6 min',
    'Gift this article',
    'Save',
    'Mira Kalnins',
    'Updated 2 hours ago',
    'RIGA — Gas storage in the Baltic states is about a fifth below its level a year ago, officials said on Wednesday.',
    "Latvia's energy ministry said the country's single storage site was 64 per cent full, against 81 per cent last year.",
    'Most Read',
    'Ferry fire: what we know so far',
    'Copyright The Baltic Courier Ltd 2026. All rights reserved.'
  ].join('\n')
  const doc = cleanPlainText(app, 'gas.txt')

  it('finds the headline under the section links, the author named alone, and no date from "2 hours ago"', () => {
    expect(doc).toMatchObject({ title: 'Baltic states brace for a hard winter as gas storage lags', author: 'Mira Kalnins', publishedAt: null, source: 'The Baltic Courier Ltd' })
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Mira Kalnins': 'byline', 'Updated 2 hours ago': 'update date' })
  })

  it('sets the buttons, the most-read list and the copyright aside, and keeps the story', () => {
    expect(doc.text).toBe(app.split('\n').slice(8, 10).join('\n'))
  })
})

describe('cleanPlainText on a Spanish news page', () => {
  // Written for this test: a regional Spanish site's story as a browser copies it.
  const text = [
    'Inicio / Internacional / Europa',
    'Los estibadores de Barcelona inician una huelga indefinida',
    'La protesta paraliza las terminales de contenedores y obliga a desviar barcos a Valencia',
    'Por María José Ortega',
    'Barcelona | 12 de marzo de 2026 - 18:42 CET',
    'Actualizado hace 2 horas',
    'Compartir en Facebook',
    'BARCELONA.– Los estibadores del puerto de Barcelona iniciaron este martes una huelga indefinida en protesta por la automatización de las grúas.',
    'La autoridad portuaria calcula que una veintena de buques han sido desviados al puerto de Valencia.',
    '© Diario del Puerto. Todos los derechos reservados.'
  ].join('\n')
  const doc = cleanPlainText(text, 'huelga.txt')

  it('reads the place-and-date line as the date and the relative update as a date line', () => {
    expect(doc).toMatchObject({ author: 'María José Ortega', publishedAt: '2026-03-12', source: 'Diario del Puerto' })
    expect(reasons(doc.document.blocks)).toMatchObject({ 'Barcelona | 12 de marzo de 2026 - 18:42 CET': 'publication date', 'Actualizado hace 2 horas': 'update date' })
  })
})

describe('cleanPlainText on an assessment', () => {
  // Written for this test: an analytic product with markings, key judgments and numbered sections.
  const text = [
    'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
    '',
    'Port Labour Unrest in Northern Europe: Outlook to Summer 2026',
    '12 March 2026',
    '',
    'Key Judgments',
    '- We assess with moderate confidence that strikes will spread to at least two more ports by June.',
    '- Automation agreements that guarantee employment are likely to reduce strike days by about half.',
    '',
    '1. Background',
    'Dockworkers at the three largest ports have struck four times since October over remotely operated cranes.',
    '',
    '2. Outlook',
    'We judge that the dispute will not be resolved before the summer unless governments offer mediation.',
    '',
    'UNCLASSIFIED//FOR OFFICIAL USE ONLY'
  ].join('\n')
  const doc = cleanPlainText(text, 'assessment.txt')

  it('reads "Key Judgments" under the date as a heading, not as the author', () => {
    expect(doc.author).toBeNull()
    expect(doc.document.blocks.filter((b) => b.kind === 'heading' && !b.removed).map((b) => b.text)).toEqual(['Key Judgments', '1. Background', '2. Outlook'])
  })

  it('keeps numbered sections as headings with their numbers, and a numbered list as a list', () => {
    const list = cleanPlainText(['Steps', '', 'The board agreed three steps on Monday:', '1. Raise the levy', '2. Hire inspectors', '3. Publish the data'].join('\n'), 'steps.txt')
    expect(list.document.blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toEqual(['Raise the levy', 'Hire inspectors', 'Publish the data'])
  })

  it('sets both markings aside', () => {
    expect(removedWith(doc.document.blocks, 'protective marking')).toEqual(['UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY'])
  })
})

describe('cleanPlainText on a wire press release', () => {
  const release = [
    'FOR IMMEDIATE RELEASE',
    'Halvorsen Logistics Announces Acquisition of Baltic Freight Partners',
    'OSLO, Norway, March 3, 2026 /PRNewswire/ -- Halvorsen Logistics ASA, a provider of temperature-controlled freight services, today announced that it has signed an agreement to acquire Baltic Freight Partners.',
    'The acquisition adds fourteen refrigerated warehouses in Estonia, Latvia and Lithuania and is expected to close in the third quarter.',
    'SOURCE Halvorsen Logistics ASA',
    '###'
  ].join('\n\n')
  const doc = cleanPlainText(release, 'release.txt')

  it('dates it from its dateline, and names the issuer from the wire’s SOURCE line, set aside', () => {
    expect(doc.dateline).toBe('OSLO, Norway, March 3, 2026 /PRNewswire/')
    expect(doc.publishedAt).toBe('2026-03-03')
    expect(doc.source).toBe('Halvorsen Logistics ASA')
    expect(removedWith(doc.document.blocks, 'source')).toEqual(['SOURCE Halvorsen Logistics ASA'])
  })

  it('keeps a sentence that starts with the word "Source" in the story', () => {
    const story = cleanPlainText('Port strike ends\n\nSOURCE CODE for the terminal software was leaked on Friday.\n\nThe union said it would return to work.', 's.txt')
    expect(kept(story.document.blocks).map((b) => b.text)).toContain('SOURCE CODE for the terminal software was leaked on Friday.')
  })
})

describe('cleanPlainText on a WordPress news theme’s page, copied whole', () => {
  const story = [
    'Ferry operators on the Baltic have cut winter sailings by up to a fifth, blaming fuel costs that have risen for the third year running.',
    'The largest operator on the Gdynia–Karlskrona route said it would run two departures a day instead of three from November to March.',
    'Passenger groups said the cuts would hit island communities hardest, since ferries are their only link to the mainland in winter.'
  ]
  const raw = [
    'Home » World » Europe',
    'Baltic ferry operators cut winter sailings as fuel costs bite',
    'by Marta Kowalczyk\nMarch 4, 2026\nin Europe, Shipping\nReading Time: 3 mins read\n0\nA A\n0\nSHARES\n12\nVIEWS\nShare on Facebook Share on Twitter',
    ...story,
    'Tags: Baltic, ferries, fuel',
    'Previous Post\nPort of Gdansk reports record container volumes\nNext Post\nStrike at Klaipeda terminal enters second week',
    'Marta Kowalczyk\nMarta covers shipping and energy in the Baltic region. She joined the paper in 2019.',
    'Discussion about this post',
    '© 2026 Baltic Shipping News - All rights reserved.'
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'ferries.txt')

  it('keeps the story and nothing else', () => {
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual(story)
  })

  it('reads who wrote it, when, and who published it', () => {
    expect(doc.author).toBe('Marta Kowalczyk')
    expect(doc.publishedAt).toBe('2026-03-04')
    expect(doc.source).toBe('Baltic Shipping News')
  })

  it('says why each part of the theme was set aside', () => {
    const why = reasons(doc.document.blocks)
    expect(why['in Europe, Shipping']).toBe('topics')
    expect(why['Reading Time: 3 mins read']).toBe('reading time')
    expect(why['A A']).toBe('site chrome: navigation')
    expect(why['Tags: Baltic, ferries, fuel']).toBe('topics')
    expect(why['Discussion about this post']).toBe('site chrome: comment form')
    expect(doc.document.blocks.find((b) => b.text.startsWith('Marta Kowalczyk\nMarta covers'))?.removed?.reason).toBe('about the author')
    expect(doc.document.blocks.find((b) => b.text.includes('Klaipeda terminal'))?.removed?.reason).toBe('site chrome: navigation')
  })

  it('keeps a lone number inside the story, and a sentence that opens with the reporter’s first name', () => {
    const inStory = cleanPlainText(['Ferry cuts', story[0], '12', story[1], 'Marta is the only reporter on the island this winter, and she said the ferry was late again.', story[2]].join('\n\n'), 'f.txt')
    expect(kept(inStory.document.blocks).map((b) => b.text)).toEqual(expect.arrayContaining(['12', 'Marta is the only reporter on the island this winter, and she said the ferry was late again.']))
  })
})

describe('cleanPlainText on a briefing transcript', () => {
  const raw = [
    'Transcript: Press briefing on the Baltic ferry cuts',
    'Ministry of Transport',
    '9 March 2026',
    'MODERATOR: Good morning. The minister will make a short statement and then take questions.',
    'Q: How much will the subsidy cost?',
    'MINISTER LINDQVIST: About forty million euros over the winter.',
    '(END)'
  ].join('\n\n')
  const doc = cleanPlainText(raw, 'briefing.txt')

  it('takes the institution over the date as the source, and keeps every turn of the exchange', () => {
    expect(doc.source).toBe('Ministry of Transport')
    expect(doc.publishedAt).toBe('2026-03-09')
    expect(kept(doc.document.blocks).map((b) => b.text)).toEqual([
      'MODERATOR: Good morning. The minister will make a short statement and then take questions.',
      'Q: How much will the subsidy cost?',
      'MINISTER LINDQVIST: About forty million euros over the winter.'
    ])
    expect(removedWith(doc.document.blocks, 'press release marker')).toEqual(['(END)'])
  })

  it('keeps a section heading that names an institution when no date is under it', () => {
    const report = cleanPlainText(['Ferry cuts', 'The operators blame fuel costs, which have risen for the third year running.', 'Ministry of Transport', 'The ministry said it would review the subsidy in the spring, after the winter timetable.'].join('\n\n'), 'r.txt')
    expect(kept(report.document.blocks).map((b) => b.text)).toContain('Ministry of Transport')
  })
})
