import { describe, expect, it } from 'vitest'
import { locationWarning, riskyLocation } from './risky-location'

const MOUNTS = [
  '/dev/vda1 / ext4 rw,relatime 0 0',
  'server:/export/home /home/ana/shared nfs4 rw,relatime 0 0',
  '//fileserver/team /mnt/team cifs rw 0 0',
  'ana@host:/data /mnt/ssh\\040box fuse.sshfs rw 0 0',
  'tmpfs /tmp tmpfs rw 0 0'
].join('\n')

describe('riskyLocation', () => {
  it.each([
    ['darwin', '/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/Dossier/dossier.sqlite', 'iCloud Drive'],
    ['darwin', '/Users/ana/Dropbox/Research/dossier.sqlite', 'Dropbox'],
    ['darwin', '/Users/ana/Library/CloudStorage/OneDrive-Contoso/dossier.sqlite', 'OneDrive'],
    ['darwin', '/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/My Drive/dossier.sqlite', 'Google Drive'],
    ['win32', 'C:\\Users\\ana\\OneDrive - Contoso\\Dossier\\dossier.sqlite', 'OneDrive'],
    ['win32', 'C:\\Users\\ana\\Dropbox (Personal)\\dossier.sqlite', 'Dropbox'],
    ['win32', 'G:\\My Drive\\dossier.sqlite', 'Google Drive'],
    ['linux', '/home/ana/Dropbox/dossier.sqlite', 'Dropbox']
  ] as const)('warns about a synced folder on %s: %s', (platform, path, service) => {
    expect(riskyLocation(path, { platform, mounts: MOUNTS })).toContain(`in a ${service} folder`)
  })

  it.each(['\\\\fileserver\\team\\dossier.sqlite', '//fileserver/team/dossier.sqlite'])('warns about a UNC path %s', (path) => {
    expect(riskyLocation(path, { platform: 'win32' })).toContain('network share')
  })

  it.each([
    ['/home/ana/shared/dossier.sqlite', 'nfs4 at /home/ana/shared'],
    ['/mnt/team/lib/dossier.sqlite', 'cifs at /mnt/team'],
    ['/mnt/ssh box/dossier.sqlite', 'fuse.sshfs at /mnt/ssh box']
  ])('warns about a network mount from /proc/mounts: %s', (path, what) => {
    expect(riskyLocation(path, { platform: 'linux', mounts: MOUNTS })).toContain(`network file system (${what})`)
  })

  it.each([
    ['linux', '/home/ana/.config/Dossier/dossier.sqlite'],
    ['linux', '/home/ana/shared-notes/dossier.sqlite'],
    ['linux', '/tmp/dossier.sqlite'],
    ['darwin', '/Users/ana/Library/Application Support/Dossier/dossier.sqlite'],
    ['win32', 'C:\\Users\\ana\\AppData\\Roaming\\Dossier\\dossier.sqlite'],
    ['darwin', '/Users/ana/Documents/Dropbox notes.txt/dossier.sqlite']
  ] as const)('says nothing about a local folder: %s', (platform, path) => {
    expect(riskyLocation(path, { platform, mounts: MOUNTS })).toBeNull()
  })

  it('gives the warning in parts, for the interface to word in the analyst’s language', () => {
    expect(locationWarning('/Users/ana/Dropbox/Research/dossier.sqlite', { platform: 'darwin' })).toMatchObject({ kind: 'synced', service: 'Dropbox', path: '/Users/ana/Dropbox/Research/dossier.sqlite' })
    expect(locationWarning('/mnt/team/lib/dossier.sqlite', { platform: 'linux', mounts: MOUNTS })).toMatchObject({ kind: 'network-fs', fsType: 'cifs', mountPoint: '/mnt/team' })
    expect(locationWarning('//fileserver/team/dossier.sqlite', { platform: 'win32' })).toMatchObject({ kind: 'network-share' })
    expect(locationWarning('/Users/ana/Library/CloudStorage/Box-Box/dossier.sqlite', { platform: 'darwin' })).toMatchObject({ kind: 'synced', service: 'Box' })
  })
})
