import type { Page } from '@playwright/test';
import { create, serveAutomaticConfig, wizardClient } from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { expectNoSidewaysScroll } from './support/layout';
import { certificateReady, next } from './support/wizard';

test.use({ emulatorOptions: wizardClient });

// The offline steps are checked the same way in the component tests (src/app.browser.test.tsx); the automatic ones
// need the sign-in and the run, so they are checked here.
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
