import {
  graphWrites,
  REDIRECT,
  checkTenant,
  create,
  update,
  expectFinalState,
  serveAutomaticConfig,
  signInAndReview,
  wizardClient,
  type ExpectedState,
} from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { pickEmulatedAccount } from './support/emulator-sign-in';
import { pageText } from './support/wizard';

test.use({ emulatorOptions: wizardClient });
test.describe.configure({ timeout: 240_000 });

const sharepointAdmin: ExpectedState = {
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Contoso SharePoint',
  consent: true,
};
const mailAdmin: ExpectedState = {
  connectors: [{ id: 'outlook-mail', mode: 'admin' }],
  displayName: 'Contoso Mail',
  consent: true,
};

const linkOf = (e: ExpectedState) =>
  `connectors=${e.connectors.map((c) => `${c.id}:${c.mode}`).join(',')}&name=${encodeURIComponent(e.displayName)}`;

test('non-admin Outlook Mail and Teams without consent ends with the admin consent link', async ({
  page,
  context,
  emulator,
}) => {
  const expected: ExpectedState = {
    connectors: [
      { id: 'teams', mode: 'user' },
      { id: 'outlook-mail', mode: 'user' },
    ],
    displayName: 'Contoso Users',
    consent: false,
  };
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(expected));
  await page.getByRole('checkbox', { name: 'Grant admin consent for my organization now' }).uncheck();
  // Consent was not asked for: nothing to read on Create, so the wizard goes on to the credentials by itself.
  expect(await create(page)).toBe('credentials');
  await expectFinalState(page, emulator, expected);
  const app = emulator.applications()[0]!;
  const url = new URL(await page.getByRole('textbox', { name: 'Admin consent URL' }).inputValue());
  expect(url.origin + url.pathname).toBe(
    `https://login.microsoftonline.com/${emulator.tenantId}/v2.0/adminconsent`,
  );
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: app.appId,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: REDIRECT,
  });
  await expect(page.getByRole('textbox', { name: 'Message for your administrator' })).toHaveValue(
    new RegExp(`grant admin consent to "Contoso Users" \\(client ID ${app.appId}\\)`),
  );
  // Sign-in never asked for the consent permissions.
  const asked = emulator.log
    .filter((e) => e.kind === 'login' && /\/authorize\?/.test(e.path))
    .map((e) => new URL(e.url).searchParams.get('scope') ?? '')
    .join(' ');
  expect(asked).not.toMatch(/AppRoleAssignment|DelegatedPermissionGrant/);
  // While the permission window was open, one read with the sign-in token went out (the browser's CORS check of
  // Graph then, not on the run's path), and it was the only Graph request before the window's token.
  const permissionToken = emulator.log.filter((e) => e.kind === 'login' && /\/token/.test(e.path)).at(-1)!;
  const beforeToken = emulator.log.filter(
    (e) => e.kind === 'graph' && e.batchItem && e.startedAt < permissionToken.startedAt,
  );
  expect(beforeToken.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /v1.0/me?$select=id']);
});

// How the runner rides out each fault (latency, 429, 503, replication delay, a dropped connection) is checked in
// src/graph/plan-runner-faults.test.ts and plan-runner-network.test.ts. This journey proves that one reaches the page
// through the browser's fetch and CORS: the run finishes and the wait is explained as what it was.
test('admin Outlook Mail with consent survives 503 Service Unavailable, and the wait says why', async ({
  page,
  context,
  emulator,
}) => {
  await serveAutomaticConfig(context);
  // Every title the run step shows while waiting, as the page showed it.
  await context.addInitScript(() => {
    const titles: string[] = [];
    Object.assign(window, { waitTitles: titles });
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.fui-MessageBarTitle')) {
        const text = el.textContent ?? '';
        if (el.closest('.fui-MessageBar')?.textContent?.includes('tries again') && !titles.includes(text))
          titles.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await signInAndReview(page, linkOf(mailAdmin));
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Create app registration' }).click(),
  ]);
  // The permission window's warm-up read goes out unseen; the faults are for what the admin waits on after it: the
  // review's check of the tenant and the run.
  await expect
    .poll(() => emulator.log.some((l) => l.batchItem && l.path === '/v1.0/me?$select=id' && l.status === 200))
    .toBe(true);
  // A Retry-After the page can read makes the wait long enough to see.
  emulator.faults.exposeRetryAfter = true;
  emulator.faults.unavailable = { count: 2, status: 503, retryAfterSeconds: 3 };
  await pickEmulatedAccount(popup);
  await expect(page.locator('#step-heading')).toHaveText('Credentials', { timeout: 120_000 });
  expect(emulator.log.filter((l) => l.status === 503).length).toBe(2);
  // The wait was explained as what it was, never as throttling.
  const titles = await page.evaluate(() => (window as unknown as { waitTitles: string[] }).waitTitles);
  expect(titles).toEqual(expect.arrayContaining(['Microsoft Graph is temporarily unavailable']));
  expect(titles.join('\n')).not.toMatch(/slow down|catch up/);
  await expectFinalState(page, emulator, mailAdmin);
});

