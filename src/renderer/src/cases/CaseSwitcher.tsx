import { Briefcase, ChevronDown } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useClient } from '../api/client-context'
import { runCommand, useCommands } from '../commands/command-registry'
import type { CaseSwitcherProps } from '../shell/case-slot'
import { useRouter } from '../shell/router'
import { useWorkbench } from '../shell/workbench-context'
import { useToast } from '../ui/Toast'
import { Menu, type MenuItemSpec } from '../ui/Menu'
import { CaseNameDialog } from './CaseNameDialog'
import { ManifestDialog } from './ManifestDialog'
import { BriefDialog } from './BriefDialog'
import { BriefPrintView } from './BriefPrintView'
import { EvidencePicker } from '../claims/EvidencePicker'
import type { Highlight } from '../../../shared/domain-types'
import { caseName, refreshCases, useCases } from './cases-store'
import { achChanged, addToMatrix } from '../ach/ach-store'

/**
 * The current case at the top of the window and the menu to change it: every open case, "All
 * library", New Case… and Rename Case…. The case is the route's `?case=`; main is told of each
 * change (`case.open`), so imports go to it and the app opens on it next time.
 */
export function CaseSwitcher({ caseId, setCase }: CaseSwitcherProps) {
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
      toast({ text: err instanceof Error ? err.message : String(err) })
      navigate({ caseId: null }, { replace: true })
    })
  }, [client, caseId, resolved, navigate, toast])

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
      if (!caseId) return toast({ text: 'Claims belong to a case: open one with the case switcher first.' })
      runCommand('view.claims')
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="claim-text"]')?.focus())
    },
    'highlight.addToClaim': () => {
      const selected = workspace.selected
      if (!selected) return false
      if (!caseId) return toast({ text: 'Claims belong to a case: open one with the case switcher first.' })
      setEvidenceFor(selected)
    },
    'highlight.addToMatrix': () => {
      const selected = workspace.selected
      if (!selected) return false
      if (!caseId) return toast({ text: 'Hypotheses belong to a case: open one with the case switcher first.' })
      addToMatrix(client, caseId, { highlightId: selected.id }).then(({ matrixName, rowId }) => {
        toast(
          rowId
            ? { text: `Added to the matrix “${matrixName}”.`, undo: () => void client.call('ach.removeRow', { id: rowId }).then(achChanged, fail) }
            : { text: `Already in the matrix “${matrixName}”.` }
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
          toast({ text: `“${article.title}” added to the case ${name ?? ''}.` })
        })
        .catch(fail)
    }
  })

  const items: MenuItemSpec[] = [
    { id: 'all', label: 'All library', checked: caseId === null, testId: 'case-all', run: () => setCase(null) },
    ...cases
      .filter((c) => !c.archivedAt)
      .map((c) => ({ id: c.id, label: `${c.name} (${c.articles})`, checked: c.id === caseId, testId: 'case-choice', run: () => setCase(c.id) })),
    { id: 'new', label: 'New Case…', separatorBefore: true, testId: 'case-new', run: () => setDialog('new') },
    { id: 'rename', label: 'Rename Case…', disabled: !caseId, run: () => setDialog('rename') }
  ]

  return (
    <>
      <Menu
        label="Cases"
        open={menuOpen}
        onOpenChange={setMenuOpen}
        items={items}
        trigger={
          <button type="button" className="case-switcher" data-testid="case-switcher" aria-label={`Case: ${name ?? 'All library'}. Switch case`}>
            <Briefcase aria-hidden />
            <span className="case-switcher-name" data-testid="current-case">
              {name ?? 'All library'}
            </span>
            <ChevronDown aria-hidden />
          </button>
        }
      />
      {dialog === 'new' && (
        <CaseNameDialog
          title="New case"
          submitLabel="Create"
          onSubmit={async (newName, description) => {
            const created = await client.call('case.create', { name: newName, description })
            await refreshCases(client)
            setCase(created.id)
            toast({ text: `Case “${created.name}” created. New imports go to it.` })
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {evidenceFor && caseId && <EvidencePicker caseId={caseId} highlight={evidenceFor} onClose={() => setEvidenceFor(null)} />}
      {dialog === 'manifest' && current && <ManifestDialog caseInfo={current} onClose={() => setDialog(null)} />}
      {dialog === 'brief' && current && <BriefDialog caseInfo={current} onClose={() => setDialog(null)} onPrint={() => setDialog('print')} />}
      {dialog === 'print' && current && <BriefPrintView caseInfo={current} onClose={() => setDialog(null)} />}
      {dialog === 'rename' && current && (
        <CaseNameDialog
          title="Rename case"
          submitLabel="Rename"
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
