import { posix, win32 } from 'node:path'

/** Electron names the userData folder after package.json's productName. */
export const APP_FOLDER_NAME = 'Dossier'
export const DB_FILE_NAME = 'dossier.sqlite'

type Env = Readonly<Record<string, string | undefined>>

/**
 * Where Electron's `app.getPath('userData')` points for Dossier, computed without Electron so
 * that plain-Node shells (CLI, web) open the same library as the desktop app.
 * Pure: the caller passes the platform, environment and home folder.
 */
export function userDataDir(platform: NodeJS.Platform, env: Env, homedir: string): string {
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? win32.join(homedir, 'AppData', 'Roaming')
    return win32.join(appData, APP_FOLDER_NAME)
  }
  if (platform === 'darwin') {
    return posix.join(homedir, 'Library', 'Application Support', APP_FOLDER_NAME)
  }
  // Linux and the other Unixes: Chromium takes XDG_CONFIG_HOME as given when it is set and non-empty.
  const configHome = nonEmpty(env.XDG_CONFIG_HOME) ?? posix.join(homedir, '.config')
  return posix.join(configHome, APP_FOLDER_NAME)
}

/** The desktop app's database file. */
export function defaultDbPath(platform: NodeJS.Platform, env: Env, homedir: string): string {
  const dir = userDataDir(platform, env, homedir)
  return platform === 'win32' ? win32.join(dir, DB_FILE_NAME) : posix.join(dir, DB_FILE_NAME)
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined
}
