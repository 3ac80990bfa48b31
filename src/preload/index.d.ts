import type { BridgeApi } from './bridge-api'

declare global {
  interface Window {
    /** Present in the Electron shell only; the web shell uses the loopback client instead. */
    dossierBridge?: BridgeApi
  }
}
