import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodeToNearestRoot } from '@lexical/utils'
import { $getRoot, $getSelection, $isParagraphNode, COMMAND_PRIORITY_HIGH, createCommand } from 'lexical'
import { useEffect } from 'react'
import { $createClaimQuoteNode, type ClaimQuoteSnapshot } from '../../../../shared/notes/nodes/ClaimQuoteNode'

/** Inserts a quote of a claim where the caret is (or at the end when there is none). */
export const INSERT_CLAIM_QUOTE_COMMAND = createCommand<ClaimQuoteSnapshot>('INSERT_CLAIM_QUOTE_COMMAND')

/** Claim quotes come in by command (Quote a claim…), placed as a highlight quote is (HighlightQuotePlugin). */
export function ClaimQuotePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_CLAIM_QUOTE_COMMAND,
        (snapshot) => {
          if ($getSelection() === null) $getRoot().selectEnd()
          const quote = $insertNodeToNearestRoot($createClaimQuoteNode(snapshot))
          const before = quote.getPreviousSibling()
          if ($isParagraphNode(before) && before.isEmpty()) before.remove()
          return true
        },
        COMMAND_PRIORITY_HIGH
      ),
    [editor]
  )
  return null
}
