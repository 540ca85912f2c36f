import type { Page } from '@playwright/test';
import { expect, test } from './support/secret-scan';

/**
 * Every step but Start is a chunk of its own (src/steps/registry.ts), which the shell preloads as the step before it
 * shows. These hold back or refuse the Connectors step's chunk to see what the admin gets when it is late or never
 * comes.
 */
const connectorsChunk = /\/assets\/connectors-step-[\w-]+\.js$/;

const heading = (page: Page) => page.locator('#step-heading');
const connectorsForm = (page: Page) => page.getByRole('group', { name: 'OneDrive', exact: true });

test('a step still downloading shows a spinner under its heading, which has the focus, then the step', async ({
  page,
}) => {
  let release: (value?: unknown) => void = () => undefined;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(connectorsChunk, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(heading(page)).toHaveText('Connectors');
  await expect(heading(page)).toBeFocused();
  await expect(page.getByRole('progressbar', { name: 'Loading the step…' })).toBeVisible();
  // Back works meanwhile; Next comes with the step's form, which it submits.
  await expect(page.getByRole('button', { name: 'Back' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);

  release();
  await expect(connectorsForm(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading the step…' })).toHaveCount(0);
  await expect(heading(page)).toBeFocused();
});

test('a step that cannot be downloaded says so with a reload button, and the reload brings it', async ({
  page,
}) => {
  await page.route(connectorsChunk, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(heading(page)).toHaveText('Connectors');
  await expect(page.getByRole('alert')).toContainText('This step could not be loaded');
  // The rest of the wizard stays: the stepper and Back.
  await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back' })).toBeVisible();

  await page.unroute(connectorsChunk);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(heading(page)).toHaveText('Start');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(connectorsForm(page)).toBeVisible();
});
