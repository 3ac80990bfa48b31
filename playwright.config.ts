import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright's own browser download is not reachable on our machines. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // Generous: CI runs two browsers, two servers and their parse workers on two cores.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    // Recording a trace costs about a fifth more CPU on every test (measured on two specs: 117 against
    // 92 CPU-seconds), and CI's budget is CPU-bound. Re-run a failing test with `--trace on` to get one.
    trace: 'off',
    screenshot: 'only-on-failure'
  },
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          // Without these, Chromium keeps trying to reach Google's services, which this machine refuses.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu']
        }
      }
    },
    { name: 'electron', testDir: 'e2e/electron' }
  ]
})
