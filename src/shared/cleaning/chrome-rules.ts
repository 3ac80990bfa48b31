import type { Block } from '../document/article-document'

/**
 * Site chrome: the furniture a scraper picks up around an article (comment forms, share
 * buttons, teasers, banners). Each rule names whole lines only, in English; the reason is shown to
 * the analyst next to the removed block, so it says what the line was, not which rule fired.
 */

export const CHROME = {
  commentForm: 'site chrome: comment form',
  comments: 'site chrome: comments',
  share: 'site chrome: share buttons',
  related: 'site chrome: related links',
  newsletter: 'site chrome: newsletter prompt',
  sourceLink: 'site chrome: source link',
  cookies: 'site chrome: cookie banner',
  navigation: 'site chrome: navigation',
  footer: 'site chrome: footer',
  advertisement: 'advertisement',
  loading: 'loading indicator',
  teaser: 'read-more teaser',
  /** "FOR IMMEDIATE RELEASE", "###", "-ENDS-": the marks a press release opens and closes with. */
  pressRelease: 'press release marker',
  /**
   * "OFFICIAL – SENSITIVE", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "TLP:AMBER": a document's
   * protective marking over and under its text, kept aside where the analyst can see it.
   */
  marking: 'protective marking',
  /** "___", "* * *", "-----": a line that only parts two sections of a text. */
  separator: 'section break',
  /** "Is this page useful?", "Was this article helpful?": a site asking its readers to rate the page. */
  feedback: 'site chrome: feedback prompt',
  /** Readable text on a web page that extraction left out of the story, with no closer reason. */
  outsideArticle: 'outside the article'
} as const

interface ChromeRule {
  reason: string
  /** Whole lines, compared after normalise(). */
  exact?: string[]
  /** Line beginnings, compared after normalise(). */
  prefixes?: string[]
  /** Tested against the normalised line. */
  patterns?: RegExp[]
}

const SOCIAL = [
  'facebook',
  'twitter',
  'x (twitter)',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'pinterest',
  'email',
  'e-mail',
  'print',
  'messenger',
  'flipboard',
  'tumblr',
  'vk',
  'copy link',
  'mail',
  // The share button's own label on sites in other languages.
  'partager',
  'teilen',
  'compartir',
  'condividi',
  'compartilhar',
  'delen',
  'udostępnij',
  'поделиться'
]

/**
 * The same widget labels on sites in other languages, as they are written there (compared in
 * lower case). Whole lines only: a label is never part of a sentence.
 */
const RELATED_ELSEWHERE = [
  // German
  'ähnliche artikel', 'meistgelesen', 'meistgelesene artikel', 'mehr zum thema', 'das könnte sie auch interessieren', 'auch interessant', 'weitere artikel', 'lesen sie auch',
  // French
  'à lire aussi', 'a lire aussi', 'lire aussi', 'les plus lus', 'articles similaires', 'sur le même sujet', 'articles liés', 'les plus populaires',
  // Spanish
  'lo más leído', 'lo mas leido', 'noticias relacionadas', 'te puede interesar', 'también te puede interesar', 'más noticias', 'artículos relacionados', 'lee también',
  // Italian
  'i più letti', 'articoli correlati', 'leggi anche', 'potrebbe interessarti', 'più letti',
  // Portuguese
  'mais lidas', 'mais lidos', 'notícias relacionadas', 'leia também', 'veja também', 'relacionados',
  // Dutch
  'meest gelezen', 'gerelateerde artikelen', 'lees ook', 'meer nieuws',
  // Polish
  'najczęściej czytane', 'zobacz też', 'zobacz także', 'czytaj także', 'czytaj też', 'powiązane artykuły', 'najpopularniejsze',
  // Russian, Ukrainian
  'читайте также', 'самое читаемое', 'похожие новости', 'популярное', 'ещё по теме', 'еще по теме', 'другие новости', 'по теме',
  'читайте також', 'популярне', 'найпопулярніше', 'новини за темою',
  // Turkish
  'ilgili haberler', 'en çok okunanlar', 'bunları da okuyun', 'benzer haberler',
  // Arabic, Persian
  'الأكثر قراءة', 'اقرأ أيضا', 'اقرأ أيضاً', 'مواضيع ذات صلة', 'أخبار ذات صلة', 'مطالب مرتبط', 'پربازدیدترین',
  // Chinese, Japanese, Korean
  '相关阅读', '相關閱讀', '相关新闻', '相關新聞', '热门文章', '熱門文章', '推荐阅读', '推薦閱讀', '延伸阅读', '延伸閱讀',
  '関連記事', '人気記事', 'おすすめ記事', 'あわせて読みたい', '관련 기사', '많이 본 뉴스', '인기 기사'
]

