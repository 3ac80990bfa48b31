import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_FLUSHED_CHANNEL, ipcChannel } from '../shared/channel-names'
import type { CallResult } from '../shared/errors'
import type { BridgeApi } from './bridge-api'

// One function per channel, each bound to its own IPC name: the page cannot reach any other.
const invoke = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input) as Promise<CallResult<unknown>>
  ])
) as BridgeApi['invoke']

const api: BridgeApi = {
  invoke,
  onEvent(listener) {
    // The IpcRendererEvent (with its sender) never reaches the page, only the payload.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
    }
  },
  flushed() {
    ipcRenderer.send(IPC_FLUSHED_CHANNEL)
  }
}

contextBridge.exposeInMainWorld('dossierBridge', api)
