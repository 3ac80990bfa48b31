import type Database from 'better-sqlite3'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { CaptureRequest, CaptureResponse, CaseChoice, PairResponse } from '../../../shared/capture/capture-protocol'
import { placeSelection } from '../../../shared/capture/place-selection'
import { DossierError } from '../../../shared/errors'
import { refuse, type RefusalId } from '../../../shared/refusals'
import type { ArticleService } from '../article-service'
import type { CaseService } from '../analysis/case-service'
import type { Clock } from '../clock'
import type { HighlightService } from '../highlight-service'
import { PairingCodes, type Redemption } from './pairing-codes'
import { browserPairingsRepo, capturesRepo, type BrowserPairingRow } from '../../db/repos/browser-pairings'
import { highlightsRepo } from '../../db/repos/highlights'

export interface BrowserPairing {
  id: string
  name: string
  origin: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

const REFUSED_CODE = {
  wrong: 'capture.code_wrong',
  locked: 'capture.code_locked',
  expired: 'capture.code_expired',
  none: 'capture.code_none'
} as const satisfies Record<Exclude<Redemption, 'paired'>, RefusalId>

/**
 * Pairing browsers and taking in their captures. A capture goes through the same import as a
 * saved HTML file (parse workers, Readability, DOMPurify, duplicates, new versions with their
 * highlights found again); what is particular to it is its provenance row (captures) and the
 * selection, which becomes a highlight.
 */
export class CaptureService {
  readonly codes: PairingCodes
  private readonly pairingRows: ReturnType<typeof browserPairingsRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly deps: { articles: ArticleService; highlights: HighlightService; cases: CaseService },
    codes?: PairingCodes
  ) {
    this.codes = codes ?? new PairingCodes()
    this.pairingRows = browserPairingsRepo(db)
  }

  /** "Connect browser": a new short code, shown in the app until used, withdrawn or expired. */
  startPairing(): { code: string; expiresAt: string } {
    const { code, expiresAt } = this.codes.issue()
    return { code, expiresAt: new Date(expiresAt).toISOString() }
  }

  /** The extension trades the code for a long key, bound to its own origin. Only the key's hash is stored. */
  pair(code: string, browser: string, origin: string): PairResponse {
    const outcome = this.codes.redeem(code)
    if (outcome !== 'paired') throw refuse(REFUSED_CODE[outcome])
    const key = randomBytes(32).toString('base64url')
    const id = randomUUID()
    this.pairingRows.insert({ id, name: browser.trim(), origin, key_sha256: sha256(key), created_at: this.clock() })
    return { key, pairingId: id }
  }

  /**
   * The pairing a key belongs to, when it is live and used from the origin it was given to. The
   * key is 256 random bits and looked up by its hash, so the lookup's timing tells nothing useful.
   */
  authenticate(key: string | undefined, origin: string): BrowserPairing | null {
    if (!key || key.length > 200) return null
    const row = this.pairingRows.liveByKeyHash(sha256(key))
    return row && row.origin === origin ? toPairing(row) : null
  }

  pairings(): BrowserPairing[] {
    return this.pairingRows.all().map(toPairing)
  }

  /** The browser's key stops working at once; the pairing stays listed as revoked. */
  revoke(id: string): BrowserPairing {
    const row = this.pairingRows.byId(id)
    if (!row) throw refuse('missing.paired_browser', { id })
    if (!row.revoked_at) this.pairingRows.revoke(id, this.clock())
    return toPairing(this.pairingRows.byId(id) ?? row)
  }

  /** The popup's case chooser: cases that are not archived, the open one marked. */
  caseChoices(): CaseChoice[] {
    const open = this.deps.cases.openCaseId
    return this.deps.cases.list().map((c) => ({ id: c.id, name: c.name, open: c.id === open }))
  }

  /**
   * One page from the browser. The HTML the extension read is the original, byte for byte; the
   * page is known by the address it was captured from. A page with no recognisable article is
   * taken whole (the analyst chose to save it), and says so.
   */
  async capture(request: CaptureRequest, pairing: BrowserPairing, articleLink: (id: string) => string | null): Promise<CaptureResponse> {
    const { articles, highlights, cases } = this.deps
    if (request.caseId !== null) {
      const target = cases.find(request.caseId)
      if (!target || target.archivedAt) {
        return rejected(`The case chosen in the extension is ${target ? 'archived' : 'no longer in Dossier'}; choose another one.`)
      }
    }
    const bytes = new TextEncoder().encode(request.html)
    const name = captureFileName(request.title, request.url)
    const via = { method: 'capture', origin: request.url, caseId: request.caseId } as const
    let result = await articles.importFile(name, bytes, { pageUrl: request.url }, via)
    let wholePage = false
    if (result.status === 'rejected' && result.canImportWholeText) {
      result = await articles.importFile(name, bytes, { pageUrl: request.url, wholeText: true }, via)
      wholePage = true
    }
    if (result.status === 'rejected' || result.status === 'skipped' || !result.articleId) return { ...rejected(result.message ?? `${name}: could not be saved.`), title: result.title }
    const articleId = result.articleId
    const status = result.status

    this.db.transaction(() => {
      capturesRepo(this.db).insert({
        article_id: articleId,
        pairing_id: pairing.id,
        status,
        url: request.url,
        captured_at: new Date(request.capturedAt).toISOString(),
        received_at: this.clock(),
        user_agent: request.userAgent,
        html_sha256: sha256(bytes)
      })
      this.pairingRows.markUsed(pairing.id, this.clock())
    })()
    if (request.tags.length) articles.setTags(articleId, [...new Set([...articles.tagsOf(articleId), ...request.tags])])

    const notes: string[] = []
    if (wholePage) notes.push('No article was recognised on this page, so its whole text was saved.')
    let highlightId: string | null = null
    if (request.selection) {
      const placed = placeSelection(articles.get(articleId).text, request.selection)
      if (!placed) notes.push('The selection is not in the saved text (it may be in a part of the page set aside as outside the article); no highlight was made.')
      else {
        try {
          highlightId = highlights.create(articleId, placed.start, placed.end).id
          notes.push('The selection is highlighted.')
        } catch (err) {
          if (!(err instanceof DossierError && err.code === 'duplicate')) throw err
          highlightId = existingHighlight(this.db, articleId, placed.start, placed.end)
          notes.push('The selection was already highlighted.')
        }
      }
    }
    const message = [result.status === 'imported' ? `Saved “${result.title}”.` : result.message, ...notes].filter(Boolean).join(' ')
    return { status, articleId, title: result.title, message, highlightId, openUrl: articleLink(articleId) }
  }
}

function rejected(message: string): CaptureResponse {
  return { status: 'rejected', articleId: null, title: null, message, highlightId: null, openUrl: null }
}

function existingHighlight(db: Database.Database, articleId: string, start: number, end: number): string | null {
  return highlightsRepo(db).liveIdAt(articleId, start, end) ?? null
}

/** The original's name in the library and in import messages: the page's title, or its host. */
export function captureFileName(title: string, url: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || hostOf(url)
  return `${base}.html`
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'Captured page'
  } catch {
    return 'Captured page'
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

function toPairing(r: BrowserPairingRow): BrowserPairing {
  return { id: r.id, name: r.name, origin: r.origin, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }
}
