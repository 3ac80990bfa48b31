import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/channel-names'
import type { AppEvent } from '../../shared/contract'
import type { CallResult } from '../../shared/errors'
import type { Dispatch } from '../services/dispatch'
import { isTrustedSender } from './security'

export type SenderCheck = (event: IpcMainEvent | IpcMainInvokeEvent) => boolean

export const UNAUTHORIZED: CallResult<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Refused: the call did not come from the Dossier window.' }
}

/**
 * A sender is trusted when it is the top frame of our current window, still showing our page.
 * The window is looked up on each call because macOS may close and reopen it.
 */
export function createSenderCheck(
  getWindow: () => Pick<BrowserWindow, 'webContents' | 'isDestroyed'> | null,
  trustedPageUrl: string
): SenderCheck {
  return (event) => {
    const win = getWindow()
    if (!win || win.isDestroyed() || event.sender !== win.webContents) return false
    return isTrustedSender(event.senderFrame, trustedPageUrl)
  }
}

/**
 * One handler per contract channel, each passing straight to the services' dispatch, which
 * validates input and output. Returns a function that removes them all.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrusted: SenderCheck
): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => (isTrusted(event) ? dispatch(name, input) : UNAUTHORIZED))
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(name))
  }
}

/** Sends an event to the page; false when there is no live page to receive it. */
export function sendAppEvent(
  contents: Pick<WebContents, 'send' | 'isDestroyed' | 'isCrashed'> | null | undefined,
  event: AppEvent
): boolean {
  if (!contents || contents.isDestroyed() || contents.isCrashed()) return false
  contents.send(IPC_EVENT_CHANNEL, event)
  return true
}