const RULES: ChromeRule[] = [
  {
    reason: CHROME.commentForm,
    exact: [
      'leave a reply',
      'leave a comment',
      'leave a reply cancel reply',
      'cancel reply',
      'post comment',
      'submit comment',
      'add comment',
      'add a comment',
      'comments',
      'show comments',
      'view comments',
      'load more comments',
      'join the conversation',
      'join the discussion',
      // A WordPress news theme's heading over its comments (JNews).
      'discussion about this post',
      'please enter your comment',
      'please enter your name here',
      'you have entered an incorrect email address',
      'required fields are marked *',
      'name *',
      'name*',
      'email *',
      'email*',
      'notify me of follow-up comments by email',
      'notify me of new posts by email',
      'you must be logged in to post a comment',
      'log in to leave a comment',
      'log in to comment'
    ],
    prefixes: ['save my name, email', 'this site uses akismet', 'your email address will not be published'],
    patterns: [/^\d[\d,.]*k?\s+comments?$/, /^comments?\s*\(?\d[\d,.]*k?\)?$/]
  },
  {
    reason: CHROME.share,
    exact: [
      'share',
      'share post',
      'share this',
      'share this article',
      'share this story',
      'share this post',
      'share this page',
      'share page',
      'share article',
      // A news app's buttons beside the headline.
      'gift this article',
      'gift article',
      'save',
      'save article',
      'save for later',
      'saved',
      'follow',
      'follow topic',
      'print this article',
      // The same on sites in other languages.
      'deel dit artikel',
      'deel dit bericht',
      'artikel teilen',
      'diesen artikel teilen',
      'artikel delen',
      'partager cet article',
      "partager l'article",
      'compartir este artículo',
      'compartir artículo',
      'condividi questo articolo',
      "condividi l'articolo",
      'compartilhe este artigo',
      'compartilhar este artigo',
      'udostępnij artykuł',
      'поделиться статьей',
      'share via',
      'tweet',
      'tweet this',
      'like',
      'like this',
      'pin it',
      'follow us',
      ...SOCIAL
    ],
    prefixes: [
      'share on ', 'share via ', 'click to share on ', 'click to email', 'click to print', 'follow us on ',
      'compartir en ', 'partager sur ', 'teilen auf ', 'condividi su ', 'compartilhar no ', 'compartilhar em ', 'delen op ', 'udostępnij na ',
      'listen to this article', 'listen to this story', 'listen to article'
    ],
    patterns: [/^[\d.,]+\s*k?\s+(?:shares?|likes?|views?)$/, /^(?:shares?|likes?|views?)\s*\(?\d[\d,.]*k?\)?$/]
  },
  { reason: CHROME.sourceLink, exact: ['source link', 'source links'] },
  {
    reason: CHROME.related,
    exact: [
      'related',
      'related posts',
      'related articles',
      'related stories',
      'related news',
      'related content',
      'related coverage',
      'related reading',
      'read next',
      'up next',
      'recommended',
      'recommended for you',
      'recommended stories',
      'you may also like',
      'you might also like',
      'you may be interested in',
      'more like this',
      'more stories',
      'popular',
      'popular posts',
      'popular now',
      'most popular',
      'most read',
      'most viewed',
      'trending',
      'trending now',
      'latest news',
      'latest stories',
      'latest posts',
      'top stories',
      "editor's picks",
      "editors' picks",
      "don't miss",
      'must read',
      'more news',
      'most shared',
      'most commented',
      'more on this story',
      'more on this topic',
      'in other news',
      'what to read next',
      'suggested topics',
      'related topics',
      'more on these topics',
      ...RELATED_ELSEWHERE
    ],
    patterns: [
      // Widgets glue their counters to the label when scraped: "Related2860".
      /^(?:related|popular|trending|more like this|most read)\s*\d+$/,
      // "More from Europe", "More in Business", "More about Ukraine": a few words naming a section.
      /^more (?:from|in|on|about) (?:the )?[\p{L}\p{N}][\p{L}\p{N}'&.-]*(?: [\p{L}\p{N}'&.-]+){0,3}$/u
    ]
  },
  {
    reason: CHROME.newsletter,
    exact: [
      'subscribe',
      'subscribe now',
      'subscribe today',
      'newsletter',
      'sign up',
      'sign up now',
      'get our newsletter',
      'join our newsletter',
      'join our mailing list',
      'enter your email',
      'enter your email address',
      'your email address',
      'email address',
      'thank you for subscribing',
      'unsubscribe',
      // An email newsletter's own furniture, when one is saved and imported.
      'view this email in your browser',
      'view this email in a browser',
      'view in browser',
      'view online',
      'view email online',
      'update your preferences',
      'manage your preferences',
      'manage your subscription',
      'email preferences',
      'unsubscribe from this list',
      // A paywall's prompt on sites in other languages.
      "s'abonner",
      'abonnez-vous',
      'article réservé aux abonnés',
      'réservé aux abonnés',
      'abonnieren',
      'jetzt abonnieren',
      'nur für abonnenten',
      'exklusiv für abonnenten',
      'suscríbete',
      'suscribirse',
      'exclusivo para suscriptores',
      'assine',
      'assine já',
      'exclusivo para assinantes',
      'abbonati',
      'riservato agli abbonati',
      'abonneer',
      'подписаться'
    ],
    prefixes: [
      'subscribe to ', 'subscribe for ', 'sign up for ', 'sign up to ', 'by signing up', 'by subscribing', 'abonnez-vous pour ', 'la suite est réservée aux abonnés',
      'you are receiving this email', "you're receiving this email", 'you received this email', 'if you were forwarded this email', 'was this email forwarded to you',
      'forwarded this email?', 'to unsubscribe', 'unsubscribe ·', 'unsubscribe |'
    ],
    patterns: [
      /^il vous reste \d+ ?% de cet article/,
      // A newsletter's sign-off: "Thanks for reading Logistics Letters! Subscribe for free to receive new posts."
      /^thanks? (?:you )?for reading\b.{0,150}\b(?:subscribe|subscription|sign up|paid subscriber)/
    ]
  },
  {
    reason: CHROME.advertisement,
    exact: [
      'advertisement',
      'advertisements',
      'advert',
      'ad',
      'ads',
      'sponsored',
      'sponsored content',
      'paid content',
      'paid post',
      'promoted',
      'promoted content',
      'story continues below advertisement',
      'article continues below advertisement',
      'continue reading below',
      'scroll to continue with content',
      'continue reading the main story',
      'scroll to continue reading',
      'ad feedback',
      'report this ad',
      'advertisement · scroll to continue',
      'scroll to continue',
      // The label over an advert on sites in other languages.
      'anzeige',
      'werbung',
      'publicité',
      'publicidad',
      'pubblicità',
      'publicidade',
      'advertentie',
      'реклама'
    ]
  },
  { reason: CHROME.loading, exact: ['loading', 'like loading', 'please wait'] },
  {
    reason: CHROME.feedback,
    exact: [
      'is this page useful',
      'was this page helpful',
      'was this page useful',
      'was this article helpful',
      'was this article useful',
      'was this helpful',
      'did you find this helpful',
      'did you find this useful',
      'did you find what you were looking for',
      'report a problem with this page',
      'report an issue with this page',
      'give feedback',
      'give feedback about this page',
      'help us improve this page',
      'rate this article',
      'rate this page'
    ],
    prefixes: ['is this page useful?', 'was this page helpful?', 'was this article helpful?']
  },
  {
    reason: CHROME.pressRelease,
    // Compared after normalise(), which drops a leading dash: "-ENDS-" is "ends-" here.
    exact: ['for immediate release', 'immediate release', 'press release', 'news release', 'media release', '###', '# # #', 'ends-', 'ends -', 'ends', '30-', '30 -', 'end', 'end-', 'end -', '(end)', '(ends)']
  },
  {
    reason: CHROME.cookies,
    exact: [
      'accept all',
      'accept all cookies',
      'accept cookies',
      'reject all',
      'manage cookies',
      'cookie settings',
      'cookie preferences',
      'manage preferences',
      'manage options',
      'i accept',
      'ok, i agree',
      'allow all',
      'allow cookies',
      'got it'
    ],
    prefixes: [
      'we use cookies',
      'we and our partners use cookies',
      'this website uses cookies',
      'this site uses cookies',
      'our website uses cookies',
      'by continuing to use this site',
      'by continuing to use our site',
      'by continuing to browse',
      'we value your privacy'
    ]
  },
  {
    reason: CHROME.navigation,
    exact: [
      'skip to content',
      'skip to main content',
      'skip to navigation',
      'jump to content',
      'menu',
      'main menu',
      'open menu',
      'close menu',
      'toggle navigation',
      'home',
      'search',
      'sign in',
      'log in',
      'login',
      'log out',
      'my account',
      'back to top',
      'previous article',
      'next article',
      'previous post',
      'next post',
      // A wiki's line under its title.
      'from wikipedia, the free encyclopedia'
    ],
    patterns: [/^home\s*[›»>|/]/]
  },
  {
    reason: CHROME.footer,
    exact: ['terms of use', 'terms of service', 'terms and conditions', 'privacy policy', 'cookie policy', 'contact us', 'about us', 'advertise with us', 'sitemap'],
    // "Our Standards: The … Trust Principles.", under every story of a wire service.
    // A wiki's page footer: "This page was last edited on 4 October 2024", "Text is available under…".
    prefixes: [
      '©', 'copyright ©', 'copyright (c)', 'all rights reserved', 'our standards:', 'a version of this article appears in print',
      'this page was last edited on', 'this page was last modified on', 'text is available under the creative commons', 'content is available under', 'retrieved from "'
    ],
    patterns: [/^copyright \d{4}/, /^copyright\b.{0,80}\ball rights reserved/]
  }
]

