import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: captures each step for the README and the docs, from the built app. */
export default defineConfig({
  ...base,
  testDir: 'e2e/screenshots',
  testMatch: '**/*.shot.ts',
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
});
