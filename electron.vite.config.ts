import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src/shared/csp'

/**
 * Writes the app's CSP into the built page from the one definition in src/shared/csp.ts. Only at
 * build time: the dev server's hot reload needs an inline script that the policy forbids.
 */
function cspMeta(): Plugin {
  return {
    name: 'dossier-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }
    ]
  }
}

export default defineConfig({
  main: {
    build: {
      // Node entry points share the main build: the Electron shell, the loopback web shell and
      // the CLI all import the same services, and the last two run in plain Node.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/web/index.ts'),
          cli: resolve('src/cli/index.ts'),
          'parse-worker': resolve('src/main/services/import/parse-worker.ts'),
          'search-worker': resolve('src/main/services/search/search-worker.ts'),
          'export-writer': resolve('src/main/services/export/export-writer-worker.ts'),
          'compute-worker': resolve('src/main/services/compute/compute-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    // Radix's scroll lock injects a <style> element that the CSP refuses: see ui/no-remove-scroll.tsx.
    resolve: { alias: { 'react-remove-scroll': resolve('src/renderer/src/ui/no-remove-scroll.tsx') } },
    build: {
      // electron-vite leaves bundles unminified by default; the renderer is parsed at every start.
      minify: true,
      rollupOptions: { input: resolve('src/renderer/index.html') }
    },
    plugins: [react(), cspMeta()]
  }
})
