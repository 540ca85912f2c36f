import type { Page } from '@playwright/test';
import { serveAutomaticConfig, signInAndReview, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { liveStatus } from './support/keyboard';
import { driftedMail } from './support/repair';

test.use({ emulatorOptions: wizardClient });

const heading = (page: Page) => page.locator('#step-heading');

test('no accessibility violations on the automatic steps, in the light and dark themes', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(300_000);
  await serveAutomaticConfig(context);
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso');
  await expect(page.getByRole('button', { name: 'Sign in and create' })).toBeEnabled();
  await expectNoViolations(page, 'Start with automatic mode');
  await signInAndReview(page, 'connectors=sharepoint:admin,outlook-mail:user&name=Contoso');
  await page.getByRole('button', { name: /requests the wizard will send/ }).click();
  await expectNoViolations(page, 'Review with options and requests');

  // New objects stay invisible until the waiting step is checked: the run waits and says why.
  emulator.faults.replicationDelay = { ms: 180_000 };
  // Consent refused keeps the Create step open with its warning, so the finished step is checked too.
  emulator.faults.consentForbidden = true;
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  await expect(heading(page)).toHaveText('Create');
  await expect(page.getByText('Waiting for Microsoft Entra to catch up', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(liveStatus(page)).toHaveText(/^Waiting for Microsoft Entra to catch up\. \d+ of \d+ done\.$/);
  await expectNoViolations(page, 'Create, waiting for replication');
  emulator.replicateNow();
  await expect(page.getByRole('button', { name: 'Show the credentials' })).toBeVisible({ timeout: 120_000 });
  await expect(liveStatus(page)).toHaveText(
    'Finished: the app registration is ready, with notes on this page.',
  );
  await expectNoViolations(page, 'Create, finished with a warning');
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await expect(heading(page)).toBeFocused();
  await page.getByRole('button', { name: 'Show Client Secret' }).click();
  await expectNoViolations(page, 'Credentials');
});

test('no accessibility violations on the check and repair steps, in the light and dark themes', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  emulator.seedApplication(driftedMail);
  await page.goto('/');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Check a registration' }).click());
  await expect(heading(page)).toHaveText('Registration');
  await expect(page.getByRole('radio', { name: /Kloudless Mail \(portal\)/ })).toBeVisible();
  await expectNoViolations(page, 'Registration');
  await page.getByRole('radio', { name: /Kloudless Mail \(portal\)/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('group', { name: 'Outlook Mail' })
    .getByRole('radio', { name: 'Admin accounts' })
    .check();
  await page.getByRole('button', { name: 'Check registration' }).click();
  await expect(heading(page)).toHaveText('Check and repair');
  await expect(page.getByRole('button', { name: 'Repair registration' })).toBeVisible({ timeout: 60_000 });
  await expectNoViolations(page, 'Check and repair: the checklist and the requests');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Repair registration' }).click());
  await expect(page.getByText('Repair finished', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(liveStatus(page)).toHaveText(
    /^Repair finished\. Kloudless Mail \(portal\) .*: 0 errors, \d+ warnings?\./,
  );
  await expectNoViolations(page, 'Check and repair: repaired and checked again');
});
