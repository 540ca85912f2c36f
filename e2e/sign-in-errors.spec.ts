import type { BrowserContext, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { cancelEmulatedSignIn, signInThroughPopup } from './support/emulator-sign-in';
import { APP } from './support/app-origin';

/** What the start card says when a sign-in started there fails: consent errors, cancelling, closing the window. */

const CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';

test.use({ emulatorOptions: { clients: [{ clientId: CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }] } });

async function serveConfig(context: BrowserContext) {
  await context.route('**/config.json', (route) =>
    route.fulfill({ json: { clientId: CLIENT_ID, cloud: 'global', platformName: 'Kloudless' } }),
  );
}

const startButton = (page: Page) => page.getByRole('button', { name: 'Sign in and create' });
const heading = (page: Page) => page.locator('#step-heading');

test.beforeEach(async ({ page, context }) => {
  await serveConfig(context);
  await page.goto('/');
});

for (const [fault, title] of [
  ['AADSTS90094', 'An administrator must approve the wizard'],
  ['AADSTS65001', 'The wizard’s permissions need consent'],
] as const) {
  test(`explains ${fault} on the start card and offers the admin consent URL`, async ({ page, emulator }) => {
    emulator.faults.signInError = fault;
    await signInThroughPopup(page, () => startButton(page).click());
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
    // Nobody is signed in, so the wizard stays where the admin can try again or choose the portal steps.
    await expect(heading(page)).toHaveText('Start');
  });
}

test('says so when the admin cancels on the sign-in page', async ({ page }) => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), startButton(page).click()]);
  await cancelEmulatedSignIn(popup);
  await expect(page.getByRole('alert')).toContainText('Sign-in was cancelled');
  await expect(page.getByRole('alert')).toContainText('Error code: AADSTS65004');
  await expect(startButton(page)).toBeEnabled();
  await expect(heading(page)).toHaveText('Start');
});

test('after the admin closes the sign-in window, the next click opens a new one', async ({ page }) => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), startButton(page).click()]);
  await popup.getByRole('link', { name: 'Cancel' }).waitFor();
  // MSAL v5 cannot see a closed popup (its answer comes through the redirect bridge), so the card says what to do.
  await popup.close();
  await expect(
    page.getByRole('status').filter({ hasText: 'If you closed it, click the button again' }),
  ).toBeVisible();
  await signInThroughPopup(page, () => startButton(page).click());
  await expect(heading(page)).toHaveText('Connectors');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Signed in as admin@contoso.onmicrosoft.com');
});

test('the start card with an error and the sign-in step signed in and out are accessible', async ({
  page,
  emulator,
}) => {
  emulator.faults.signInError = 'AADSTS90094';
  await signInThroughPopup(page, () => startButton(page).click());
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'the start card with a sign-in error');
  emulator.faults.signInError = undefined;
  await signInThroughPopup(page, () => startButton(page).click());
  await expect(heading(page)).toHaveText('Connectors');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toBeVisible();
  await expectNoViolations(page, 'the sign-in step, signed in');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft' })).toBeVisible();
  await expectNoViolations(page, 'the sign-in step, signed out');
});
