import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script, without type declarations.
import { FIREFOX_ID, manifestFor, packFolder } from './build-extension.mjs'

type Manifest = Record<string, unknown> & { permissions: string[]; background: Record<string, unknown> }

describe('the browser extension build', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('asks for activeTab and scripting, never for access to sites, and injects nothing by itself', () => {
    for (const target of ['chromium', 'firefox']) {
      const m = manifestFor(target, '1.2.3') as Manifest
      expect(m.manifest_version).toBe(3)
      expect(m.version).toBe('1.2.3')
      expect(m.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'])
      for (const key of ['host_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable', 'web_accessible_resources', 'content_security_policy']) {
        expect(m, `${target}: ${key}`).not.toHaveProperty(key)
      }
      expect(m.commands).toHaveProperty('save-page')
    }
  })

  it('gives Chromium a service worker and Firefox an event page with its add-on id', () => {
    expect(manifestFor('chromium', '1.0.0').background).toEqual({ service_worker: 'background.js' })
    const firefox = manifestFor('firefox', '1.0.0') as Manifest
    expect(firefox.background).toEqual({ scripts: ['background.js'] })
    expect(firefox.browser_specific_settings).toEqual({ gecko: { id: FIREFOX_ID, strict_min_version: '128.0' } })
  })

  it('packs a zip with the manifest at its root, as the browsers load it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ext-'))
    dirs.push(dir)
    mkdirSync(join(dir, 'build', 'icons'), { recursive: true })
    writeFileSync(join(dir, 'build', 'manifest.json'), '{"manifest_version":3}')
    writeFileSync(join(dir, 'build', 'icons', '16.png'), 'png')
    const zip = packFolder(join(dir, 'build'), join(dir, 'out.zip'))
    expect(Object.keys(unzipSync(readFileSync(zip))).sort()).toEqual(['icons/16.png', 'manifest.json'])
  })
})