/** Lower case, straight apostrophes, single spaces, no bullet before or stop after. */
function normalise(line: string): string {
  return line
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/gu, ' ')
    .replace(/^(?:[•·▪*>|-]\s*)+/u, '')
    .replace(/[\s:.!…»›>→|]+$/u, '')
    .trim()
}

/** "Read more: …", "READ ALSO: …": a pointer to another story, whatever its title. */
const TEASER = /^(?:read more|read also|also read|see also|read next|related|more|watch|listen|read)\s*[:：]\s*\S/i
/**
 * The same pointer on sites in other languages: a label of RELATED_ELSEWHERE ("Lire aussi",
 * "Lesen Sie auch", "Leia também") and then, after a colon or bar, the other story's title.
 */
const TEASER_ELSEWHERE = new RegExp(`^(?:${RELATED_ELSEWHERE.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*[:：|]\\s*\\S`, 'iu')
const TEASER_ALONE = new Set(['read more', 'continue reading', 'read the full article', 'read full story', 'read the full story', 'read full article'])

/**
 * "World | Europe | Politics", "Accueil > International > Europe", "Inicio / Internacional /
 * Europa": three or more short labels between bars, chevrons or spaced slashes.
 */
function isMenuRow(line: string): boolean {
  const cells = line.split(/\s*[|›»>]\s*|\s+\/\s+/u)
  if (cells.length < 3) return false
  return cells.every((cell) => cell !== '' && cell.split(/\s+/).length <= 3 && !/[.!?]$/.test(cell) && /\p{Script=Latin}/u.test(cell))
}

