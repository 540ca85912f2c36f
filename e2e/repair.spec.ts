import type { Page } from '@playwright/test';
import { REDIRECT, serveAutomaticConfig, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { driftedMail } from './support/repair';

test.use({ emulatorOptions: wizardClient });

const item = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });

test('from sign-in, finding and repairing a registration missing two permissions and consent takes at most six actions', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  const app = emulator.seedApplication(driftedMail);
  const secretBefore = structuredClone(app.passwordCredentials);
  let actions = 0;
  const act = async <T>(step: () => Promise<T>): Promise<T> => {
    actions += 1;
    return step();
  };
  const heading = page.locator('#step-heading');

  await page.goto('/');
  // The sign-in window also asks to read registrations: one action, as on the other start card.
  await act(() =>
    signInThroughPopup(page, () => page.getByRole('button', { name: 'Check a registration' }).click()),
  );
  await expect(heading).toHaveText('Registration');
  await act(() => page.getByRole('radio', { name: /Kloudless Mail \(portal\)/ }).check());
  await act(() => page.getByRole('button', { name: 'Next' }).click());
  await expect(heading).toHaveText('Connectors');
  await act(() =>
    page.getByRole('group', { name: 'Outlook Mail' }).getByRole('radio', { name: 'Admin accounts' }).check(),
  );
  await act(() => page.getByRole('button', { name: 'Check registration' }).click());
  await expect(heading).toHaveText('Check and repair');

  // The checklist names each problem.
  const sp = item(page, 'Enterprise application (service principal)');
  await expect(sp).toHaveAttribute('data-status', 'error');
  const missing = item(page, 'Permissions the connectors need');
  await expect(missing).toHaveAttribute('data-status', 'error');
  await expect(missing).toContainText('2 permissions missing');
  await expect(missing).toContainText('Mail.ReadWrite');
  await expect(missing).toContainText('Mail.Send');
  await expect(item(page, 'Admin consent')).toHaveAttribute('data-status', 'error');
  await expect(item(page, 'ID tokens')).toHaveAttribute('data-status', 'error');
  const credentials = item(page, 'Client secrets and certificates');
  await expect(credentials).toHaveAttribute('data-status', 'warning');
  await expect(credentials).toContainText('10 days left');
  await expect(item(page, 'Unique name')).toHaveAttribute('data-status', 'warning');
  await expect(item(page, 'Unique name')).toContainText('can be set once and never changed');
  await expect(page.getByText(/The \d+ requests Repair sends to Microsoft Graph/)).toBeAttached();
  await expectNoViolations(page, 'the checklist');

  // Repair asks for the consent permissions in a window, then runs.
  await act(() =>
    signInThroughPopup(page, () => page.getByRole('button', { name: 'Repair registration' }).click()),
  );
  await expect(page.getByText('Repair finished', { exact: true })).toBeVisible({ timeout: 120_000 });
  expect(actions).toBeLessThanOrEqual(6);

  // The emulated tenant holds the repaired registration.
  const stored = emulator.application(app.id)!;
  const roles = stored.requiredResourceAccess
    .flatMap((r) => r.resourceAccess ?? [])
    .filter((a) => a.type === 'Role');
  const graphSp = emulator.graphServicePrincipal()!;
  const roleId = (value: string) => graphSp.appRoles?.find((r) => r.value === value)?.id;
  expect(roles.map((r) => r.id)).toEqual(
    expect.arrayContaining(
      ['Mail.ReadWrite', 'Mail.Send', 'MailboxSettings.Read', 'User.Read.All'].map(roleId),
    ),
  );
  expect(stored.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(true);
  expect(stored.web?.redirectUris).toEqual([REDIRECT]);
  expect(stored.uniqueName ?? null).toBeNull();
  const clientSp = emulator.servicePrincipal(app.appId);
  expect(clientSp).toBeDefined();
  expect(emulator.appRoleAssignmentsFor(app.appId)).toHaveLength(4);
  expect(emulator.grantsFor(app.appId)[0]?.scope.split(' ').sort()).toEqual(
    ['email', 'offline_access', 'openid', 'profile'].sort(),
  );
  // Credentials are not Repair's: the secret is exactly as it was.
  expect(stored.passwordCredentials).toEqual(secretBefore);

  // The second check, made by itself after the repair, is clean.
  await expect(sp).toHaveAttribute('data-status', 'ok');
  await expect(missing).toHaveAttribute('data-status', 'ok');
  await expect(item(page, 'Admin consent')).toHaveAttribute('data-status', 'ok');
  await expect(item(page, 'ID tokens')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('li[data-status="error"]')).toHaveCount(0);
  await expect(credentials).toHaveAttribute('data-status', 'warning');

  // The result copies as plain text for a support ticket, with no secret in it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy report for a support ticket' }).click();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain(`Application (client) ID: ${app.appId}`);
  expect(report).toContain('[OK] Enterprise application (service principal)');
  expect(report).toContain('Repair changed:');
  const secret = secretBefore[0]!;
  expect(report).not.toContain(secret.secretText);
  expect(report).not.toContain(secret.secretText.slice(0, 6));
});
