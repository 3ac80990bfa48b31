// citation-js ships no types; these are the few members Dossier calls (see citation-formatter.ts).
declare module '@citation-js/core' {
  export interface CiteprocEngine {
    makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string
    updateItems(ids: string[]): void
  }
  interface CslConfig {
    styles: { add(name: string, xml: string): void; has(name: string): boolean }
    engine(data: object[], style: string, lang: string, format: 'text' | 'html'): CiteprocEngine
  }
  export const plugins: { config: { get(name: '@csl'): CslConfig } }
}
declare module '@citation-js/plugin-csl'
