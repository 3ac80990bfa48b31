// `node scripts/electronegativity.mjs [DIR]`: Doyensec's Electronegativity over Dossier's source,
// offline, failing on any HIGH or MEDIUM finding. The tool's own CLI always exits 0 and fetches
// translations and Electron's release list from the network, so it is driven through its API
// here: the network client it uses is replaced by one that refuses at once, and the one check
// that needs the network (AvailableSecurityFixesGlobalCheck, Electron's release list) is left out.
// Suppress a finding only with an `// eng-disable CHECK_ID` comment that says why, next to the code.
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'))

/** The checks that reach the network; everything else runs on the files alone. */
export const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck']
/** The severities that fail the build. */
export const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM'])

function blockNetworkClient() {
  const gotPath = require.resolve('got')
  const refuse = () => Promise.reject(new Error('Dossier runs Electronegativity offline'))
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(refuse, { default: refuse, get: refuse }) }
}

/** Plain records from the tool's issue objects: what to print and what to judge. */
export function summarize(issues, base) {
  return issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: relative(base, issue.file),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    description: issue.description,
    manualReview: Boolean(issue.manualReview)
  }))
}

export function failing(findings) {
  return findings.filter((f) => FAILING_SEVERITIES.has(f.severity))
}

export async function scan(input) {
  blockNetworkClient()
  const quiet = console.log
  // The tool logs its failed translation download; that line says nothing about Dossier.
  console.log = () => {}
  try {
    const run = require('./dist/runner.js')
    return await run({
      input,
      customScan: [],
      excludeFromScan: ONLINE_CHECKS,
      isRelative: false,
      isVerbose: false,
      electronVersionOverride: require(join(root, 'node_modules', 'electron', 'package.json')).version,
      parserPlugins: []
    })
  } finally {
    console.log = quiet
  }
}

async function main() {
  const input = resolve(root, process.argv[2] ?? 'src')
  if (!existsSync(input)) throw new Error(`${input} does not exist`)
  const result = await scan(input)
  const findings = summarize(result.issues, root)
  const errors = result.errors.filter((e) => !e.tolerable)
  for (const f of findings) {
    console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}:${f.column}`)
  }
  for (const e of errors) console.log(`PARSE ERROR   ${relative(root, e.file)}: ${e.message}`)
  const bad = failing(findings)
  console.log(
    `electronegativity: ${result.atomicChecks + result.globalChecks} checks on ${relative(root, input) || '.'}: ` +
      `${findings.length} findings, ${bad.length} HIGH or MEDIUM, ${errors.length} files not parsed`
  )
  if (bad.length > 0 || errors.length > 0) process.exit(1)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`electronegativity: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