test('403 on consent: the registration is made and the admin consent link is offered', async ({
  page,
  context,
  emulator,
}) => {
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(mailAdmin));
  emulator.faults.consentForbidden = true;
  // Consent needs the admin's attention: the Create step stays and says why.
  expect(await create(page)).toBe('attention');
  await expect(page.getByText('Admin consent was not granted')).toBeVisible();
  await expect(page.getByText(/Privileged Role Administrator/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await expectFinalState(page, emulator, { ...mailAdmin, consent: false });
  await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toHaveValue(
    /adminconsent\?client_id=/,
  );
  // The truth about each grant, never "you chose not to".
  await expect(page.getByText('You chose not to grant admin consent now')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Grants that were not made' })).toContainText(
    'Microsoft Graph application permissions: Granting Microsoft Graph application permissions needs the Privileged Role Administrator',
  );
  // An administrator got the role: retrying sends just the grants, and the secret on screen stays the same.
  const secret = await page.getByRole('textbox', { name: 'Client Secret' }).inputValue();
  emulator.faults.consentForbidden = false;
  emulator.clearLog();
  await page.getByRole('button', { name: 'Retry the grants' }).click();
  await expect(page.getByRole('heading', { name: 'Admin consent still needed' })).toHaveCount(0, {
    timeout: 30_000,
  });
  const writes = graphWrites(emulator);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((l) => /appRoleAssignedTo|oauth2PermissionGrants/.test(l.path))).toBe(true);
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(secret);
  await expectFinalState(page, emulator, mailAdmin);
});

test('a page reload in the middle of a run creates nothing twice', async ({ page, context, emulator }) => {
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(sharepointAdmin));
  emulator.faults.latencyMs = 300;
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Create app registration' }).click(),
  ]);
  await popup.getByRole('link', { name: /Megan Bowen/ }).click();
  const secretDone = page.locator('[data-status="done"]', { hasText: 'Create the client secret' });
  await expect(secretDone).toBeVisible({ timeout: 60_000 });
  // The secret exists in the directory but was never shown to anyone: the reload loses it.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  emulator.faults.latencyMs = 0;
  expect(emulator.applications()).toHaveLength(1);

  await signInAndReview(page, linkOf(sharepointAdmin));
  await expect(page.getByText('An earlier run of this registration did not finish')).toBeVisible();
  // The check before any write finds the half-made registration and says exactly what the run changes.
  await checkTenant(page);
  const changes = page.getByRole('region', { name: 'What the run changes' });
  const [interrupted] = emulator.liveSecrets(emulator.applications()[0]!.id);
  await expect(changes.getByRole('definition').nth(2)).toContainText(
    `the client secret ${interrupted!.secretText.slice(0, 3)}… (made by this wizard`,
  );
  await expect(changes.getByRole('definition').nth(2)).toContainText(
    'which an interrupted run made and nobody saved',
  );
  await expect(changes.getByRole('definition').nth(0)).toContainText('a client secret valid for 180 days');
  await expect(page.getByRole('table', { name: 'Current secrets and certificates' })).toContainText(
    'Certificate',
  );
  expect(await update(page)).toBe('credentials');

  // The interrupted run's certificate was kept (its key was never saved); once the new one is saved, it can go.
  expect(emulator.applications()[0]!.keyCredentials).toHaveLength(2);
  const older = page.getByRole('list', { name: 'Older certificates' }).getByRole('checkbox');
  await expect(older).toBeDisabled();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
  ]);
  // Saved is not enough: the admin says the platform uses the new certificate first.
  await expect(older).toBeDisabled();
  await page.getByRole('checkbox', { name: /now uses the new/ }).check();
  await older.check();
  await expectNoViolations(page, 'Credentials with older credentials to remove');
  await page.getByRole('button', { name: 'Remove the ticked old credentials' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1 credential.' })).toBeVisible();
  await expectFinalState(page, emulator, sharepointAdmin);
});

