import type { Page } from '@playwright/test';
import { serveAutomaticConfig, signInFromStart, wizardClient } from '../support/automatic';
import { expect, test } from '../support/emulator-fixture';
import { signInThroughPopup } from '../support/emulator-sign-in';
import { certificateReady, next } from '../support/wizard';

test.use({ emulatorOptions: wizardClient });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled', caret: 'hide' });

test('automatic path, against the emulated tenant', async ({ page, context, emulator }) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  await signInFromStart(page, '/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync');
  // The start card signed in and went on; the Sign in step shows the account.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toBeVisible();
  await shot(page, 'a1-signed-in');
  await next(page);
  await next(page);
  await next(page);
  await certificateReady(page);
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Review');
  await page.getByRole('heading', { name: 'Before you create it' }).scrollIntoViewIfNeeded();
  await shot(page, 'a2-review-options');

  // A short replication lag shows the wizard waiting for Microsoft Entra.
  emulator.faults.latencyMs = 400;
  emulator.faults.replicationDelay = { ms: 6000 };
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  await expect(page.getByText('Waiting for Microsoft Entra to catch up')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'a3-run-waiting');
  // It ends well with nothing to read on Create: the wizard goes on to the credentials by itself.
  await expect(page.locator('#step-heading')).toHaveText('Credentials', { timeout: 120_000 });
  await shot(page, 'a4-credentials');
});
