import { Fragment, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from 'react'
import { pageAt, placeBlocks } from '../../../shared/document/article-document'
import { pageSpan } from '../../../shared/pdf/page-text-map'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import { keyHint } from '../../../shared/shortcuts'
import { useClient } from '../api/client-context'
import { useCommand } from '../commands/command-registry'
import { PageView, type PageViewHandle } from '../pages/PageView'
import { usePageViewState } from '../pages/page-view-store'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { useEntityMarks } from '../entities/use-entity-marks'
import { AddEntityDialog } from '../entities/AddEntityDialog'
import { kindMessage } from '../entities/entity-kinds'
import { useToast } from '../ui/Toast'
import { BlockView } from './BlockView'
import { GradeChip } from '../grades/GradeChip'
import { TagsField } from '../app/TagsField'
import { MetadataForm } from './MetadataForm'
import { useReadingCursor } from './use-reading-cursor'
import { rangeToOffsets } from './selection-offsets'
import { formatDate } from '../app/format-date'
import { languageDirection, textDirection } from '../../../shared/text/direction'
import type { Translate } from '../../../shared/i18n'
import { cssLabels } from '../i18n/css-labels'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'
import { removedReason } from './removed-reason'
import { FIRST_CHARS, STEP_CHARS, useProgressiveCount } from './progressive-blocks'

interface Props {
  article: Article
  highlights: readonly Highlight[]
  labels: readonly Label[]
  selectedHighlightId: string | null
  onSelectHighlight(id: string): void
  onCreateHighlight(start: number, end: number, labelId: string | null): void
  onSetBlockRemoved(blockIndex: number, removed: boolean): void
  onArticleChanged(article: Article): void
  onSetTags(tags: string[]): void
  /** Filled in by the reader: the canonical offsets of the current selection, if any. */
  selectionRef: MutableRefObject<(() => { start: number; end: number } | null) | null>
}

/**
 * The article, read-only, drawn from its blocks with highlights as marks. A plain view rather
 * than a Lexical editor: offsets into one canonical text are the source of truth (decision 0003).
 */
export function ReaderPane(props: Props) {
  const { article, highlights, labels, selectedHighlightId, onSelectHighlight, onCreateHighlight, onSetBlockRemoved } = props
  const t = useT()
  const { intl } = useLocale()
  const textRef = useRef<HTMLDivElement>(null)
  const readerRef = useRef<HTMLElement>(null)
  // Both belong to the article they were opened on: another article opens without them.
  const [showRemovedOf, setShowRemovedOf] = useState<string | null>(null)
  const [editingOf, setEditingOf] = useState<string | null>(null)
  const showRemoved = showRemovedOf === article.id
  const editing = editingOf === article.id
  const setEditing = (on: boolean) => setEditingOf(on ? article.id : null)
  const placed = useMemo(() => placeBlocks(article.document), [article.document])
  // A long article is drawn from its top a step per frame: the first paint does not wait for it all.
  const lengths = useMemo(() => placed.map((p) => p.block.text.length), [placed])
  // A PDF reads in the Text view or the Page view (its own layout), remembered per document.
  const isPdf = article.originalType === 'pdf'
  const pages = usePageViewState(article.id)
  const mode = isPdf ? pages.mode : 'text'
  // Under the Page view the hidden text stops growing: its steps would compete with page 1's paint.
  const drawn = useProgressiveCount(article.id, lengths, FIRST_CHARS, STEP_CHARS, mode !== 'text')
  // The article's direction comes from its language, else its letters; each block then takes
  // its own from its letters, so an English quote in an Arabic article still reads left to right.
  const articleDir = useMemo(() => languageDirection(article.language) ?? textDirection(article.text, 'ltr')!, [article.language, article.text])
  const blockDirs = useMemo(() => placed.map((p) => textDirection(p.block.text, articleDir)!), [placed, articleDir])
  const lang = article.language && article.language !== 'und' ? article.language : undefined
  const cursor = useReadingCursor(textRef, placed, blockDirs)
  const pageView = useRef<PageViewHandle>(null)
  /** Where the text view picks up after the Page view: the start of the page that was being read. */
  const resumeAt = useRef<number | null>(null)

  // Another article opens at its top; a passage it was opened for scrolls there afterwards.
  useLayoutEffect(() => {
    if (readerRef.current) readerRef.current.scrollTop = 0
  }, [article.id])
  const removedCount = placed.filter((p) => p.start === null).length
  const entityMarks = useEntityMarks(article.id)
  const spans = useMemo(
    () => highlights.filter((h) => !h.orphaned).map((h) => ({ id: h.id, start: h.start, end: h.end })),
    [highlights]
  )
  const colorOf = useMemo(() => {
    const labelColor = new Map(labels.map((l) => [l.id, l.color]))
    const highlightColor = new Map(highlights.map((h) => [h.id, (h.labelId && labelColor.get(h.labelId)) || 'gray']))
    return (id: string) => highlightColor.get(id) ?? 'gray'
  }, [highlights, labels])
  const markLabel = useMemo(() => {
    const labelName = new Map(labels.map((l) => [l.id, l.name]))
    const noLabel = t('reader:noLabel')
    const names = new Map(highlights.map((h) => [h.id, (h.labelId && labelName.get(h.labelId)) || noLabel]))
    // A mark's accessible name: its label and the words it covers, worded in the interface language.
    return (id: string, words: string) => t('reader:markLabel', { label: names.get(id) ?? noLabel, words })
  }, [highlights, labels, t])
  // One tab stop among the marks (the selected highlight, else the first): [ and ] move between them.
  const tabStopId = spans.some((s) => s.id === selectedHighlightId) ? selectedHighlightId : ([...spans].sort((a, b) => a.start - b.start)[0]?.id ?? null)
  const numbers = useMemo(() => listNumbers(placed.map((p) => (p.start === null ? null : p.block))), [placed])

  function selectedOffsets(): { start: number; end: number } | null {
    if (mode === 'page') return pageView.current?.selectedOffsets() ?? null
    const selection = window.getSelection()
    const root = textRef.current
    if (!selection || selection.isCollapsed || !root || selection.rangeCount === 0) return null
    return rangeToOffsets(root, selection.getRangeAt(0))
  }

  function highlightSelection(labelId: string | null = labels[0]?.id ?? null): boolean {
    const offsets = selectedOffsets()
    if (!offsets) return false
    onCreateHighlight(offsets.start, offsets.end, labelId)
    window.getSelection()?.removeAllRanges()
    return true
  }

  // The PDF's bytes are asked for as the analyst reaches for the Page view (the button pressed,
  // its key, the command), before React draws anything: the Page view then takes that answer.
  const client = useClient()
  const primePdf = () => {
    if (isPdf && mode !== 'page') void client.prime('article.originalPdf', { id: article.id })
  }

  /** Text → Page opens the page of the first paragraph in view; Page → Text the start of the page being read. */
  function switchView(to: 'text' | 'page') {
    if (!isPdf || to === mode) return
    if (to === 'page') {
      primePdf()
      const top = readerRef.current?.getBoundingClientRect().top ?? 0
      const pieces = textRef.current?.querySelectorAll<HTMLElement>('[data-start]') ?? []
      const inView = [...pieces].find((el) => el.getBoundingClientRect().bottom > top)
      const offset = inView ? Number(inView.dataset.start) : 0
      pages.setMode('page', pageAt(article.document, offset)?.page ?? 1)
    } else {
      resumeAt.current = pageSpan(article.document, pages.page)?.start ?? null
      pages.setMode('text')
    }
  }
  useLayoutEffect(() => {
    const offset = resumeAt.current
    resumeAt.current = null
    if (mode !== 'text' || offset === null || !textRef.current) return
    const pieces = [...textRef.current.querySelectorAll<HTMLElement>('[data-start]')]
    const at = pieces.filter((el) => Number(el.dataset.start) <= offset).at(-1)
    at?.scrollIntoView({ block: 'start' })
  }, [mode])
  const switchRef = useRef(switchView)
  useEffect(() => {
    switchRef.current = switchView
  })
  useCommand('reader.toggleEntities', () => entityMarks.toggle())
  useCommand('reader.togglePageView', () => (isPdf ? switchRef.current(mode === 'page' ? 'text' : 'page') : false))

  // The selected words as an entity of the analyst's own (or a mention of one), in a dialog.
  const toast = useToast()
  const [addingEntity, setAddingEntity] = useState<{ start: number; end: number; words: string } | null>(null)
  function addEntity(): boolean {
    const offsets = selectedOffsets()
    if (!offsets) return false
    setAddingEntity({ ...offsets, words: article.text.slice(offsets.start, offsets.end) })
    return true
  }
  const addEntityRef = useRef(addEntity)
  useEffect(() => {
    addEntityRef.current = addEntity
  })
  useCommand('reader.addEntity', () => addEntityRef.current())

  // Listen on the document: after a mouse selection the focus may be anywhere outside an editor.
  const highlightRef = useRef(highlightSelection)
  const labelsRef = useRef(labels)
  useEffect(() => {
    highlightRef.current = highlightSelection
    labelsRef.current = labels
  })
  useImperativeHandle(props.selectionRef, () => selectedOffsets)

  // The mouse path: a small toolbar by the selection, with the same choices as the keys.
  const [toolbarAt, setToolbarAt] = useState<{ top: number; left: number } | null>(null)
  useEffect(() => {
    function onSelectionChange() {
      const selection = window.getSelection()
      // The Text view stays mounted, hidden, under the Page view: the visible one holds the selection.
      const root = (textRef.current?.hidden === false ? textRef.current : null) ?? readerRef.current?.querySelector('.pdf-pages')
      if (!selection || selection.isCollapsed || !root || selection.rangeCount === 0 || !root.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        setToolbarAt(null)
        return
      }
      const rect = selection.getRangeAt(0).getBoundingClientRect()
      setToolbarAt({ top: Math.max(4, rect.top - 40), left: Math.max(4, rect.left) })
    }
    document.addEventListener('selectionchange', onSelectionChange)
    return () => document.removeEventListener('selectionchange', onSelectionChange)
  }, [])
  // H highlights with the first label, 1–9 with the nth: only while text is selected.
  useShortcuts({
    'reader.togglePageView': () => (isPdf ? switchRef.current(mode === 'page' ? 'text' : 'page') : false),
    'reader.toggleEntities': () => entityMarks.toggle(),
    'reader.addEntity': () => addEntityRef.current(),
    'reader.highlight': () => highlightRef.current(),
    'reader.highlightWithLabel': (key) => {
      const label = labelsRef.current[Number(key) - 1]
      return label ? highlightRef.current(label.id) : false
    }
  })

  const [nothingSelected, setNothingSelected] = useState(false)
  const pick = (labelId?: string) => setNothingSelected(!highlightSelection(labelId))
  useEffect(() => {
    if (!nothingSelected) return
    const clear = () => {
      if (!window.getSelection()?.isCollapsed) setNothingSelected(false)
    }
    document.addEventListener('selectionchange', clear)
    return () => document.removeEventListener('selectionchange', clear)
  }, [nothingSelected])

  // Stable, so the blocks already drawn are not drawn again at each step (BlockView is memoized).
  const selectRef = useRef(onSelectHighlight)
  useEffect(() => {
    selectRef.current = onSelectHighlight
  })
  const onMarkClick = useCallback((ids: string[]) => selectRef.current(ids.at(-1)!), [])

  // Memoised: switching to the Page view only hides the text, and must not walk every drawn block again.
  const blocks = useMemo(
    () =>
      placed.slice(0, drawn).map((p) => (
        <Fragment key={p.index}>
          {p.start === null ? (
            showRemoved && (
              <div className="removed-block" data-testid="removed-block">
                <span className="removed-reason">{t('reader:removed.reason', { reason: removedReason(p.block.removed?.reason ?? '', t) })}</span>
                <p className="removed-text">{p.block.text}</p>
                <button type="button" onClick={() => onSetBlockRemoved(p.index, false)}>
                  {t('reader:removed.restore')}
                </button>
              </div>
            )
          ) : (
            <div className={`block-row${cursor.blockIndex === p.index ? ' reading-cursor' : ''}`}>
              <BlockView
                block={p.block}
                start={p.start}
                number={numbers[p.index] ?? null}
                spans={spans}
                selectedHighlightId={selectedHighlightId}
                colorOf={colorOf}
                markLabel={markLabel}
                tabStopId={tabStopId}
                onMarkClick={onMarkClick}
                entityMarks={entityMarks.marks}
                dir={blockDirs[p.index]!}
              />
              {showRemoved && (
                <button type="button" className="remove-block" onClick={() => onSetBlockRemoved(p.index, true)} title={t('reader:removed.removeTitle')}>
                  {t('reader:removed.remove')}
                </button>
              )}
            </div>
          )}
        </Fragment>
      )),
    [placed, drawn, showRemoved, t, onSetBlockRemoved, cursor.blockIndex, numbers, spans, selectedHighlightId, colorOf, markLabel, tabStopId, onMarkClick, entityMarks.marks, blockDirs]
  )

  return (
    <article className="reader" aria-label={t('reader:label')} ref={readerRef}>
      <header className="reader-header">
        <h1 className="reader-title" lang={lang} dir={textDirection(article.title, articleDir)!}>
          {article.title}
        </h1>
        <p className="reader-meta" data-testid="reader-meta" translate="no">
          {[article.author, article.source, formatDate(article.publishedAt, intl), article.dateline].filter(Boolean).join(' · ') || article.originalName}
        </p>
        <ArticleLanguage language={lang ?? null} source={article.languageSource ?? null} />
        {article.sourceId !== undefined && (
          <p className="reader-grade" data-testid="reader-grade">
            {richT(t, article.reliabilityOverride ? 'reader:grade.own' : article.sourceId ? 'reader:grade.fromSource' : 'reader:grade.noSource', {
              grade: <GradeChip reliability={article.reliabilityOverride ?? article.sourceReliability ?? null} />
            })}
          </p>
        )}
        {article.capture && (
          <p className="reader-capture" data-testid="reader-capture">
            {richT(t, 'reader:capture', { url: <span translate="no">{article.capture.url}</span> }, { time: utcTime(article.capture.capturedAt) })}
          </p>
        )}
        <TagsField label={t('reader:tags')} tags={article.tags} onSave={props.onSetTags} />
        {editing && <MetadataForm article={article} onSaved={(a) => (props.onArticleChanged(a), setEditing(false))} onCancel={() => setEditing(false)} />}
        <div className="reader-actions">
          {isPdf && (
            <div className="view-switch" role="group" aria-label={t('reader:view.group')}>
              <button type="button" aria-pressed={mode === 'text'} onClick={() => switchView('text')} title={t('reader:view.textTitle', { keys: keyHint('reader.togglePageView', t) })}>
                {t('reader:view.text')}
              </button>
              <button type="button" aria-pressed={mode === 'page'} onPointerDown={primePdf}
                onClick={() => switchView('page')}
                title={t('reader:view.pageTitle', { keys: keyHint('reader.togglePageView', t) })}
                data-testid="page-view-button"
              >
                {t('reader:view.page')}
              </button>
            </div>
          )}
          <button type="button" onMouseDown={(e) => e.preventDefault() /* keep the selection */} onClick={() => pick()} title={t('reader:highlightTitle', { key: 'H' })}>
            {richT(t, 'reader:highlight', { key: <kbd>H</kbd> })}
          </button>
          <LabelButtons labels={labels} withKeys onPick={(id) => pick(id)} />
          <button
            type="button"
            onClick={entityMarks.toggle}
            aria-pressed={entityMarks.on}
            title={t('reader:entitiesTitle', { keys: keyHint('reader.toggleEntities', t) })}
            data-testid="toggle-entities"
          >
            {entityMarks.on && entityMarks.count !== null ? t('reader:entitiesCount', { count: entityMarks.count }) : t('reader:entities')}
          </button>
          <button type="button" onClick={() => setShowRemovedOf(showRemoved ? null : article.id)} aria-pressed={showRemoved} data-testid="toggle-removed">
            {showRemoved ? t('reader:removed.hide') : t('reader:removed.show', { count: removedCount })}
          </button>
          {!editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('reader:editDetails')}
            </button>
          )}
        </div>
        {/* A button that does nothing must say why. */}
        <p className="reader-hint" role="status" data-testid="highlight-hint">
          {nothingSelected &&
            t('reader:nothingSelected', { extendWord: keyHint('reader.extendWord', t), nextParagraph: keyHint('reader.nextParagraph', t), nextSentence: keyHint('reader.nextSentence', t) })}
        </p>
      </header>
      {toolbarAt && (
        <div className="selection-toolbar" role="toolbar" aria-label={t('reader:selectionToolbar')} style={{ top: toolbarAt.top, left: toolbarAt.left }} data-testid="selection-toolbar">
          <LabelButtons labels={labels} withKeys={false} onPick={(id) => highlightSelection(id)} />
          <button type="button" onMouseDown={(e) => e.preventDefault() /* keep the selection */} onClick={() => addEntity()} title={t('reader:entityTitle', { keys: keyHint('reader.addEntity', t) })}>
            {t('reader:entity')}
          </button>
        </div>
      )}
      {addingEntity && (
        <AddEntityDialog
          articleId={article.id}
          start={addingEntity.start}
          end={addingEntity.end}
          words={addingEntity.words}
          onClose={() => setAddingEntity(null)}
          onAdded={(name, type) => {
            entityMarks.reload()
            toast({ text: t('reader:entityAdded', { name, kind: t(kindMessage(type)).toLocaleLowerCase(intl) }) })
          }}
        />
      )}
      {mode === 'page' && (
        <PageView
          key={article.id}
          article={article}
          highlights={highlights}
          labels={labels}
          selectedHighlightId={selectedHighlightId}
          scrollRoot={readerRef}
          page={pages.page}
          request={pages.request}
          onPageChange={pages.setPage}
          onSelectHighlight={onSelectHighlight}
          handle={pageView}
        />
      )}
      {/* Hidden, not unmounted, under the Page view: tearing down a long report's blocks held up the
          first page's paint, and the way back to Text is then immediate. */}
      <div
        className={`reader-text${showRemoved ? ' editing-blocks' : ''}`}
        hidden={mode !== 'text'}
        ref={textRef}
        tabIndex={0}
        data-testid="reader-text"
        data-drawing={drawn < placed.length && mode === 'text' ? '' : undefined}
        lang={lang}
        dir={articleDir}
        role="region"
        aria-label={cursorHelp(t)}
        // A caption's label is drawn by CSS (outside the text, so selections and offsets never include it).
        style={cssLabels({ '--caption-label': t('reader:caption') })}
      >
        {blocks}
      </div>
    </article>
  )
}

