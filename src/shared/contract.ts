import { z } from 'zod'
import { Article, ArticleSummary, Highlight, Id, ImportJob, ImportResult, Label, LabelColor, MetadataPatch, Note, TrashItem, BackupInfo, LibraryCounts } from './domain-types'
import { CHANNEL_NAMES, type ChannelName } from './channel-names'
import { MENU_COMMANDS } from './menu-commands'
import { Notebook, NoteContent, NoteRevision, NoteTarget, RestoredNote } from './notes/note-schemas'
import { SearchResults } from './search/search-types'
import { AppSettings, SettingsPatch } from './settings'
import { LibraryFacets, LibraryPage, LibraryQueryInput } from './library/library-types'

/** A tag as typed: `#` and surrounding space are not part of it. */
const TagName = z
  .string()
  .transform((t) => t.trim().replace(/^#+/, '').trim())
  .pipe(z.string().min(1).max(60).regex(/^[^\s,]+( [^\s,]+)*$/, 'a tag is words without commas'))

const ExportDir = z.string().min(1).max(4096)
const ExportTemplateText = z.string().max(100_000)

const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('articles'), ids: z.array(Id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: TagName }).strict()
])

const ExportReport = z.object({
  outDir: z.string(),
  files: z.array(z.string()),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.array(z.object({ articleId: Id, title: z.string(), file: z.string(), conflictFile: z.string() }))
})

const ExportJob = z.object({
  jobId: Id,
  total: z.number().int(),
  done: z.number().int(),
  finished: z.boolean(),
  cancelled: z.boolean(),
  report: ExportReport.nullable(),
  error: z.string().nullable()
})

const ExportTemplateInfo = z.object({ template: z.string(), isDefault: z.boolean(), defaultTemplate: z.string() })

