/**
 * The contract's channel names without its schemas, so the sandboxed preload can expose exactly
 * these without bundling zod. Grouped as the contract's parts in src/shared/contract/; the
 * contract's index checks at compile time that the two lists agree.
 */
export const CHANNEL_NAMES = [
  // app
  'app.info',
  // library
  'library.list',
  'library.query',
  'library.facets',
  'library.warnings',
  // articles
  'article.get',
  'article.setBlockRemoved',
  'article.updateMetadata',
  'article.setTags',
  'article.originalPdf',
  // import
  'article.importFiles',
  'article.importPaste',
  'article.importSample',
  'import.status',
  'import.cancel',
  'import.retryWithPassword',
  // highlights
  'highlight.list',
  'highlight.create',
  'highlight.get',
  'highlight.delete',
  'highlight.restore',
  'highlight.setLabel',
  'highlight.reattach',
  'highlight.setTags',
  // labels
  'label.list',
  'label.create',
  'label.update',
  'label.delete',
  // notes
  'note.get',
  'note.save',
  'note.revisions',
  'note.restoreRevision',
  'notebook.get',
  'notebook.save',
  // settings
  'settings.get',
  'settings.set',
  // export
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
  // search
  'search.query',
  // trash
  'article.delete',
  'trash.list',
  'trash.restore',
  'trash.empty',
  // backup
  'backup.list',
  'backup.create',
  'backup.restore',
  // cases, sources and grades, claims, provenance
  'case.list',
  'case.create',
  'case.update',
  'case.archive',
  'case.restore',
  'case.addArticles',
  'case.removeArticles',
  'case.articles',
  'case.ofArticle',
  'case.open',
  'case.last',
  'case.notebookGet',
  'case.notebookSave',
  'source.list',
  'source.get',
  'source.articles',
  'source.unmerge',
  'source.rename',
  'source.merge',
  'source.split',
  'source.assign',
  'source.grade',
  'article.gradeReliability',
  'highlight.grade',
  'grade.history',
  'claim.list',
  'claim.get',
  'claim.create',
  'claim.link',
  'claim.unlink',
  'claim.update',
  'claim.delete',
  'claim.ofHighlight',
  'provenance.verify',
  'provenance.verifyStart',
  'provenance.verifyStatus',
  'provenance.verifyCancel',
  'provenance.manifest',
  'provenance.exportManifest',
  'article.nearCopies',
  // entities, watch list, timeline
  'entity.list',
  'entity.ofCase',
  'entity.get',
  'entity.page',
  'entity.mentionsIn',
  'entity.undo',
  'entity.merge',
  'entity.splitAlias',
  'entity.rename',
  'entity.retype',
  'entity.stop',
  'entity.add',
  'entity.addMention',
  'entity.extractLibrary',
  'entity.extractStatus',
  'entity.extractCancel',
  'entity.extractRunning',
  'watch.list',
  'watch.add',
  'watch.remove',
  'timeline.list',
  'timeline.confirm',
  'timeline.edit',
  'timeline.delete',
  'timeline.restore',
  'timeline.export',
  'timeline.addFromHighlight',
  // capture
  'capture.startPairing',
  'capture.cancelPairing',
  'capture.overview',
  'capture.revoke',
  // competing hypotheses (ACH)
  'ach.list',
  'ach.create',
  'ach.get',
  'ach.rename',
  'ach.delete',
  'ach.addHypothesis',
  'ach.editHypothesis',
  'ach.moveHypothesis',
  'ach.removeHypothesis',
  'ach.restoreHypothesis',
  'ach.addRows',
  'ach.removeRow',
  'ach.restoreRow',
  'ach.moveRow',
  'ach.updateRow',
  'ach.rate',
  'ach.snapshot',
  'ach.snapshots',
  'ach.snapshotGet',
  'ach.export',
  // the case's brief
  'brief.check',
  'brief.export',
  'brief.html',
  'brief.style',
  'brief.setStyle'
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** The Electron IPC channel a contract channel travels on. */
export const ipcChannel = (name: ChannelName): string => `dossier:${name}`
export const IPC_EVENT_CHANNEL = 'dossier:event'
export const IPC_FLUSHED_CHANNEL = 'dossier:flushed'
/**
 * The loopback server's answer to a channel that answers bytes (BytesOutput in the contract): the
 * bytes themselves are the body. Any other answer, and every failure, is JSON.
 */
export const BYTES_CONTENT_TYPE = 'application/octet-stream'
/**
 * The channels whose answer is bytes (BytesOutput), for a client without the contract's schemas:
 * the web shell receives them in a worker. A test holds this list to the contract.
 */
export const BYTES_CHANNELS: readonly ChannelName[] = ['article.originalPdf']