/** A row of share buttons: "Facebook Twitter LinkedIn Email". */
function isSocialRow(normalised: string): boolean {
  const words = normalised.split(/[\s,|/·•]+/).filter(Boolean)
  return words.length >= 2 && words.every((w) => SOCIAL.includes(w) || w === 'x' || w === 'share')
}

/** A share button's label too short to name it alone ("X"): share chrome only between share buttons. */
export function isShareButtonWord(line: string): boolean {
  return SHARE_BUTTON_WORDS.has(normalise(line))
}

const SHARE_BUTTON_WORDS: ReadonlySet<string> = new Set(['x', 'x.com', 'threads', 'bluesky', 'mastodon'])

/**
 * A protective marking alone on its line, as governments and threat-intelligence sharing print
 * them: in capitals (a heading "Confidential sources" is not one), or the Traffic Light Protocol's.
 */
const MARKING =
  /^(?:(?:TOP\s+)?SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|OFFICIAL(?:\s*[-–—]\s*SENSITIVE)?|PROTECTED(?:\s+[ABC])?|CLASSIFIED|FOR OFFICIAL USE ONLY|FOUO|CUI|CONTROLLED UNCLASSIFIED INFORMATION|SENSITIVE BUT UNCLASSIFIED|NATO (?:UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET)|COMMERCIAL IN CONFIDENCE)(?:\s*(?:\/\/|\/|[-–—])\s*[A-Z0-9][A-Z0-9 ,/+.-]{0,60})?$/u