/** Files cross the bridge as base64 so the original bytes survive exactly. */
const MAX_FILE_BYTES = 50 * 1024 * 1024
const Base64 = z
  .string()
  .max(Math.ceil(MAX_FILE_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

const ImportFile = z.object({
  name: z.string().min(1).max(1024),
  dataBase64: Base64,
  /** Import the page's whole text when it has no recognisable article. */
  wholeText: z.boolean().optional()
})

/**
 * The one contract between renderer and main. Every channel maps to the schema its input must
 * pass and the schema its output promises. Main validates both; the preload exposes only
 * these names; the renderer's client is typed from it.
 */
export const contract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      dbPath: z.string(),
      defaultExportDir: z.string(),
      shell: z.enum(['electron', 'web'])
    })
  },
  'library.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(200),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: z.object({ items: z.array(ArticleSummary), total: z.number().int() })
  },
  'article.get': {
    input: z.object({ id: Id }).strict(),
    output: Article
  },
  'article.importFiles': {
    input: z.object({ files: z.array(ImportFile).min(1).max(1000) }).strict(),
    output: z.object({ results: z.array(ImportResult) })
  },
  'article.importPaste': {
    input: z.object({ text: z.string().max(MAX_FILE_BYTES) }).strict(),
    output: ImportResult
  },
  'article.importSample': {
    input: z.object({}).strict(),
    output: ImportResult
  },
  'article.setBlockRemoved': {
    input: z
      .object({
        articleId: Id,
        blockIndex: z.number().int().min(0).max(1_000_000),
        removed: z.boolean()
      })
      .strict(),
    output: z.object({ article: Article, highlights: z.array(Highlight) })
  },
  'article.updateMetadata': {
    input: z.object({ id: Id, patch: MetadataPatch }).strict(),
    output: Article
  },
  'import.status': {
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: ImportJob
  },
  'import.cancel': {
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: ImportJob
  },
  'highlight.list': {
    input: z.object({ articleId: Id }).strict(),
    output: z.array(Highlight)
  },
  'highlight.create': {
    input: z
      .object({
        articleId: Id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        /** Null or absent: the first label. */
        labelId: Id.nullable().optional()
      })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] }),
    output: Highlight
  },
  /** One highlight, for a dossier://highlight link: its article is opened at the passage. */
  'highlight.get': {
    input: z.object({ id: Id }).strict(),
    output: Highlight
  },
  'highlight.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deleted: z.boolean() })
  },
  /** Undo of a delete: the highlight comes back with its note. */
  'highlight.restore': {
    input: z.object({ id: Id }).strict(),
    output: Highlight
  },
  /** Places an orphaned (or misplaced) highlight on the passage the analyst selected. */
  'highlight.reattach': {
    input: z
      .object({ id: Id, start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] }),
    output: Highlight
  },
  'highlight.setTags': {
    input: z.object({ id: Id, tags: z.array(TagName).max(50) }).strict(),
    output: Highlight
  },
  'article.setTags': {
    input: z.object({ id: Id, tags: z.array(TagName).max(50) }).strict(),
    output: Article
  },
  'highlight.setLabel': {
    input: z.object({ id: Id, labelId: Id.nullable() }).strict(),
    output: Highlight
  },
  'label.list': {
    input: z.object({}).strict(),
    output: z.array(Label)
  },
  'label.create': {
    input: z.object({ name: z.string().trim().min(1).max(60), color: LabelColor }).strict(),
    output: Label
  },
  'label.update': {
    input: z.object({ id: Id, name: z.string().trim().min(1).max(60).optional(), color: LabelColor.optional() }).strict(),
    output: Label
  },
  /** Deleting a label says where its highlights go: another label, or none. */
  'label.delete': {
    input: z.object({ id: Id, moveTo: Id.nullable() }).strict(),
    output: z.object({ moved: z.number().int() })
  },
  'note.get': {
    input: z.object({ highlightId: Id }).strict(),
    output: Note.nullable()
  },
  'note.save': {
    input: z
      .object({
        highlightId: Id,
        content: NoteContent
      })
      .strict(),
    output: Note
  },
  /** Saved revisions of a highlight's note or an article's notebook, newest first. */
  'note.revisions': {
    input: NoteTarget,
    output: z.array(NoteRevision)
  },
  /** Makes an earlier revision current again (a new save, so it can be undone the same way). */
  'note.restoreRevision': {
    input: z.object({ revisionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: RestoredNote
  },
  'notebook.get': {
    input: z.object({ articleId: Id }).strict(),
    output: Notebook.nullable()
  },
  'notebook.save': {
    input: z.object({ articleId: Id, content: NoteContent }).strict(),
    output: Notebook
  },
  /** The Settings screen: theme, reader font size, default export folder. */
  'settings.get': {
    input: z.object({}).strict(),
    output: AppSettings
  },
  'settings.set': {
    input: SettingsPatch,
    output: AppSettings
  },
  'export.markdown': {
    input: z
      .object({
        outDir: ExportDir,
        articleIds: z.array(Id).max(100_000).optional(),
        tag: TagName.optional()
      })
      .strict(),
    output: ExportReport
  },
  /** Starts an export as a job the window polls (progress, cancel). */
  'export.start': {
    input: z.object({ outDir: ExportDir, scope: ExportScope }).strict(),
    output: ExportJob
  },
  'export.status': {
    input: z.object({ jobId: Id }).strict(),
    output: ExportJob
  },
  'export.cancel': {
    input: z.object({ jobId: Id }).strict(),
    output: ExportJob
  },
  /** Tags that have articles outside the Trash: the choices of "export everything tagged". */
  'export.tags': {
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), articles: z.number().int() }))
  },
  'export.getTemplate': {
    input: z.object({}).strict(),
    output: ExportTemplateInfo
  },
  /** Refused with the line at fault when the template does not compile. */
  'export.setTemplate': {
    input: z.object({ template: ExportTemplateText }).strict(),
    output: ExportTemplateInfo
  },
  'export.resetTemplate': {
    input: z.object({}).strict(),
    output: ExportTemplateInfo
  },
  'export.previewTemplate': {
    input: z.object({ template: ExportTemplateText, articleId: Id.optional() }).strict(),
    output: z.object({ markdown: z.string() })
  },
  /** Every highlight of the articles in scope in one file: W3C Web Annotation JSON or CSV. */
  'export.highlights': {
    input: z.object({ outDir: ExportDir, scope: ExportScope, format: z.enum(['json', 'csv']) }).strict(),
    /** `conflictFile`: the analyst had changed `file` since the last export; the new version went there. */
    output: z.object({ file: z.string(), count: z.number().int().nonnegative(), conflictFile: z.string().nullable() })
  },
  /** W3C annotations (a Dossier JSON export, a Hypothesis export) placed on the library's articles. */
  'annotations.import': {
    input: z.object({ name: z.string().min(1).max(1024), text: z.string().max(MAX_FILE_BYTES) }).strict(),
    output: z.object({
      imported: z.number().int().nonnegative(),
      needsReview: z.number().int().nonnegative(),
      duplicates: z.number().int().nonnegative(),
      skipped: z.array(z.string())
    })
  },
  // Search and library at scale (issue 6)
  /** Any query string is valid (see src/shared/search/parse-query.ts); results grouped by article. */
  'search.query': {
    input: z
      .object({
        query: z.string().max(10_000),
        limit: z.number().int().min(1).max(200).default(20),
        /** Searches with the same key replace each other while waiting (a search box typed into). */
        key: z.string().min(1).max(40).optional()
      })
      .strict(),
    output: SearchResults
  },
  /** One page of the library, sorted and filtered; the list asks only for the rows it shows. */
  'library.query': {
    input: LibraryQueryInput,
    output: LibraryPage
  },
  /** Counts for the library's filters, read from trigger-kept counts. */
  'library.facets': {
    input: z.object({}).strict(),
    output: LibraryFacets
  },
  // Crash safety and data (issue 7): Trash and backups
  /** Moves an article, with its highlights, notes and notebook, to the Trash. */
  'article.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deletedAt: z.string() })
  },
  'trash.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(TrashItem) })
  },
  'trash.restore': {
    input: z.object({ kind: z.enum(['article', 'highlight']), id: Id }).strict(),
    output: z.object({ restored: z.literal(true), articleId: Id })
  },
  /** Deletes everything in the Trash for good; the renderer asks first. */
  'trash.empty': {
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ articles: z.number().int(), highlights: z.number().int() })
  },
  /** Warnings about where the library lives (a network share, a synced folder), for a banner. */
  'library.warnings': {
    input: z.object({}).strict(),
    output: z.object({ warnings: z.array(z.string()) })
  },
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(BackupInfo) })
  },
  'backup.create': {
    input: z.object({}).strict(),
    output: BackupInfo
  },
  /** Restores a backup by its name in backup.list (never a path); the current library is kept as a backup. */
  'backup.restore': {
    input: z
      .object({ name: z.string().min(1).max(200).regex(/^[^/\\]+\.sqlite$/, 'a backup name from the list, not a path') })
      .strict(),
    output: z.object({ keptAs: BackupInfo, counts: LibraryCounts })
  }
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller may pass: defaults may be left out. */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives after validation: defaults filled in. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** Every transport (Electron IPC, loopback HTTP, in-process) implements this one signature. */
export type CallFn = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> }

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
}

// Both lists must name the same channels; this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const channelListsAgree: Same<Channel, ChannelName> = true
void channelListsAgree

/**
 * Events main sends to the renderer. File > Import… runs in main (a native dialog needs no user
 * gesture there, unlike a file input opened from a menu) and reports its results as an event.
 */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), command: z.enum(MENU_COMMANDS) }),
  z.object({ type: z.literal('import-results'), results: z.array(ImportResult) }),
  z.object({ type: z.literal('import-started'), jobId: z.string() }),
  z.object({ type: z.literal('library-changed'), articleIds: z.array(Id) }),
  z.object({ type: z.literal('flush-request') }),
  /** A dossier:// link the OS handed to the app (already parsed strictly in main). */
  z.object({ type: z.literal('open-link'), link: z.object({ kind: z.enum(['article', 'highlight']), id: Id }).strict() })
])
export type AppEvent = z.infer<typeof AppEvent>
