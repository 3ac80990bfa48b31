import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { APP_PAGE_URL, appUrlSegments, createAppProtocolHandler, resolveAppFile } from './app-protocol'

// Made at collection time: the refusal table below names paths inside it.
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'dossier-app-protocol-')))
const root = join(dir, 'renderer')

// A real renderer folder, with a secret beside it and symlinks pointing in and out.
beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dossier</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("dossier")')
  writeFileSync(join(root, 'assets', 'space name.css'), 'body{}')
  writeFileSync(join(dir, 'secret.txt'), 'SECRET outside the renderer')
  mkdirSync(join(dir, 'renderer-evil'))
  writeFileSync(join(dir, 'renderer-evil', 'x.js'), 'SECRET in a sibling sharing the prefix')
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'out-link.txt'))
  symlinkSync(dir, join(root, 'assets', 'out-dir'))
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'in-link.js'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('resolveAppFile on the real file system', () => {
  it('serves the page and its assets', async () => {
    expect(await resolveAppFile(root, APP_PAGE_URL)).toBe(join(root, 'index.html'))
    expect(await resolveAppFile(root, 'app://dossier/')).toBe(join(root, 'index.html'))
    expect(await resolveAppFile(root, 'app://dossier/index.html#/article/3')).toBe(join(root, 'index.html'))
    expect(await resolveAppFile(root, 'app://dossier/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'))
    expect(await resolveAppFile(root, 'app://dossier/assets/space%20name.css')).toBe(join(root, 'assets', 'space name.css'))
    expect(await resolveAppFile(root, 'APP://DOSSIER/index.html')).toBe(join(root, 'index.html'))
  })

  it('follows a symlink that stays inside the folder', async () => {
    expect(await resolveAppFile(root, 'app://dossier/in-link.js')).toBe(join(root, 'assets', 'app.js'))
  })

  it.each([
    ['parent step', 'app://dossier/../secret.txt'],
    ['parent step deeper', 'app://dossier/assets/../../secret.txt'],
    ['dot segment', 'app://dossier/./index.html'],
    ['encoded dots', 'app://dossier/%2e%2e/secret.txt'],
    ['encoded dots, mixed case', 'app://dossier/%2E%2e/secret.txt'],
    ['encoded slash', 'app://dossier/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://dossier/assets%5c..%5c..%5csecret.txt'],
    ['raw backslash', 'app://dossier/assets\\..\\..\\secret.txt'],
    ['double-encoded dots stay literal and miss', 'app://dossier/%252e%252e/secret.txt'],
    ['absolute path', `app://dossier/${dir}/secret.txt`],
    ['absolute path by empty segment', `app://dossier//${dir.slice(1)}/secret.txt`],
    ['encoded absolute path', `app://dossier/${encodeURIComponent(join(dir, 'secret.txt'))}`],
    ['Windows drive', 'app://dossier/C:/Windows/win.ini'],
    ['NUL byte', 'app://dossier/index.html%00.js'],
    ['raw NUL byte', 'app://dossier/index.html\u0000'],
    ['malformed escape', 'app://dossier/%E0%A4%A'],
    ['symlink to a file outside', 'app://dossier/assets/out-link.txt'],
    ['symlink to a folder outside', 'app://dossier/assets/out-dir/secret.txt'],
    ['a directory', 'app://dossier/assets'],
    ['missing file', 'app://dossier/nope.js'],
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['file URL', `file://${join(root, 'index.html')}`],
    ['https URL', 'https://dossier/index.html'],
    ['host prefix trick', 'app://dossier.evil/index.html'],
    ['credentials trick', 'app://dossier@evil/index.html']
  ])('refuses %s', async (_label, url) => {
    expect(await resolveAppFile(root, url)).toBeNull()
  })

  it('never names a file outside the folder, whatever the path', async () => {
    // Segments drawn from the pieces traversal attempts are made of.
    const piece = fc.constantFrom('..', '.', '%2e', '%2E%2e', '%2f', '%5c', '\\', '', 'assets', 'out-dir', 'out-link.txt', 'secret.txt', 'index.html', '%00', ':', 'C:', '~')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (parts) => {
        const file = await resolveAppFile(root, `app://dossier/${parts.join('/')}`)
        if (file !== null) expect(file.startsWith(root + '/')).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})

describe('appUrlSegments', () => {
  it('splits plain paths and refuses everything else', () => {
    expect(appUrlSegments('app://dossier/assets/app.js')).toEqual(['assets', 'app.js'])
    expect(appUrlSegments('app://dossier/a/../b')).toBeNull()
    expect(appUrlSegments(`app://dossier/${'a'.repeat(5000)}`)).toBeNull()
    expect(appUrlSegments(42 as unknown as string)).toBeNull()
  })
})

describe('the app:// handler', () => {
  it('serves our files with the CSP and refuses the rest with 404', async () => {
    const handler = createAppProtocolHandler(root, CONTENT_SECURITY_POLICY)
    // Electron hands the handler a Request; its method and url are all the handler reads.
    const real = await handler({ method: 'GET', url: APP_PAGE_URL } as Request)
    expect(real.status).toBe(200)
    expect(real.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(real.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await real.text()).toContain('<title>Dossier</title>')
    const secret = await handler({ method: 'GET', url: 'app://dossier/assets/out-link.txt' } as Request)
    expect(secret.status).toBe(404)
    expect(await secret.text()).not.toContain('SECRET')
    expect((await handler({ method: 'POST', url: APP_PAGE_URL } as Request)).status).toBe(405)
    const head = await handler({ method: 'HEAD', url: 'app://dossier/assets/app.js' } as Request)
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toContain('text/javascript')
  })
})
