import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run docs`: the user guide's screenshots and docs/guide.md, from the built app and its demo tenant. */
export default defineConfig({
  ...base,
  testDir: 'e2e/docs',
  testMatch: '**/*.docs.ts',
  fullyParallel: false,
  workers: 1,
});
