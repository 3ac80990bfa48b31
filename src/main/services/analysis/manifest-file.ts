import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EvidenceManifest } from '../../../shared/analysis/analysis-types'
import { safeFileStem } from '../../../shared/markdown/file-name'
import { writeAtomically } from '../export/write-export-file'
import { manifestCsv } from './provenance-service'

/** "<case> manifest.json" or ".csv" in the folder, written atomically (never through a planted link). */
export function writeManifest(manifest: EvidenceManifest, outDir: string, format: 'json' | 'csv'): string {
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, `${safeFileStem(`${manifest.caseName} manifest`)}.${format}`)
  writeAtomically(file, format === 'json' ? `${JSON.stringify(manifest, null, 2)}\n` : manifestCsv(manifest))
  return file
}

/** Writes a manifest to an exact path the analyst named (the CLI's --out). */
export function writeManifestTo(manifest: EvidenceManifest, path: string): void {
  writeAtomically(path, path.toLowerCase().endsWith('.csv') ? manifestCsv(manifest) : `${JSON.stringify(manifest, null, 2)}\n`)
}
