import { expect, type BrowserContext, type Page } from '@playwright/test';
import { signInThroughPopup } from './emulator-sign-in';
import { generateCertificate, next } from './wizard';

export const APP = 'http://localhost:4173';
/** The wizard's own registration, as config.json names it. */
export const WIZARD_CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
export const REDIRECT = 'https://api.kloudless.com/v1/oauth/callback';

/** Emulator options that accept only the wizard's registration and its redirect bridge. */
export const wizardClient = {
  clients: [{ clientId: WIZARD_CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }],
};

/** Serves a config.json that turns on automatic mode. */
export async function serveAutomaticConfig(context: BrowserContext) {
  await context.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        clientId: WIZARD_CLIENT_ID,
        cloud: 'global',
        platformName: 'Kloudless',
        defaultRedirectUris: Object.fromEntries(
          ['teams', 'onedrive', 'onedrive-business', 'outlook-calendar', 'outlook-mail', 'sharepoint'].map(
            (id) => [id, REDIRECT],
          ),
        ),
      },
    }),
  );
}

/** Opens a shareable link, signs in, and accepts every step up to the review (generating a certificate if needed). */
export async function signInAndReview(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Sign in with Microsoft' }).click());
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Connectors');
  await next(page);
  await next(page);
  if ((await page.locator('#step-heading').textContent()) === 'Certificate') {
    await generateCertificate(page);
    await next(page);
  }
  await expect(page.locator('#step-heading')).toHaveText('Review');
}

/** Clicks Create, accepts the permission popup, and waits for the run to end; returns whether it succeeded. */
export async function create(page: Page, { timeout = 120_000 } = {}) {
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  await expect(page.locator('#step-heading')).toHaveText('Create');
  const done = page.getByText('The app registration is ready');
  const failed = page.getByRole('button', { name: 'Try again' });
  await expect(done.or(failed)).toBeVisible({ timeout });
  return done.isVisible();
}
