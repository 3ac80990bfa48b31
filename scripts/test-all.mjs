// `npm test`: everything CI runs, in order, then one closing line `N passed, N failed, N skipped`
// summed over every suite. A check that is not a test suite (typecheck, lint, build) counts as
// one test: passed when it succeeds, failed when it does not.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const reports = join(root, 'test-results')
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const timings = []

function run(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result.status === 0
}

function check(label, command, args) {
  const ok = run(label, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  return ok
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function suite(label, command, args, reportPath, count) {
  rmSync(reportPath, { force: true })
  const ok = run(label, command, args)
  const report = existsSync(reportPath) ? readJson(reportPath) : null
  if (!report) {
    // No report means the runner itself failed before counting anything.
    totals.failed += 1
    return
  }
  const counts = count(report)
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  if (!ok && counts.failed === 0) totals.failed += 1
}

/**
 * Checks that each use about one core, run side by side (typecheck and lint: 34 s and 25 s one
 * after the other on CI's two cores). Their output is held and printed whole, one after the other.
 */
async function checksTogether(checks) {
  const runs = checks.map(([label, command, args]) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    return new Promise((done) => {
      child.on('error', (err) => done({ label, ok: false, output: `${output}${err.message}\n`, seconds: (Date.now() - started) / 1000 }))
      child.on('close', (code) => done({ label, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }))
    })
  })
  for (const { label, ok, output, seconds } of await Promise.all(runs)) {
    process.stdout.write(`\n▶ ${label}\n${output}`)
    timings.push(`${label} ${seconds.toFixed(1)} s (side by side)`)
    totals[ok ? 'passed' : 'failed'] += 1
  }
}

await checksTogether([
  ['typecheck (tsc -b)', bin('tsc'), ['-b']],
  ['lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']]
])
check('Electron security scan (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs'), 'src'])
const built = check('build (electron-vite build)', bin('electron-vite'), ['build'])

const unitReport = join(reports, 'unit-report.json')
suite('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`], unitReport, (r) => ({
  passed: r.numPassedTests ?? 0,
  failed: r.numFailedTests ?? 0,
  skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
}))

if (built) {
  const e2eReport = join(reports, 'e2e-report.json')
  suite('end-to-end tests (playwright)', bin('playwright'), ['test'], e2eReport, (r) => ({
    passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
    failed: r.stats?.unexpected ?? 0,
    skipped: r.stats?.skipped ?? 0
  }))
} else {
  process.stdout.write('\n▶ end-to-end tests skipped: the build failed\n')
  totals.failed += 1
}

process.stdout.write(`\nTimes: ${timings.join(', ')}\n`)
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exit(totals.failed === 0 ? 0 : 1)
