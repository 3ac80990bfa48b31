// @vitest-environment jsdom
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { runCommand, useCommand } from './command-registry'

/** A selection that changes later, as a new highlight's does once the server has stored it. */
function Selection({ ran }: { ran: string[] }) {
  const [selected, setSelected] = useState('first')
  useEffect(() => void setTimeout(() => setSelected('second'), 0), [])
  useCommand('highlight.addToMatrix', () => void ran.push(selected))
  return <p>{selected}</p>
}

describe('a command run right after a render', () => {
  it('sees that render’s state, not the one before, from the moment its change is on screen', async () => {
    const host = document.createElement('div')
    const ran: string[] = []
    const root = createRoot(host)
    // The moment the new text is in the page, before the browser paints it, a key runs the
    // command (MutationObserver callbacks come after the commit, before React's passive effects).
    const shown = new Promise<void>((resolve) =>
      new MutationObserver(() => {
        if (host.textContent !== 'second') return
        runCommand('highlight.addToMatrix')
        resolve()
      }).observe(host, { subtree: true, childList: true, characterData: true })
    )
    root.render(<Selection ran={ran} />)
    await shown
    expect(ran).toEqual(['second'])
    root.unmount()
  })
})