test('a tenant policy on secret lifetimes is explained, and a shorter secret fixes it', async ({
  page,
  context,
  emulator,
}) => {
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(mailAdmin));
  // The recommended 180 days is within the cap: the admin chose longer.
  await expect(page.getByRole('radio', { name: '180 days (recommended)' })).toBeChecked();
  await page.getByRole('radio', { name: '12 months' }).check();
  emulator.faults.maxSecretLifetimeDays = 200;
  expect(await create(page)).toBe('failed');
  await expect(page.getByText('CredentialInvalidLifetimeAsPerAppPolicy (400)')).toBeVisible();
  await expect(page.locator('[data-status="failed"]', { hasText: 'Create the client secret' })).toBeVisible();
  await page.getByRole('button', { name: 'Use a 180-day secret and try again' }).click();
  // The retried run ends well with nothing to read on Create: the wizard goes on by itself.
  await expect(page.locator('#step-heading')).toHaveText('Credentials', { timeout: 60_000 });
  await expectFinalState(page, emulator, mailAdmin);
  const secret = emulator.liveSecrets(emulator.applications()[0]!.id)[0]!;
  const days = (Date.parse(secret.endDateTime ?? '') - Date.parse(secret.startDateTime ?? '')) / 86_400_000;
  expect(Math.round(days)).toBe(180);
  // The lock on by default reached the registration.
  expect(emulator.applications()[0]!.servicePrincipalLockConfiguration).toMatchObject({
    isEnabled: true,
    allProperties: true,
  });
});

test('leaving before the client secret is saved asks for confirmation, and not after', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(mailAdmin));
  expect(await create(page)).toBe('credentials');
  await expect(page.getByText('Save the client secret now')).toBeVisible();
  let prompts = 0;
  page.on('dialog', (d) => {
    prompts += 1;
    void d.dismiss(); // dismissing keeps the page open
  });
  await page.evaluate(() => document.body.click()); // beforeunload prompts need a user gesture on the page
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => prompts).toBe(1);
  expect(page.isClosed()).toBe(false);

  // Copying the secret counts as saving it: now the page closes without a prompt.
  await page.getByRole('button', { name: 'Copy Client Secret' }).click();
  await expect(page.getByText('Save the client secret now')).toHaveCount(0);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(prompts).toBe(1);
});

test('Finish asks while something is unsaved, then removes the secret, the key and the passphrase from the page', async ({
  page,
  context,
  emulator,
}) => {
  await serveAutomaticConfig(context);
  await signInAndReview(page, linkOf(sharepointAdmin));
  expect(await create(page)).toBe('credentials');
  const secretText = emulator.liveSecrets(emulator.applications()[0]!.id)[0]!.secretText;
  const passphrase = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
  const identifier = await page.getByRole('textbox', { name: 'Custom Key Identifier' }).inputValue();
  expect(passphrase.length).toBeGreaterThan(8);
  const before = await pageText(page);
  expect(before).toContain(secretText);
  expect(before).toContain(passphrase);

  // Nothing saved yet: Finish asks first, and going back keeps everything.
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Finish without saving?' });
  await expect(dialog).toContainText(
    'The client secret and the certificate’s private key have not been saved. Finishing removes them from this page',
  );
  await dialog.getByRole('button', { name: 'Go back and save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(secretText);

  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
  ]);
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('#step-heading')).toHaveText('Start');
  await expect(
    page.getByText(
      'Finished. The client secret, the private key and the passphrase were removed from this page. The wizard forgot your sign-in too.',
    ),
  ).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);

  const after = await pageText(page);
  const gone: [string, string][] = [
    ['the client secret', secretText],
    ['the passphrase', passphrase],
    ['the Custom Key Identifier', identifier],
  ];
  for (const [what, value] of gone) expect(after.includes(value), `${what} is still in the page`).toBe(false);
  // The answers start afresh: no path is chosen, so the steps of automatic mode are gone from the stepper.
  await expect(page.getByRole('navigation', { name: 'Setup steps' })).not.toContainText('Credentials');
});