const cursorHelp = (t: Translate) => t('reader:textLabel', { nextParagraph: keyHint('reader.nextParagraph', t), nextSentence: keyHint('reader.nextSentence', t) })

/** The number of each item in a run of numbered list items at the same level. */
function listNumbers(blocks: readonly (import('../../../shared/document/article-document').Block | null)[]): (number | null)[] {
  const counters: number[] = []
  return blocks.map((b) => {
    if (!b) return null
    if (b.kind !== 'list-item') {
      counters.length = 0
      return null
    }
    const level = b.level ?? 0
    counters.length = level + 1
    counters[level] = (counters[level] ?? 0) + 1
    return b.ordered ? counters[level]! : null
  })
}

/** One button per label bound to a key (the first nine), highlighting the selection with it. */
function LabelButtons({ labels, withKeys, onPick }: { labels: readonly Label[]; withKeys: boolean; onPick(labelId: string): void }) {
  const t = useT()
  return (
    <>
      {labels.slice(0, 9).map((label, i) => (
        <button
          key={label.id}
          type="button"
          className={`label-chip c-${label.color}`}
          onMouseDown={(e) => e.preventDefault() /* keep the selection */}
          onClick={() => onPick(label.id)}
          title={t(i === 0 ? 'reader:labelTitleFirst' : 'reader:labelTitle', { name: label.name, key: String(i + 1) })}
        >
          <span translate="no">{label.name}</span>
          {withKeys && <kbd>{i + 1}</kbd>}
        </button>
      ))}
    </>
  )
}

/** A capture time as recorded, in UTC, so it reads the same on every machine and in every export: 2026-12-06 10:15 UTC. */
function utcTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** The article's language in the interface's language ("Arabic"), and whether it was detected: a wrong guess is corrected in Edit details…. */
function ArticleLanguage({ language, source }: { language: string | null; source: Article['languageSource'] }) {
  const t = useT()
  const { intl } = useLocale()
  const name = useMemo(() => (language ? languageName(language, intl) : null), [language, intl])
  return (
    <p className="reader-language" data-testid="reader-language">
      {/* The language's name comes from Intl (in the pseudo-locale, English): a name, not a string to translate. */}
      {!name ? t('reader:language.unknown') : richT(t, source === 'detected' ? 'reader:language.detected' : 'reader:language.shown', { language: <span translate="no">{name}</span> })}
    </p>
  )
}

function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
