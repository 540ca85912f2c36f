import type { BrowserContext, Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { cancelEmulatedSignIn, signInThroughPopup } from './support/emulator-sign-in';
import { APP } from './support/app-origin';

/** What the sign-in step says when sign-in fails: consent errors, cancelling, closing the window. */

const CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';

test.use({ emulatorOptions: { clients: [{ clientId: CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }] } });

async function serveConfig(context: BrowserContext) {
  await context.route('**/config.json', (route) =>
    route.fulfill({ json: { clientId: CLIENT_ID, cloud: 'global', platformName: 'Kloudless' } }),
  );
}

async function openSignInStep(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Sign in');
}

const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Microsoft' });

test.beforeEach(async ({ page, context }) => {
  await serveConfig(context);
  await openSignInStep(page);
});

for (const [fault, title] of [
  ['AADSTS90094', 'An administrator must approve the wizard'],
  ['AADSTS65001', 'The wizard’s permissions need consent'],
] as const) {
  test(`explains ${fault} and offers the admin consent URL`, async ({ page, emulator }) => {
    emulator.faults.signInError = fault;
    await signInThroughPopup(page, () => signInButton(page).click());
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(title);
    await expect(alert).toContainText(
      'If the admin consent workflow is configured, request approval while signing in',
    );
    await expect(alert).toContainText(`Error code: ${fault}`);
    const link = alert.getByRole('link');
    const url = new URL((await link.getAttribute('href')) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://login.microsoftonline.com/organizations/v2.0/adminconsent',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: `${APP}/redirect.html`,
    });
    await expect(alert.getByRole('textbox', { name: 'Message for your administrator' })).toHaveValue(
      new RegExp(`application ID ${CLIENT_ID}\\).*so that I can sign in to it`),
    );
    await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  });
}

test('says so when the admin cancels on the sign-in page', async ({ page }) => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), signInButton(page).click()]);
  await cancelEmulatedSignIn(popup);
  await expect(page.getByRole('alert')).toContainText('Sign-in was cancelled');
  await expect(page.getByRole('alert')).toContainText('Error code: AADSTS65004');
  await expect(signInButton(page)).toBeEnabled();
});

test('after the admin closes the sign-in window, the next click opens a new one', async ({ page }) => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), signInButton(page).click()]);
  await popup.getByRole('link', { name: 'Cancel' }).waitFor();
  // MSAL v5 cannot see a closed popup (its answer comes through the redirect bridge), so the step says what to do.
  await popup.close();
  await expect(
    page.getByRole('status').filter({ hasText: 'If you closed it, click the button again' }),
  ).toBeVisible();
  await signInThroughPopup(page, () => signInButton(page).click());
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toContainText('Megan Bowen');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
});

test('the sign-in step is accessible signed out, with an error, and signed in', async ({
  page,
  emulator,
}) => {
  expect(await seriousViolations(page)).toEqual([]);
  emulator.faults.signInError = 'AADSTS90094';
  await signInThroughPopup(page, () => signInButton(page).click());
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  emulator.faults.signInError = undefined;
  await signInThroughPopup(page, () => signInButton(page).click());
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
