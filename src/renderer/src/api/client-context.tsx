import { createContext, useContext } from 'react'
import type { DossierClient } from './client'

export const ClientContext = createContext<DossierClient | null>(null)

export function useClient(): DossierClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient outside ClientContext')
  return client
}
