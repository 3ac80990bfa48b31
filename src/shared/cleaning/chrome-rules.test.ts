import { describe, expect, it } from 'vitest'
import { CHROME, chromeReason } from './chrome-rules'

describe('chromeReason', () => {
  it.each([
    ['LEAVE A REPLY', CHROME.commentForm],
    ['Please enter your comment!', CHROME.commentForm],
    ['Please enter your name here', CHROME.commentForm],
    ['Save my name, email, and website in this browser for the next time I comment.', CHROME.commentForm],
    ['Post Comment', CHROME.commentForm],
    ['You have entered an incorrect email address!', CHROME.commentForm],
    ['3 Comments', CHROME.commentForm],
    ['Share post:', CHROME.share],
    ['Share this article', CHROME.share],
    ['Share on Facebook', CHROME.share],
    ['Tweet', CHROME.share],
    ['Like', CHROME.share],
    ['Pin it', CHROME.share],
    ['Facebook Twitter WhatsApp Email', CHROME.share],
    ['• Share on LinkedIn', CHROME.share],
    ['Source link', CHROME.sourceLink],
    ['Related', CHROME.related],
    ['Related2860', CHROME.related],
    ['Popular', CHROME.related],
    ['More like this', CHROME.related],
    ['You may also like', CHROME.related],
    ['Subscribe', CHROME.newsletter],
    ['Subscribe to our newsletter', CHROME.newsletter],
    ['Sign up for our weekly briefing from the Baltic desk', CHROME.newsletter],
    ['Advertisement', CHROME.advertisement],
    ['ADVERTISEMENT', CHROME.advertisement],
    ['Story continues below advertisement', CHROME.advertisement],
    ['Read more: Ferry traffic doubles in a year', CHROME.teaser],
    ['READ ALSO: Ports brace for winter', CHROME.teaser],
    ['Continue reading', CHROME.teaser],
    ['Lire aussi : Le prix du gazole pèse sur la flotte', CHROME.teaser],
    ['Lesen Sie auch: Fährverkehr wird eingestellt', CHROME.teaser],
    ['Leia também | Portos se preparam para o inverno', CHROME.teaser],
    ['Читайте также: Порты готовятся к зиме', CHROME.teaser],
    ['Loading...', CHROME.loading],
    ['Loading…', CHROME.loading],
    ['We use cookies to give you the best experience on our website.', CHROME.cookies],
    ['Accept all', CHROME.cookies],
    ['Skip to main content', CHROME.navigation],
    ['Home › World › Europe', CHROME.navigation],
    ['World | Europe | Politics | Business', CHROME.navigation],
    ['© 2026 Baltic Daily', CHROME.footer],
    ['Copyright 2026 Baltic Daily. All rights reserved.', CHROME.footer],
    ['Our Standards: The Newswire Trust Principles.', CHROME.footer],
    ['Accueil > International > Europe', CHROME.navigation],
    ['Anzeige', CHROME.advertisement],
    ['Advertisement · Scroll to continue', CHROME.advertisement],
    ['Partager', CHROME.share],
    ["S'abonner", CHROME.newsletter],
    ['Il vous reste 80 % de cet article à lire.', CHROME.newsletter],
    ['Suggested Topics:', CHROME.related],
    ['Inicio / Internacional / Europa', CHROME.navigation],
    ['Compartir en Facebook', CHROME.share],
    ['Continue reading the main story', CHROME.advertisement],
    ['FOR IMMEDIATE RELEASE', CHROME.pressRelease],
    ['###', CHROME.pressRelease],
    ['-ENDS-', CHROME.pressRelease],
    ['A version of this article appears in print on Dec. 1, 2026, Section A, Page 8 with the headline: Race for Arctic Routes.', CHROME.footer]
  ])('%j is %j', (line, reason) => {
    expect(chromeReason(line)).toBe(reason)
  })

  it.each([
    'Related talks resumed in Riga on Monday.',
    'The council will subscribe to the regional scheme next year.',
    'Popular anger at the fee rises has grown all summer.',
    'Like many ports, Tallinn is short of power.',
    'Read the report before the vote, the mayor urged councillors.',
    'Source: interviews with port officials',
    'Комментарии',
    'シェア',
    'مشاركة',
    'Putin | Trump',
    'Il vous reste trois jours pour voter.',
    'X',
    // A sentence that opens with a label's words is not a pointer to another story.
    'Lire aussi le rapport complet avant le vote, a demandé le maire.',
    ''
  ])('keeps %j', (line) => {
    expect(chromeReason(line)).toBeNull()
  })
})
