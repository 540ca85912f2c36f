import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { APP, E2E_PORT as port } from './e2e/support/app-origin';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Two at least: Playwright's default (half the cores) would run one at a time on a 2-core machine, and each test
  // spends much of its time waiting on the page, the emulator and the network edge.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: APP,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    acceptDownloads: true,
    serviceWorkers: 'block',
    // A trace records the page at every action, which doubles the browser's work on a 2-core machine. It is off
    // unless asked for: E2E_TRACE=1 keeps one for each failed test (DOM snapshots, no screenshots), and
    // `npx playwright test --trace on` records them all.
    trace: process.env.E2E_TRACE ? { mode: 'retain-on-failure', screenshots: false } : 'off',
  },
  webServer: {
    command: `npx vite preview --host localhost --port ${port} --strictPort`,
    url: APP,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
