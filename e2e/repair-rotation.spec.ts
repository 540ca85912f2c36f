import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import {
  SECOND_CERTIFICATE_BASE64,
  SECOND_CERTIFICATE_PEM,
} from '../src/demo/emulator/fixtures/second-certificate';
import type { EmulatorHttpResponse } from '../src/demo/emulator/types';
import { testKeyCredential, WIZARD_SCOPES } from '../test-support/graph/emulator-harness';
import { serveAutomaticConfig, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { driftedMail } from './support/repair';

/**
 * Rotation from the check-and-repair checklist, on a registration made by hand: the secret ending in 10 days is
 * rotated with overlap (two live secrets while the platform changes over, one after the admin confirms), and the
 * next check finds the credentials in order.
 */

test.use({ emulatorOptions: wizardClient });

const item = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });

test('a secret ending in 10 days rotates from the checklist: added, handed over, and removed after confirmation', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  const app = emulator.seedApplication(driftedMail);
  const oldSecret = app.passwordCredentials[0]!;
  const secrets = () => emulator.liveSecrets(app.id).map((s) => s.keyId);
  const heading = page.locator('#step-heading');

  await page.goto('/');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Check a registration' }).click());
  await page.getByRole('radio', { name: /Kloudless Mail \(portal\)/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('group', { name: 'Outlook Mail' })
    .getByRole('radio', { name: 'Admin accounts' })
    .check();
  await page.getByRole('button', { name: 'Check registration' }).click();
  await expect(heading).toHaveText('Check and repair');

  // The checklist warns, and offers the rotation of that secret.
  const credentials = item(page, 'Client secrets and certificates');
  await expect(credentials).toHaveAttribute('data-status', 'warning');
  await expect(credentials).toContainText('10 days left');
  // Rotate first reads the tenant's credential policies: their permission is asked for in a window of its own.
  await signInThroughPopup(page, () =>
    credentials.getByRole('button', { name: 'Rotate production' }).click(),
  );
  await expect(heading).toHaveText('Rotate credential');

  // 1. Add: the review shows exactly the requests, then the run adds the new secret beside the old one.
  await expect(page.getByText('The client secret “production” ends on')).toBeVisible();
  const requests = page.getByRole('region', { name: /The 2 requests Rotate sends to Microsoft Graph/ });
  await expect(requests).toContainText(
    `POST https://graph.microsoft.com/v1.0/applications/${app.id}/addPassword`,
  );
  await expect(requests).toContainText('"endDateTime": "{today + 180 days}"');
  await expectNoViolations(page, 'Rotate: the review before adding the new secret');
  await page.getByRole('button', { name: 'Add the new client secret' }).click();
  await expect(page.getByText('The new client secret is on the registration')).toBeVisible({
    timeout: 60_000,
  });
  expect(secrets(), 'two live secrets during the overlap').toHaveLength(2);
  expect(secrets()).toContain(oldSecret.keyId);
  const [newSecret] = secrets().filter((k) => k !== oldSecret.keyId);
  const created = emulator.liveSecrets(app.id).find((s) => s.keyId === newSecret)!;

  // Back on the checklist, the rotation is under way: nothing else runs until it ends, and it goes on with the same
  // secret, which never left the page.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading).toHaveText('Check and repair');
  await expect(page.getByText('The rotation of the client secret “production” is under way')).toBeVisible();
  // The old secret now has a newer one beside it: the checklist offers its removal, not a third secret, and waits.
  await expect(credentials.getByRole('button', { name: 'Rotate production', exact: true })).toHaveCount(0);
  await expect(credentials.getByRole('button', { name: 'Remove production', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Repair registration' })).toBeDisabled();
  await page.getByRole('button', { name: 'Continue the rotation' }).click();
  await expect(heading).toHaveText('Rotate credential');
  await expect(page.getByRole('textbox', { name: 'New client secret' })).toHaveValue(created.secretText);
  expect(secrets()).toHaveLength(2);

  // Nothing can go before the new secret is saved, nor before the admin confirms.
  const confirm = page.getByRole('checkbox', { name: 'Kloudless now uses the new secret' });
  const remove = page.getByRole('button', { name: 'Remove the old client secret' });
  await expect(confirm).toBeDisabled();
  await expect(remove).toBeDisabled();
  await expect(page.getByText('Save the new client secret now')).toBeVisible();
  await expect(page.getByRole('region', { name: /requests the removal sends/ })).toContainText(
    `"keyId": "${oldSecret.keyId}"`,
  );

  // 2. Hand over: the calendar of the new expiry, then the ZIP.
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download credential-expiry.ics' }).click(),
  ]);
  const text = readFileSync((await ics.path())!, 'utf8');
  expect(text).not.toContain(created.secretText);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  // Only the new secret: the old one is on its way out.
  expect(events.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0])).toEqual([newSecret]);
  const event = new ICAL.Event(events[0]!);
  expect(event.summary).toBe('Kloudless Mail (portal): client secret expires');
  expect(event.startDate.toString()).toBe(created.endDateTime!.slice(0, 10));
  const triggers = events[0]!
    .getAllSubcomponents('valarm')
    .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 86_400);
  expect(triggers).toEqual([-30, -7]);
  await expect(confirm, 'the calendar is not the secret').toBeDisabled();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
  ]);

  // Saved, but the old one still waits for the confirmation.
  await expect(confirm).toBeEnabled();
  await expect(remove).toBeDisabled();
  expect(secrets()).toHaveLength(2);

  // 3. Remove, once the platform uses the new one.
  await confirm.check();
  await expectNoViolations(page, 'Rotate: the hand-over, ready to remove the old secret');
  await remove.click();
  await expect(page.getByText('Rotation finished')).toBeVisible({ timeout: 60_000 });
  expect(secrets(), 'one secret after the confirmation').toEqual([newSecret]);

  // Checking again: the credentials are in order.
  await page.getByRole('button', { name: 'Check the registration again' }).click();
  await expect(heading).toHaveText('Check and repair');
  await expect(credentials).toHaveAttribute('data-status', 'ok');
  await expect(credentials).not.toContainText('production');
  await expect(page.getByRole('button', { name: /^Rotate / })).toHaveCount(0);
});

