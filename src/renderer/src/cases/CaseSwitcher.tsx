import { Briefcase, ChevronDown } from 'lucide-react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useClient } from '../api/client-context'
import { runCommand, useCommands } from '../commands/command-registry'
import type { CaseSwitcherProps } from '../shell/case-slot'
import { useRouter } from '../shell/router'
import { useWorkbench } from '../shell/workbench-context'
import { useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { Menu, type MenuItemSpec } from '../ui/Menu'
import { CaseNameDialog } from './CaseNameDialog'
import type { Highlight } from '../../../shared/domain-types'
import { caseName, refreshCases, useCases } from './cases-store'
import { achChanged, addToMatrix } from '../ach/ach-store'
import { useErrorText } from '../api/use-error-text'
import { whenIdle } from '../ui/when-idle'

// Loaded when first opened, or once the window is idle (decision 0030): the brief's checks bring
// the notes' snapshot schemas (zod), which the first paint does not need.
const load = {
  manifest: () => import('./ManifestDialog'),
  brief: () => import('./BriefDialog'),
  print: () => import('./BriefPrintView'),
  evidence: () => import('../claims/EvidencePicker')
}
const ManifestDialog = lazy(() => load.manifest().then((m) => ({ default: m.ManifestDialog })))
const BriefDialog = lazy(() => load.brief().then((m) => ({ default: m.BriefDialog })))
const BriefPrintView = lazy(() => load.print().then((m) => ({ default: m.BriefPrintView })))
const EvidencePicker = lazy(() => load.evidence().then((m) => ({ default: m.EvidencePicker })))

/**
 * The current case at the top of the window and the menu to change it: every open case, "All
 * library", New Case… and Rename Case…. The case is the route's `?case=`; main is told of each
 * change (`case.open`), so imports go to it and the app opens on it next time.
 */
export function CaseSwitcher({ caseId, setCase }: CaseSwitcherProps) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const toast = useToast()
  const { navigate } = useRouter()
  const { cases } = useCases()
  const [menuOpen, setMenuOpen] = useState(false)
  const { workspace, libraryChanged, fail } = useWorkbench()
  const [dialog, setDialog] = useState<'new' | 'rename' | 'manifest' | 'brief' | 'print' | null>(null)
  /** The highlight being added to a claim from the keyboard (Add Selected Highlight to a Claim…). */
  const [evidenceFor, setEvidenceFor] = useState<Highlight | null>(null)
  const started = useRef(false)
  // Until the last case used is known, "no case" in the address may only mean "not asked yet".
  const [resolved, setResolved] = useState(caseId !== null)

  useEffect(() => whenIdle(() => Object.values(load).forEach((get) => void get())), [])

  // First: the cases, and the last case used when the address names none.
  useEffect(() => {
    if (started.current) return
    started.current = true
    void refreshCases(client).catch(() => undefined)
    if (caseId !== null) return
    client
      .call('case.last', {})
      .then(({ case: last }) => {
        if (last) navigate({ caseId: last.id }, { replace: true })
      })
      .catch(() => undefined)
      .finally(() => setResolved(true))
  }, [client, caseId, navigate])

  // Main follows the route, so Back and Forward change where imports go too.
  useEffect(() => {
    if (!resolved) return
    client.call('case.open', { caseId }).catch((err: unknown) => {
      toast({ text: errorText(err) })
      navigate({ caseId: null }, { replace: true })
    })
  }, [client, caseId, resolved, navigate, toast, errorText])

  const current = cases.find((c) => c.id === caseId) ?? null
  const name = caseName(cases, caseId)

  useCommands({
    'case.new': () => setDialog('new'),
    'case.switch': () => setMenuOpen(true),
    'case.rename': () => (caseId ? setDialog('rename') : false),
    'case.allLibrary': () => setCase(null),
    'case.exportManifest': () => (caseId ? setDialog('manifest') : false),
    'case.brief': () => (caseId ? setDialog('brief') : false),
    'claim.new': () => {
      if (!caseId) return toast({ text: t('cases:switcher.claimsNeedCase') })
      runCommand('view.claims')
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="claim-text"]')?.focus())
    },
    'highlight.addToClaim': () => {
      const selected = workspace.selected
      if (!selected) return false
      if (!caseId) return toast({ text: t('cases:switcher.claimsNeedCase') })
      setEvidenceFor(selected)
    },
    'highlight.addToMatrix': () => {
      const selected = workspace.selected
      if (!selected) return false
      if (!caseId) return toast({ text: t('cases:switcher.hypothesesNeedCase') })
      addToMatrix(client, caseId, { highlightId: selected.id }, t('ach:title')).then(({ matrixName, rowId }) => {
        toast(
          rowId
            ? { text: t('cases:switcher.addedToMatrix', { matrix: matrixName }), undo: () => void client.call('ach.removeRow', { id: rowId }).then(achChanged, fail) }
            : { text: t('cases:switcher.inMatrixAlready', { matrix: matrixName }) }
        )
      }, fail)
    },
    'case.addArticle': () => {
      const article = workspace.article
      if (!caseId || !article) return false
      client
        .call('case.addArticles', { caseId, articleIds: [article.id] })
        .then(() => {
          libraryChanged()
          toast({ text: t('cases:switcher.articleAdded', { title: article.title, name: name ?? '' }) })
        })
        .catch(fail)
    }
  })

  const items: MenuItemSpec[] = [
    { id: 'all', label: t('cases:allLibrary'), checked: caseId === null, testId: 'case-all', run: () => setCase(null) },
    ...cases
      .filter((c) => !c.archivedAt)
      .map((c) => ({ id: c.id, label: t('cases:switcher.choice', { name: c.name, count: c.articles }), checked: c.id === caseId, testId: 'case-choice', run: () => setCase(c.id) })),
    { id: 'new', label: t('cases:switcher.new'), separatorBefore: true, testId: 'case-new', run: () => setDialog('new') },
    { id: 'rename', label: t('cases:switcher.rename'), disabled: !caseId, run: () => setDialog('rename') }
  ]

  return (
    <>
      <Menu
        label={t('cases:title')}
        open={menuOpen}
        onOpenChange={setMenuOpen}
        items={items}
        trigger={
          <button type="button" className="case-switcher" data-testid="case-switcher" aria-label={t('cases:switcher.label', { name: name ?? t('cases:allLibrary') })}>
            <Briefcase aria-hidden />
            <span className="case-switcher-name" data-testid="current-case">
              {name ?? t('cases:allLibrary')}
            </span>
            <ChevronDown aria-hidden />
          </button>
        }
      />
      {dialog === 'new' && (
        <CaseNameDialog
          title={t('cases:dialog.newTitle')}
          submitLabel={t('cases:dialog.create')}
          onSubmit={async (newName, description) => {
            const created = await client.call('case.create', { name: newName, description })
            await refreshCases(client)
            setCase(created.id)
            toast({ text: t('cases:switcher.created', { name: created.name }) })
          }}
          onClose={() => setDialog(null)}
        />
      )}
      <Suspense fallback={null}>
        {evidenceFor && caseId && <EvidencePicker caseId={caseId} highlight={evidenceFor} onClose={() => setEvidenceFor(null)} />}
        {dialog === 'manifest' && current && <ManifestDialog caseInfo={current} onClose={() => setDialog(null)} />}
        {dialog === 'brief' && current && <BriefDialog caseInfo={current} onClose={() => setDialog(null)} onPrint={() => setDialog('print')} />}
        {dialog === 'print' && current && <BriefPrintView caseInfo={current} onClose={() => setDialog(null)} />}
      </Suspense>
      {dialog === 'rename' && current && (
        <CaseNameDialog
          title={t('cases:dialog.renameTitle')}
          submitLabel={t('cases:dialog.rename')}
          initialName={current.name}
          initialDescription={current.description}
          onSubmit={async (newName, description) => {
            await client.call('case.update', { id: current.id, name: newName, description })
            await refreshCases(client)
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  )
}
