import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'
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

/**
 * The window's entry (src/renderer/src/main.tsx) sends the start's reads, then imports the app
 * (app/start-app.tsx) dynamically. Left to Vite, the app's scripts would be asked for only once
 * the entry has run; linked from the page (modulepreload, and its styles), they load alongside
 * the entry and the reads travel while they compile (decision 0049).
 */
export const APP_START_MODULE = /app[\\/]start-app\.tsx$/
function preloadAppStart(): Plugin {
  return {
    name: 'dossier-preload-app-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { bundle, chunk: entry } = ctx
        if (!bundle || !entry) return []
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])))
        const start = entry.dynamicImports.map((f) => chunks.get(f)).find((c) => c?.facadeModuleId && APP_START_MODULE.test(c.facadeModuleId))
        if (!start) throw new Error('dossier-preload-app-start: the entry no longer imports app/start-app.tsx')
        // The entry's own imports are linked by Vite already.
        const linked = new Set([entry.fileName, ...entry.imports])
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (chunk: Rollup.OutputChunk) => {
          if (linked.has(chunk.fileName)) return
          linked.add(chunk.fileName)
          scripts.push(chunk.fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const f of chunk.imports) {
            const next = chunks.get(f)
            if (next) visit(next)
          }
        }
        visit(start)
        const tag = (rel: string, href: string): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `./${href}` }, injectTo: 'head' })
        return [...scripts.map((f) => tag('modulepreload', f)), ...[...styles].map((f) => tag('stylesheet', f))]
      }
    }
  }
}

/**
 * pdf.js's standard fonts and character maps, shipped beside the renderer's scripts
 * (assets/pdfjs/…, where src/renderer/src/pages/pdf-js.ts looks): the Page view fetches nothing
 * from the network, and the files load from the app's own origin under the CSP.
 */
export const PDFJS_ASSET_FOLDERS = ['standard_fonts', 'cmaps'] as const
function pdfjsAssets(): Plugin {
  return {
    name: 'dossier-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
      for (const folder of PDFJS_ASSET_FOLDERS) {
        for (const name of readdirSync(join(root, folder))) {
          this.emitFile({ type: 'asset', fileName: `assets/pdfjs/${folder}/${name}`, source: readFileSync(join(root, folder, name)) })
        }
      }
    }
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
      // DOSSIER_PROFILE_BUILD=1 keeps function names readable in a Chromium trace (bench profiles).
      minify: process.env.DOSSIER_PROFILE_BUILD ? false : true,
      rollupOptions: {
        input: resolve('src/renderer/index.html'),
        // Lexical in a chunk of its own, loaded with the first note editor (decision 0030): left to
        // itself, Rolldown merges it into a chunk the first paint needs. Its dependencies (React)
        // stay where they are.
        output: { advancedChunks: { includeDependenciesRecursively: false, groups: [{ name: 'lexical', test: /node_modules[\\/](lexical|@lexical|@preact)[\\/]/ }] } }
      }
    },
    // pdf.js's worker is an ES module; bundled as one, it loads from the app's own origin.
    worker: { format: 'es' },
    plugins: [react(), cspMeta(), pdfjsAssets(), preloadAppStart()]
  }
})