test('a certificate ending in 10 days rotates from the checklist: the new one beside it, then alone', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  const app = emulator.seedApplication({
    ...driftedMail,
    displayName: 'Kloudless Mail with a certificate',
    secrets: [{ displayName: 'production', expiresInDays: 300 }],
  });
  // The certificate the platform uses today, added by hand, ending in 10 days.
  const old = testKeyCredential({
    keyId: '0c0c0c0c-0000-4000-8000-000000000001',
    endDateTime: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });
  const token = await emulator.mintAccessToken({ scopes: WIZARD_SCOPES });
  const seeded = (await emulator.handle({
    method: 'PATCH',
    url: `https://graph.microsoft.com/v1.0/applications/${app.id}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      keyCredentials: [{ ...old, customKeyIdentifier: undefined, displayName: 'CN=portal' }],
    }),
  })) as EmulatorHttpResponse;
  expect(seeded.status).toBe(204);
  const certificates = () => emulator.application(app.id)!.keyCredentials.map((k) => k.keyId);
  const heading = page.locator('#step-heading');

  await page.goto('/');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Check a registration' }).click());
  await page.getByRole('radio', { name: /Kloudless Mail with a certificate/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('group', { name: 'Outlook Mail' })
    .getByRole('radio', { name: 'Admin accounts' })
    .check();
  await page.getByRole('button', { name: 'Check registration' }).click();
  const credentials = item(page, 'Client secrets and certificates');
  await expect(credentials).toHaveAttribute('data-status', 'warning');
  await signInThroughPopup(page, () => credentials.getByRole('button', { name: 'Rotate CN=portal' }).click());

  // The new certificate comes from the Certificate step: here, one the admin brings.
  await expect(heading).toHaveText('Certificate');
  await expect(page.getByText('The new certificate replaces the certificate “CN=portal”.')).toBeVisible();
  // The step opens on the default certificate, still being generated unless it was ready already.
  const cancel = page.getByRole('button', { name: 'Cancel' });
  const identifier = page.getByRole('textbox', { name: 'Custom Key Identifier' });
  await expect(cancel.or(identifier)).toBeVisible();
  if (await cancel.isVisible()) {
    try {
      await cancel.click({ timeout: 10_000 });
    } catch (error) {
      // Made between the look and the click: its Cancel button went, and there is nothing left to cancel.
      if (!(await identifier.isVisible())) throw error;
    }
  }
  await page.getByRole('radio', { name: 'Use my own certificate' }).click();
  await page.getByRole('textbox', { name: 'Or paste the certificate' }).fill(SECOND_CERTIFICATE_PEM);
  await page.getByRole('button', { name: 'Check certificate' }).click();
  // Replacing a generated key that was shown and not saved asks first.
  const replace = page.getByRole('alertdialog').getByRole('button', { name: 'Replace it' });
  await expect(replace.or(page.getByText('CN=Contoso Connector Second Test Certificate'))).toBeVisible();
  if (await replace.isVisible()) await replace.click();
  await expect(page.getByText('CN=Contoso Connector Second Test Certificate')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // 1. Add: one PATCH with the old certificate sent back and the new one.
  await expect(heading).toHaveText('Rotate credential');
  const requests = page.getByRole('region', { name: /The 2 requests Rotate sends to Microsoft Graph/ });
  await expect(requests).toContainText(`PATCH https://graph.microsoft.com/v1.0/applications/${app.id}`);
  await expect(requests).toContainText(`{the current key of certificate ${old.keyId}}`);
  await page.getByRole('button', { name: 'Add the new certificate' }).click();
  await expect(page.getByText('The new certificate is on the registration')).toBeVisible({ timeout: 60_000 });
  expect(certificates(), 'two certificates during the overlap').toHaveLength(2);
  const [added] = certificates().filter((k) => k !== old.keyId);

  // 3. A certificate the admin brought has no key here to save: the confirmation alone lets the old one go.
  const remove = page.getByRole('button', { name: 'Remove the old certificate' });
  await expect(remove).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Kloudless now uses the new certificate' }).check();
  await expectNoViolations(page, 'Rotate: a certificate, ready to remove the old one');
  await remove.click();
  await expect(page.getByText('Rotation finished')).toBeVisible({ timeout: 60_000 });
  expect(certificates(), 'one certificate after the confirmation').toEqual([added]);
  expect(emulator.application(app.id)!.keyCredentials[0]?.key).toBe(SECOND_CERTIFICATE_BASE64);

  await page.getByRole('button', { name: 'Check the registration again' }).click();
  await expect(heading).toHaveText('Check and repair');
  await expect(credentials).toHaveAttribute('data-status', 'ok');
});
