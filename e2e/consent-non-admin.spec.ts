import type { Page } from '@playwright/test';
import { DEFAULT_ADMIN, NON_ADMIN_USER } from '../src/demo/emulator/defaults';
import type { Emulator } from '../src/demo/emulator/emulator';
import { APP } from './support/app-origin';
import {
  graphWrites,
  serveAutomaticConfig,
  signInAndReview,
  WIZARD_CLIENT_ID,
  wizardClient,
} from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { pickEmulatedAccount } from './support/emulator-sign-in';

/**
 * A user who is not an administrator signs in (User.Read needs no admin), walks to Review and clicks Create: the
 * permissions Create asks for need an administrator, so Microsoft's window stops at its approval page.
 */

test.use({ emulatorOptions: { ...wizardClient, users: [DEFAULT_ADMIN, NON_ADMIN_USER] } });

const MAIL_ADMIN = 'connectors=outlook-mail:admin&name=Contoso%20Mail';

/** Clicks Create and picks the non-admin in Microsoft's window; returns the window, now on the approval page. */
async function createAsNonAdmin(page: Page) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Create app registration' }).click(),
  ]);
  await pickEmulatedAccount(popup, NON_ADMIN_USER.displayName);
  return popup;
}

/** The sentences on the page that tell the reader to click again. */
async function clickAgainSentences(page: Page) {
  const text = await page.locator('body').innerText();
  return text.split(/(?<=[.:;])\s+|\n+/).filter((s) => /\bclick\b[^.]*\bagain\b/i.test(s));
}

/** Nothing reached the directory: no application, and no write to Graph at all. */
function expectNothingCreated(emulator: Emulator) {
  expect(emulator.applications()).toEqual([]);
  expect(graphWrites(emulator)).toEqual([]);
}

test('“Need admin approval”: the page says plainly who can approve, with the link and the message to send', async ({
  page,
  context,
  emulator,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await serveAutomaticConfig(context);
  await signInAndReview(page, MAIL_ADMIN, NON_ADMIN_USER.displayName);
  const popup = await createAsNonAdmin(page);
  await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
  await popup.getByRole('link', { name: 'Return to the application without granting consent' }).click();
  if (!popup.isClosed()) await popup.waitForEvent('close');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The permissions were not granted');
  await expect(alert).toContainText(
    'If the window said “Need admin approval”, your account cannot grant them and trying again will not help',
  );
  await expect(alert).toContainText('Error code: AADSTS65004');
  await expect(page.locator('#step-heading')).toHaveText('Review');

  const link = alert.getByRole('link');
  const url = new URL((await link.getAttribute('href')) ?? '');
  expect(`${url.origin}${url.pathname}`).toBe(
    'https://login.microsoftonline.com/organizations/v2.0/adminconsent',
  );
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: WIZARD_CLIENT_ID,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: `${APP}/redirect.html`,
  });
  await alert.getByRole('button', { name: 'Copy admin consent URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url.href);

  const message = alert.getByRole('textbox', { name: 'Message for your administrator' });
  await expect(message).toHaveValue(
    new RegExp(`application ID ${WIZARD_CLIENT_ID}.*use it to create the app registration`),
  );
  expect(await message.inputValue()).toContain(url.href);
  await alert.getByRole('button', { name: 'Copy Message for your administrator' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await message.inputValue());

  // Clicking again is offered only to someone who clicked Cancel, or to send a request for approval.
  expect(await clickAgainSentences(page)).toEqual([
    'If you clicked Cancel in Microsoft’s window, click the button again and accept.',
    'If it said “Approval required”, click the button again and choose “Request approval”.',
  ]);
  expectNothingCreated(emulator);
});

test.describe('with the admin consent workflow on', () => {
  test.use({
    emulatorOptions: {
      ...wizardClient,
      users: [DEFAULT_ADMIN, NON_ADMIN_USER],
      tenant: { adminConsentRequestPolicy: { isEnabled: true } },
    },
  });

  test('“Approval required”: the request is sent and the page says so', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, MAIL_ADMIN, NON_ADMIN_USER.displayName);
    const popup = await createAsNonAdmin(page);
    await popup
      .getByRole('textbox', { name: 'Enter justification for requesting this app' })
      .fill('To connect our Outlook mail');
    await popup.getByRole('button', { name: 'Request approval' }).click();
    await expect(popup.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    await popup.getByRole('link', { name: 'Return to the application' }).click();
    if (!popup.isClosed()) await popup.waitForEvent('close');

    expect(emulator.adminConsentRequests()).toEqual([
      expect.objectContaining({
        appId: WIZARD_CLIENT_ID,
        userPrincipalName: NON_ADMIN_USER.userPrincipalName,
        scopes: expect.arrayContaining(['Application.ReadWrite.All']),
        reason: 'To connect our Outlook mail',
      }),
    ]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('your request has been sent to the administrators who review requests');
    await expect(alert).toContainText('Error code: AADSTS90095');
    await expect(alert.getByRole('textbox', { name: 'Message for your administrator' })).toHaveValue(
      /admin consent workflow/,
    );
    expectNothingCreated(emulator);
  });
});
