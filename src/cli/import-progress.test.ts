import { describe, expect, it } from 'vitest'
import { importProgress } from './commands/import-command'
import { Printer } from './io'

function terminal(isTTY: boolean) {
  const io = { stdout: { write: (s: string) => (io.out += s) }, stderr: { isTTY, write: (s: string) => (io.err += s) }, env: { LANG: 'en_US.UTF-8' }, out: '', err: '' }
  return io
}

describe('dossier import progress', () => {
  it('shows "Importing… N of M files" on a terminal once an import runs long, redrawn in place, then clears it', async () => {
    const io = terminal(true)
    const out = new Printer(io)
    let now = 0
    const tick = await importProgress(out, 1000, () => now)
    tick(1) // at once: a short import never shows a progress line
    expect(io.err).toBe('')
    now = 1_500
    tick(312)
    expect(io.err).toBe('\rImporting… 312 of 1,000 files\u001b[K')
    now = 1_550
    tick(313) // not redrawn more often than every 200 ms
    now = 1_800
    tick(400)
    expect(io.err.split('\r').filter(Boolean)).toEqual(['Importing… 312 of 1,000 files\u001b[K', 'Importing… 400 of 1,000 files\u001b[K'])
    out.endProgress()
    expect(io.err.endsWith('\r\u001b[K')).toBe(true)
    // Results go to stdout untouched; an error after progress still starts on a clean line.
    expect(io.out).toBe('')
    out.progress('Importing… 401 of 1,000 files')
    out.error('1 of 1,000 files was rejected.')
    expect(io.err.endsWith('\r\u001b[Kdossier: 1 of 1,000 files was rejected.\n')).toBe(true)
  })

  it('writes nothing but the failure line when stderr is a pipe or a file', async () => {
    const io = terminal(false)
    const out = new Printer(io)
    let now = 0
    const tick = await importProgress(out, 1000, () => now)
    now = 5_000
    tick(999)
    out.endProgress()
    out.error('1 of 1,000 files was rejected.')
    expect(io.err).toBe('dossier: 1 of 1,000 files was rejected.\n')
  })
})
