import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { createPlanRunner } from '../src/graph/plan-runner';
import { buildPlan } from '../src/plan/build-plan';
import type { Emulator } from '../src/demo/emulator/emulator';
import { emulatorFetch, testKeyCredential, WIZARD_SCOPES } from '../test-support/graph/emulator-harness';
import { REDIRECT, serveAutomaticConfig, signInAndReview, update, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { signInThroughPopup } from './support/emulator-sign-in';
import { expect, test } from './support/emulator-fixture';

/**
 * Rotation with overlap: a later session adds a new secret and certificate beside the old ones, hands them over,
 * and removes the old ones only once the admin confirms that the platform uses the new ones.
 */

test.use({ emulatorOptions: wizardClient });
test.describe.configure({ timeout: 180_000 });

/** The registration an earlier session made, with the secret and certificate the platform uses today. */
async function earlierRun(emulator: Emulator) {
  const plan = buildPlan({
    connectors: [{ id: 'sharepoint', mode: 'admin' }],
    displayName: 'Contoso SharePoint',
    redirectUris: [REDIRECT],
    certificate: testKeyCredential(),
  });
  const token = emulator.mintAccessToken({ scopes: WIZARD_SCOPES });
  const runner = createPlanRunner({
    graphBaseUrl: 'https://graph.microsoft.com',
    getToken: () => token,
    fetch: emulatorFetch(emulator),
    storage: null,
  });
  return runner.run(plan);
}

test('a secret and a certificate rotate with overlap, and the old ones go only after the admin confirms', async ({
  page,
  context,
  emulator,
}) => {
  const first = await earlierRun(emulator);
  const oldSecret = first.secret!.keyId;
  const app = () => emulator.applications()[0]!;
  const oldCertificate = app().keyCredentials[0]!.keyId!;
  await serveAutomaticConfig(context);
  await signInAndReview(page, 'connectors=sharepoint:admin&name=Contoso%20SharePoint');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  await expect(page.getByText('This registration exists already')).toBeVisible();

  // 1. Add: a new secret and the new certificate, beside the ones in use.
  await page.getByRole('checkbox', { name: 'Create a new client secret' }).check();
  expect(await update(page)).toBe('credentials');
  const secrets = () => emulator.liveSecrets(app().id).map((s) => s.keyId);
  const certificates = () => app().keyCredentials.map((k) => k.keyId);
  expect(secrets(), 'two live secrets during the overlap').toHaveLength(2);
  expect(secrets()).toContain(oldSecret);
  expect(certificates(), 'two certificates during the overlap').toHaveLength(2);
  expect(certificates()).toContain(oldCertificate);
  const [newSecret] = secrets().filter((k) => k !== oldSecret);
  const [newCertificate] = certificates().filter((k) => k !== oldCertificate);

  // Nothing can go before the new credentials are saved, nor before the admin confirms.
  const confirm = page.getByRole('checkbox', { name: 'Kloudless now uses the new secret and certificate' });
  const olderSecret = page.getByRole('list', { name: 'Older client secrets' }).getByRole('checkbox');
  const olderCertificate = page.getByRole('list', { name: 'Older certificates' }).getByRole('checkbox');
  const remove = page.getByRole('button', { name: 'Remove the ticked old credentials' });
  await expect(confirm).toBeDisabled();
  await expect(olderSecret).toBeDisabled();
  await expect(remove).toBeDisabled();

  // 2. Hand over: the ZIP, and the calendar of every expiry.
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
  ]);
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download credential-expiry.ics' }).click(),
  ]);
  const text = readFileSync((await ics.path())!, 'utf8');
  expect(text).not.toContain(first.secret!.secretText);
  expect(text).not.toContain(emulator.liveSecrets(app().id).find((s) => s.keyId === newSecret)!.secretText);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  const uids = events.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]);
  // The new secret and certificate, and the old ones that still work: four expiries.
  expect(uids.sort()).toEqual(
    [oldSecret, newSecret, oldCertificate, newCertificate].map((k) => k!.toLowerCase()).sort(),
  );
  for (const vevent of events) {
    const event = new ICAL.Event(vevent);
    expect(event.summary).toMatch(/^Contoso SharePoint: (client secret|certificate) expires$/);
    expect(event.description).toContain(app().appId);
    const triggers = vevent
      .getAllSubcomponents('valarm')
      .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 86_400);
    expect(triggers).toEqual([-30, -7]);
  }
  const newSecretEvent = events.find((e) => String(e.getFirstPropertyValue('uid')).startsWith(newSecret!))!;
  const newEnd = emulator.liveSecrets(app().id).find((s) => s.keyId === newSecret)!.endDateTime!;
  expect(new ICAL.Event(newSecretEvent).startDate.toString()).toBe(newEnd.slice(0, 10));

  // Saved, but the old ones still wait for the confirmation.
  await expect(olderSecret).toBeDisabled();
  await expect(remove).toBeDisabled();
  expect(secrets()).toHaveLength(2);

  // 3. Remove, once the platform uses the new ones.
  await confirm.check();
  await olderSecret.check();
  await olderCertificate.check();
  await expectNoViolations(page, 'Rotation: the old credentials, ready to remove');
  await remove.click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 2 credentials.' })).toBeVisible();
  expect(secrets(), 'one secret after the confirmation').toEqual([newSecret]);
  expect(certificates(), 'one certificate after the confirmation').toEqual([newCertificate]);
});
