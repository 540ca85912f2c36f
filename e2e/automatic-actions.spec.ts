import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CREDENTIAL_FILE_NAMES as FILE } from '../src/exports/certificate-files';
import {
  expectFinalState,
  serveAutomaticConfig,
  wizardClient,
  type ExpectedState,
} from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { decryptKey } from './support/openssl';
import { certificateReady } from './support/wizard';

test.use({ emulatorOptions: wizardClient });

const expected: ExpectedState = {
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Kloudless Microsoft 365 connectors',
  consent: true,
};

test('from the bare address to every file for admin SharePoint with consent in at most ten actions', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  let actions = 0;
  const act = async <T>(step: () => Promise<T>): Promise<T> => {
    actions += 1;
    return step();
  };
  const heading = page.locator('#step-heading');
  const nextButton = page.getByRole('button', { name: 'Next' });

  await page.goto('/');
  // A popup sign-in (the click and picking the account) counts as one action. The start card signs in and goes on.
  await act(() =>
    signInThroughPopup(page, () => page.getByRole('button', { name: 'Sign in and create' }).click()),
  );
  await expect(heading).toHaveText('Connectors');
  await act(() =>
    page
      .getByRole('group', { name: 'SharePoint Online' })
      .getByRole('radio', { name: 'Admin accounts' })
      .check(),
  );
  await act(() => nextButton.click());
  await expect(heading).toHaveText('App details');
  await act(() => nextButton.click());
  await expect(heading).toHaveText('Certificate');
  // The default certificate is ready when the step opens: the admin checks it and goes on.
  await certificateReady(page);
  await act(() => nextButton.click());
  await expect(heading).toHaveText('Review');
  await expect(page.getByText(/The \d+ requests the wizard will send/)).toBeVisible();
  await act(() =>
    signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click()),
  );
  // Consent granted and the registration as planned: nothing to read on Create, so the wizard goes on by itself.
  await expect(heading).toHaveText('Credentials', { timeout: 120_000 });
  const zip = await act(async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
    ]);
    return download;
  });
  expect(actions).toBeLessThanOrEqual(10);

  await expectFinalState(page, emulator, expected);
  // Least privilege: sign-in asked for the basics, Create for the registration and consent permissions only.
  const scopes = emulator.log
    .filter((e) => e.kind === 'login' && /\/authorize\?/.test(e.path))
    .map((e) =>
      new URL(e.url).searchParams
        .get('scope')
        ?.split(' ')
        .filter((s) => s.includes('/'))
        .sort(),
    );
  // Admin SharePoint has only application permissions, so no DelegatedPermissionGrant.ReadWrite.All; Policy.Read.All
  // reads the tenant's consent and credential policies before any write.
  expect(scopes).toEqual([
    ['https://graph.microsoft.com/User.Read'],
    [
      'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All',
      'https://graph.microsoft.com/Application.ReadWrite.All',
      'https://graph.microsoft.com/Policy.Read.All',
    ],
  ]);

  // The ZIP holds credentials.json equal to the directory, and every certificate file.
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(files).sort()).toEqual([
    'cert.cer',
    'cert.pem',
    'certificate.pfx',
    'credential-expiry.ics',
    'credentials.json',
    'key-credentials.json',
    'key.pem',
  ]);
  const app = emulator.applications()[0]!;
  const credentials = JSON.parse(strFromU8(files[FILE.credentials]!)) as Record<string, string>;
  expect(credentials['Client ID']).toBe(app.appId);
  expect(credentials['Client Secret']).toBe(emulator.liveSecrets(app.id)[0]?.secretText);
  expect(credentials['Custom Key Identifier']).toBe(app.keyCredentials[0]?.customKeyIdentifier);
  expect(credentials['Azure Directory ID']).toBe(emulator.tenantId);
  expect(strFromU8(files[FILE.privateKey]!)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  // The certificate prepared ahead of its step is protected by the passphrase the wizard hands over.
  const key = join(mkdtempSync(join(tmpdir(), 'wizard-zip-')), FILE.privateKey);
  writeFileSync(key, files[FILE.privateKey]!);
  expect(decryptKey(key, credentials['Private key passphrase'] ?? '')).toMatch(/BEGIN PRIVATE KEY/);
  expect(Buffer.from(files[FILE.certificateDer]!).toString('base64')).toBe(app.keyCredentials[0]?.key);
  await expect(page.getByText('Save the client secret now')).toHaveCount(0);
});
