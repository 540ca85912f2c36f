import type { Page } from '@playwright/test';
import type { EmulatorOptions } from '../src/demo/emulator/emulator';
import { graphWrites, serveAutomaticConfig, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { driftedMail } from './support/repair';

/**
 * Rotation from the checklist, beyond a rotation done in one sitting: finishing one begun days ago (the old secret
 * beside the newer one the platform switched to: only the old one goes, after the admin confirms), and a rotation
 * that follows the tenant's credential policy before its first write.
 */

const item = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });
const heading = (page: Page) => page.locator('#step-heading');

/** Signs in from "Check a registration", picks the registration, chooses Outlook Mail for admin accounts. */
async function checkRegistration(page: Page, name: RegExp) {
  await page.goto('/');
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Check a registration' }).click());
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('group', { name: 'Outlook Mail' })
    .getByRole('radio', { name: 'Admin accounts' })
    .check();
  await page.getByRole('button', { name: 'Check registration' }).click();
  await expect(heading(page)).toHaveText('Check and repair');
}

test.describe('a rotation finished later', () => {
  test.use({ emulatorOptions: wizardClient });

  test('the old secret beside a newer one is removed alone, after the admin confirms the platform uses the newer one', async ({
    page,
    context,
    emulator,
  }) => {
    test.setTimeout(180_000);
    await serveAutomaticConfig(context);
    const app = emulator.seedApplication({
      ...driftedMail,
      displayName: 'Kloudless Mail (rotated)',
      secrets: [
        { displayName: 'production', expiresInDays: 10 },
        { displayName: 'production 2', expiresInDays: 170 },
      ],
    });
    const old = app.passwordCredentials.find((s) => s.displayName === 'production')!;
    const newer = app.passwordCredentials.find((s) => s.displayName === 'production 2')!;
    const secrets = () => emulator.liveSecrets(app.id).map((s) => s.keyId);
    await checkRegistration(page, /Kloudless Mail \(rotated\)/);

    // The checklist offers removing the old one, not rotating it again (which would add a third secret).
    const credentials = item(page, 'Client secrets and certificates');
    await expect(credentials).toHaveAttribute('data-status', 'warning');
    await expect(credentials).toContainText('production has a newer replacement');
    await expect(credentials.getByRole('button', { name: 'Rotate production', exact: true })).toHaveCount(0);
    await expectNoViolations(page, 'Checklist offering to remove the old secret');
    await credentials.getByRole('button', { name: 'Remove production', exact: true }).click();

    // The last stage alone: the newer secret named, the exact request, and nothing before the confirmation.
    await expect(heading(page)).toHaveText('Rotate credential');
    await expect(page.getByText('Finishing a rotation begun earlier')).toBeVisible();
    const requests = page.getByRole('region', { name: /requests the removal sends/ });
    await expect(requests).toContainText(
      `POST https://graph.microsoft.com/v1.0/applications/${app.id}/removePassword`,
    );
    await expect(requests).toContainText(`"keyId": "${old.keyId}"`);
    await expect(requests).not.toContainText(newer.keyId!);
    const confirm = page.getByRole('checkbox', {
      name: `Kloudless now uses the newer client secret “production 2” (hint ${newer.hint}…, ends on ${newer.endDateTime!.slice(0, 10)})`,
    });
    const remove = page.getByRole('button', { name: 'Remove the old client secret' });
    await expect(remove).toBeDisabled();
    await expect(page.getByRole('button', { name: /Download all/ })).toHaveCount(0);
    await confirm.check();
    await expectNoViolations(page, 'Rotate: removing the old secret of a rotation begun earlier');
    expect(secrets(), 'nothing removed before the click').toHaveLength(2);
    await remove.click();
    await expect(page.getByText('Rotation finished')).toBeVisible({ timeout: 60_000 });
    expect(secrets(), 'only the newer secret stays').toEqual([newer.keyId]);
    expect(graphWrites(emulator).map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v1.0/applications/${app.id}/removePassword`,
    ]);

    // Checking again: the credentials are in order, with nothing left to rotate or remove.
    await page.getByRole('button', { name: 'Check the registration again' }).click();
    await expect(heading(page)).toHaveText('Check and repair');
    await expect(credentials).toHaveAttribute('data-status', 'ok');
    await expect(credentials.getByRole('button')).toHaveCount(0);
  });
});

const withPolicy = (appManagementPolicy: NonNullable<EmulatorOptions['tenant']>['appManagementPolicy']) => ({
  ...wizardClient,
  tenant: { appManagementPolicy },
});

test.describe('a 90-day secret lifetime cap', () => {
  test.use({ emulatorOptions: withPolicy({ maxSecretLifetimeDays: 90 }) });

  test('the new secret is capped before the first write, says so, and is accepted at once', async ({
    page,
    context,
    emulator,
  }) => {
    test.setTimeout(180_000);
    await serveAutomaticConfig(context);
    const app = emulator.seedApplication(driftedMail);
    const oldSecret = app.passwordCredentials[0]!;
    await checkRegistration(page, /Kloudless Mail \(portal\)/);
    const credentials = item(page, 'Client secrets and certificates');
    // The policy is read with its own permission, in the window Rotate opens.
    await signInThroughPopup(page, () =>
      credentials.getByRole('button', { name: 'Rotate production' }).click(),
    );
    await expect(heading(page)).toHaveText('Rotate credential');
    await expect(
      page.getByText('allows client secrets of at most 90 days, so the new secret lasts 90 days'),
    ).toBeVisible();
    const requests = page.getByRole('region', { name: /requests Rotate sends/ });
    await expect(requests).toContainText('"endDateTime": "{today + 90 days}"');
    await expectNoViolations(page, 'Rotate: the new secret capped by the tenant policy');
    expect(graphWrites(emulator), 'nothing written before Add').toEqual([]);

    await page.getByRole('button', { name: 'Add the new client secret' }).click();
    await expect(page.getByText('The new client secret is on the registration')).toBeVisible({
      timeout: 60_000,
    });
    const writes = graphWrites(emulator);
    expect(writes.filter((w) => Number(w.status) >= 400)).toEqual([]);
    expect(emulator.log.filter((e) => e.fault === 'policy')).toEqual([]);
    const created = emulator.liveSecrets(app.id).find((s) => s.keyId !== oldSecret.keyId)!;
    const days =
      (Date.parse(created.endDateTime ?? '') - Date.parse(created.startDateTime ?? '')) / 86_400_000;
    expect(days).toBeLessThanOrEqual(90);
    expect(days).toBeGreaterThan(89);
  });
});

test.describe('client secrets forbidden', () => {
  test.use({ emulatorOptions: withPolicy({ secretsForbidden: true }) });

  test('the checklist does not rotate the secret, says why and points to a certificate', async ({
    page,
    context,
    emulator,
  }) => {
    test.setTimeout(120_000);
    await serveAutomaticConfig(context);
    emulator.seedApplication(driftedMail);
    await checkRegistration(page, /Kloudless Mail \(portal\)/);
    const credentials = item(page, 'Client secrets and certificates');
    await signInThroughPopup(page, () =>
      credentials.getByRole('button', { name: 'Rotate production' }).click(),
    );
    await expect(credentials).toContainText('forbids new client secrets, so this secret cannot be rotated');
    await expect(credentials).toContainText('Use a certificate instead');
    await expect(credentials.getByRole('button', { name: 'Rotate production' })).toHaveCount(0);
    await expect(heading(page)).toHaveText('Check and repair');
    await expectNoViolations(page, 'Checklist: a secret the tenant policy keeps from rotating');
    expect(graphWrites(emulator)).toEqual([]);
  });
});
