import type { Page } from '@playwright/test';
import { create, serveAutomaticConfig, wizardClient } from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { expectNoSidewaysScroll } from './support/layout';
import { certificateReady, fillOfflineIds, next } from './support/wizard';

test.use({ emulatorOptions: wizardClient });

// Long redirect URIs (the "Return to" choice, the manifest JSON) and four connectors (long permission lists) are
// what used to push the page wider than the window.
const longUri = (connector: string) =>
  `https://connectors.integration-platform.example.com/v1/oauth/callback/${connector}/tenant-3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c`;
const link = `/?${new URLSearchParams({
  connectors: 'sharepoint:admin,teams:admin,outlook-mail:user,onedrive-business:user',
  name: 'Contoso Microsoft 365 connectors for the integration platform',
  'redirect.teams': longUri('microsoft-teams'),
  'redirect.outlook-mail': longUri('outlook-mail'),
}).toString()}`;

const heading = (page: Page) => page.locator('#step-heading');

test('no offline step scrolls sideways at 390, 768 or 1280 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(link);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(heading(page)).toHaveText('Connectors');
  await page
    .getByRole('group', { name: 'SharePoint Online' })
    .getByRole('button', { name: /permissions on/ })
    .click();
  await expectNoSidewaysScroll(page);
  await next(page);
  await expectNoSidewaysScroll(page);
  await next(page);
  await expect(heading(page)).toHaveText('Certificate');
  await certificateReady(page);
  await expectNoSidewaysScroll(page, 'Generated certificate');
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await expectNoSidewaysScroll(page, 'Certificate settings');
  await page.getByRole('button', { name: 'Keep the current certificate' }).click();
  await next(page);
  await expect(heading(page)).toHaveText('Review');
  await expectNoSidewaysScroll(page);
  // The retired API's note shows once, not again in the permission list.
  await expect(page.getByText(/Azure AD Graph is retired/)).toHaveCount(1);
  await next(page, 'Create files');
  await fillOfflineIds(page);
  await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test('no automatic step scrolls sideways at 390, 768 or 1280 px', async ({ page, context, emulator }) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  await page.goto(link);
  await expectNoSidewaysScroll(page);
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Sign in and create' }).click());
  await expect(heading(page)).toHaveText('Connectors');
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page)).toHaveText('Sign in');
  await expectNoSidewaysScroll(page, 'Sign in, signed in');
  await next(page);
  await expect(heading(page)).toHaveText('Connectors');
  await next(page);
  await expectNoSidewaysScroll(page);
  await next(page);
  await expect(heading(page)).toHaveText('Certificate');
  await certificateReady(page);
  await expectNoSidewaysScroll(page, 'Generated certificate');
  await next(page);
  await expect(heading(page)).toHaveText('Review');
  await page.getByRole('button', { name: /requests the wizard will send/ }).click();
  await expectNoSidewaysScroll(page);
  // Refused consent keeps the Create step open with its longest content: the grants that were not made.
  emulator.faults.consentForbidden = true;
  expect(await create(page)).toBe('attention');
  await expectNoSidewaysScroll(page, 'Create, with the consent warning');
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await expect(heading(page)).toHaveText('Credentials');
  await expectNoSidewaysScroll(page);
});
