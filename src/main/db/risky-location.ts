import { readFileSync } from 'node:fs'
import { posix, win32 } from 'node:path'
import type { LocationWarning } from '../../shared/domain-types'

export interface LocationContext {
  platform: NodeJS.Platform
  /** The text of /proc/mounts on Linux (undefined elsewhere, or when unreadable). */
  mounts?: string
}

/** File systems where SQLite's locking or fsync cannot be trusted. */
const NETWORK_FS = /^(nfs4?|cifs|smb3?|smbfs|afs|ncpfs|9p|glusterfs|ceph|lustre|davfs|fuse\.(sshfs|rclone|davfs2?|s3fs|gcsfuse|glusterfs|ceph))$/

/** Folders a sync client rewrites behind SQLite's back, by a segment of the path. */
const SYNCED: [RegExp, string][] = [
  [/^Mobile Documents$|^iCloud Drive|^com~apple~CloudDocs$/i, 'iCloud Drive'],
  [/^Dropbox( \(.+\))?$|^Dropbox-/i, 'Dropbox'],
  [/^OneDrive( - .+)?$|^OneDrive-/i, 'OneDrive'],
  [/^Google ?Drive|^GoogleDrive-|^My Drive$/i, 'Google Drive'],
  [/^Box Sync$|^Box-Box$/i, 'Box'],
  [/^pCloud ?Drive$/i, 'pCloud']
]

const UNC = /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/

/**
 * Why the library's location is risky, in one sentence, or null when it is a local folder.
 * Pure: the caller passes the platform and, on Linux, /proc/mounts.
 */
export function riskyLocation(dbPath: string, context: LocationContext): string | null {
  return locationWarning(dbPath, context)?.message ?? null
}

/**
 * The same as a warning in parts (what kind of place, which service or mount), for the
 * interface to word in the analyst's language; `message` is the English sentence.
 */
export function locationWarning(dbPath: string, context: LocationContext): LocationWarning | null {
  if (UNC.test(dbPath)) return { kind: 'network-share', path: dbPath, message: `The library ${dbPath} is on a network share. ${ADVICE}` }
  const path = context.platform === 'win32' ? win32 : posix
  const segments = dbPath.split(context.platform === 'win32' ? /[\\/]+/ : /\/+/)
  for (const segment of segments) {
    for (const [pattern, service] of SYNCED) {
      if (pattern.test(segment)) {
        return { kind: 'synced', path: dbPath, service, message: `The library ${dbPath} is in a ${service} folder, which a sync client rewrites. ${ADVICE}` }
      }
    }
  }
  // macOS keeps every File Provider sync client's folders here.
  if (/\/Library\/CloudStorage\//.test(dbPath)) return { kind: 'cloud', path: dbPath, message: `The library ${dbPath} is in a cloud-synced folder. ${ADVICE}` }
  if (context.platform === 'linux' && context.mounts) {
    const mount = mountOf(path.resolve(dbPath), context.mounts)
    if (mount && NETWORK_FS.test(mount.type)) {
      return {
        kind: 'network-fs',
        path: dbPath,
        fsType: mount.type,
        mountPoint: mount.point,
        message: `The library ${dbPath} is on a network file system (${mount.type} at ${mount.point}). ${ADVICE}`
      }
    }
  }
  return null
}

const ADVICE =
  'SQLite databases there can be damaged by locking that does not work or by copies synced half-written; move the library to a local folder, and keep the backups for syncing.'

/** The mount holding `path`: the longest mount point that is a prefix of it. */
function mountOf(path: string, mounts: string): { point: string; type: string } | null {
  let best: { point: string; type: string } | null = null
  for (const line of mounts.split('\n')) {
    const [, rawPoint, type] = line.split(' ')
    if (!rawPoint || !type) continue
    // /proc/mounts writes spaces and tabs in mount points as octal escapes.
    const point = rawPoint.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
    const inside = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`)
    if (inside && (!best || point.length > best.point.length)) best = { point, type }
  }
  return best
}

/** The warnings for the library at `dbPath` on this machine (reads /proc/mounts on Linux). */
export function libraryWarnings(dbPath: string, readMounts: () => string | undefined = procMounts): LocationWarning[] {
  const warning = locationWarning(dbPath, { platform: process.platform, mounts: process.platform === 'linux' ? readMounts() : undefined })
  return warning ? [warning] : []
}

function procMounts(): string | undefined {
  try {
    return readFileSync('/proc/mounts', 'utf8')
  } catch {
    return undefined
  }
}
