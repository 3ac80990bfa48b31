/**
 * The contract's channel names without its schemas, so the sandboxed preload can expose exactly
 * these without bundling zod. contract.ts checks at compile time that the two lists agree.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'library.list',
  'article.get',
  'article.importFiles',
  'article.importPaste',
  'article.importSample',
  'article.setBlockRemoved',
  'article.updateMetadata',
  'import.status',
  'import.cancel',
  'highlight.list',
  'highlight.create',
  'highlight.get',
  'highlight.delete',
  'highlight.restore',
  'highlight.setLabel',
  'highlight.reattach',
  'highlight.setTags',
  'article.setTags',
  'label.list',
  'label.create',
  'label.update',
  'label.delete',
  'note.get',
  'note.save',
  'note.revisions',
  'note.restoreRevision',
  'notebook.get',
  'notebook.save',
  'settings.get',
  'settings.set',
  'export.markdown',
  'export.start',
  'export.status',
  'export.cancel',
  'export.tags',
  'export.getTemplate',
  'export.setTemplate',
  'export.resetTemplate',
  'export.previewTemplate',
  'export.highlights',
  'annotations.import',
  // Search and library at scale (issue 6)
  'search.query',
  'library.query',
  'library.facets',
  // Crash safety and data (issue 7)
  'article.delete',
  'trash.list',
  'trash.restore',
  'trash.empty',
  'library.warnings',
  'backup.list',
  'backup.create',
  'backup.restore'
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** The Electron IPC channel a contract channel travels on. */
export const ipcChannel = (name: ChannelName): string => `dossier:${name}`
export const IPC_EVENT_CHANNEL = 'dossier:event'
export const IPC_FLUSHED_CHANNEL = 'dossier:flushed'
