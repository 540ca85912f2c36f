import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
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
  await credentials.getByRole('button', { name: 'Rotate production' }).click();
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