const TLP = /^TLP\s*:\s*(?:CLEAR|WHITE|GREEN|AMBER(?:\+STRICT)?|RED)$/iu

export function isProtectiveMarking(line: string): boolean {
  const text = line.trim()
  return text.length <= 80 && (MARKING.test(text) || TLP.test(text))
}

/**
 * A document's protective markings among its blocks (a Word file's first and last lines, a
 * one-page PDF's banner), set aside with their reason; running heads already take a marking
 * printed on every page.
 */
export function setAsideMarkings(blocks: Block[]): void {
  for (const block of blocks) {
    if (!block.removed && (block.kind === 'paragraph' || block.kind === 'heading') && isProtectiveMarking(block.text)) block.removed = { reason: CHROME.marking }
  }
}

/** The reason a line is site chrome, or null to keep it. */
export function chromeReason(line: string): string | null {
  if (line.length > 300) return null
  if (isProtectiveMarking(line)) return CHROME.marking
  if (/^(?:[_*=~—–-]\s*){3,}$/u.test(line.trim())) return CHROME.separator
  if (TEASER.test(line) || (line.length <= 200 && TEASER_ELSEWHERE.test(line))) return CHROME.teaser
  const text = normalise(line)
  if (text === '') return null
  if (TEASER_ALONE.has(text)) return CHROME.teaser
  for (const rule of RULES) {
    if (rule.exact?.includes(text)) return rule.reason
    if (rule.prefixes?.some((p) => text.startsWith(p))) return rule.reason
    if (rule.patterns?.some((p) => p.test(text))) return rule.reason
  }
  if (isSocialRow(text)) return CHROME.share
  if (isMenuRow(line)) return CHROME.navigation
  return null
}
