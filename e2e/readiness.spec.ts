import type { Page } from '@playwright/test';
import type { EmulatorOptions } from '../src/demo/emulator/emulator';
import type { Emulator } from '../src/demo/emulator/emulator';
import {
  create,
  graphWrites,
  serveAutomaticConfig,
  signInAndReview,
  update,
  wizardClient,
} from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';
import { keyModulus, openssl, readCertificate, runOpenssl } from './support/openssl';
import { download, next } from './support/wizard';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.describe.configure({ timeout: 240_000 });

const CREATE = 'Create app registration';
const consentBox = (page: Page) =>
  page.getByRole('checkbox', { name: /Grant admin consent for my organization now/ });
const readiness = (page: Page) => page.getByRole('region', { name: 'Tenant readiness' });

/** First Create: the permission window, then the policy read stops on the review with its advice. */
async function createStopsOnReadiness(page: Page) {
  await signInThroughPopup(page, () => page.getByRole('button', { name: CREATE }).click());
  await expect(readiness(page)).toBeVisible();
  await expect(page.locator('#step-heading')).toHaveText('Review');
}

/** The adapted plan runs: every write the emulator saw was accepted, none refused by a policy. */
function expectAcceptedFirstTime(emulator: Emulator) {
  const writes = graphWrites(emulator);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.filter((w) => Number(w.status) >= 400)).toEqual([]);
  expect(emulator.log.filter((e) => e.fault === 'policy')).toEqual([]);
}

function withTenant(
  tenant: EmulatorOptions['tenant'],
  faults: EmulatorOptions['faults'] = {},
): EmulatorOptions {
  return { ...wizardClient, tenant, faults };
}

test.describe('Microsoft-managed consent policy', () => {
  test.use({ emulatorOptions: withTenant({ userConsent: 'recommended' }) });

  test('users of Outlook Mail cannot consent: admin consent becomes the recommended choice', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=outlook-mail:user&name=Contoso%20Mail');
    await consentBox(page).uncheck();
    await createStopsOnReadiness(page);
    await expect(readiness(page)).toContainText('Microsoft manages the consent settings');
    await expect(readiness(page)).toContainText(
      "Outlook Mail: users cannot consent themselves: your tenant's user consent settings leave out Mail.ReadWrite",
    );
    await expect(readiness(page)).toContainText('Grant admin consent now (recommended)');
    await expect(readiness(page)).toContainText('The admin consent workflow is off');
    await expect(consentBox(page)).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /\(recommended\)/ })).toBeVisible();
    await expectNoViolations(page, 'review with the tenant readiness');
    expect(graphWrites(emulator)).toEqual([]);

    // Consent now needs its own permissions: a second window.
    expect(await create(page)).toBe('credentials');
    expectAcceptedFirstTime(emulator);
    const app = emulator.applications()[0]!;
    const sp = emulator.servicePrincipal(app.appId)!;
    expect(emulator.grantsFor(sp.id).map((g) => g.consentType)).toContain('AllPrincipals');
  });
});

test.describe('user consent off, admin consent workflow on', () => {
  test.use({
    emulatorOptions: withTenant({ userConsent: 'off', adminConsentRequestPolicy: { isEnabled: true } }),
  });

  test('the review says users cannot consent and who reviews their requests', async ({ page, context }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=outlook-calendar:user&name=Contoso%20Calendar');
    await consentBox(page).uncheck();
    await createStopsOnReadiness(page);
    await expect(readiness(page)).toContainText('User consent is off');
    await expect(readiness(page)).toContainText(
      'Outlook Calendar: users cannot consent themselves, because user consent is off in your tenant.',
    );
    await expect(readiness(page)).toContainText('The admin consent workflow is on');
    await expect(readiness(page)).toContainText('reviewed by 1 user');
    await expect(consentBox(page)).toBeChecked();
  });
});

test.describe('a 90-day secret lifetime cap', () => {
  test.use({ emulatorOptions: withTenant({ appManagementPolicy: { maxSecretLifetimeDays: 90 } }) });

  test('the plan caps the secret, and the emulator accepts it on the first write', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=outlook-mail:admin&name=Contoso%20Mail');
    await createStopsOnReadiness(page);
    await expect(page.getByText('allows client secrets of at most 90 days')).toBeVisible();
    await expect(readiness(page)).toContainText('client secrets last at most 90 days');
    expect(await update(page, { label: CREATE })).toBe('credentials');
    expectAcceptedFirstTime(emulator);
    const secret = emulator.liveSecrets(emulator.applications()[0]!.id)[0]!;
    const days = (Date.parse(secret.endDateTime ?? '') - Date.parse(secret.startDateTime ?? '')) / 86_400_000;
    expect(days).toBeLessThanOrEqual(90);
    expect(days).toBeGreaterThan(89);
  });
});

test.describe('client secrets forbidden', () => {
  test.use({ emulatorOptions: withTenant({ appManagementPolicy: { secretsForbidden: true } }) });

  test('the plan adds no secret and says why; the rest is accepted on the first write', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=outlook-mail:admin&name=Contoso%20Mail');
    await createStopsOnReadiness(page);
    await expect(page.getByText('forbids client secrets, so the run adds none')).toBeVisible();
    await expect(page.getByRole('radiogroup', { name: 'Client secret expires after' })).toHaveCount(0);
    await update(page, { label: CREATE });
    expectAcceptedFirstTime(emulator);
    const app = emulator.applications()[0]!;
    expect(emulator.liveSecrets(app.id)).toEqual([]);
    expect(graphWrites(emulator).some((w) => w.path.endsWith('/addPassword'))).toBe(false);
  });
});

test.describe('certificates from a trusted authority only', () => {
  test.use({ emulatorOptions: withTenant({ appManagementPolicy: { trustedCertificateAuthority: true } }) });

  test('the self-signed certificate is not uploaded, and the run is accepted on the first write', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=sharepoint:admin&name=Contoso%20SharePoint');
    await createStopsOnReadiness(page);
    await expect(
      page.getByText('accepts only certificates issued by a certificate authority it trusts'),
    ).toBeVisible();
    await expect(readiness(page)).toContainText(
      'certificates must come from a trusted certificate authority',
    );
    await update(page, { label: CREATE });
    expectAcceptedFirstTime(emulator);
    expect(emulator.applications()[0]!.keyCredentials).toEqual([]);
  });

  test('a signing request made here, signed by the authority, is accepted on the first write', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=sharepoint:admin&name=Contoso%20SharePoint');
    await createStopsOnReadiness(page);
    // The review's advice leads back to the Certificate step, which now opens on the request.
    while ((await page.locator('#step-heading').textContent()) !== 'Certificate')
      await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByText('accepts only certificates issued by a certificate authority')).toBeVisible();
    await page.getByRole('radio', { name: 'Request one from my certificate authority' }).check();
    const settings = page.getByRole('form', { name: 'Signing request settings' });
    await settings.getByRole('combobox', { name: 'Key size' }).selectOption('2048');
    await expect(settings.getByText('Valid for')).toHaveCount(0);
    await settings.getByRole('button', { name: 'Create signing request' }).click();
    // The self-signed certificate made earlier was never saved: replacing it asks first.
    await page.getByRole('button', { name: 'Replace it' }).click();
    await expect(page.getByRole('heading', { name: 'Certificate signing request' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      page.getByRole('definition').filter({ hasText: 'Waiting for your authority' }),
    ).toBeVisible();

    await expectNoViolations(page, 'Certificate signing request');
    // Without the issued certificate and without key.pem saved, Next says what is missing.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toContainText('Download key.pem first');

    const passphrase = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
    const csr = await download(page, 'request.csr');
    const key = await download(page, 'key.pem');
    // The authority: openssl checks the request's signature and issues a certificate from it.
    const dir = mkdtempSync(join(tmpdir(), 'entra-ca-'));
    try {
      expect(runOpenssl(['req', '-in', csr.path, '-noout', '-verify']).stderr).toContain('verify OK');
      const caKey = join(dir, 'ca.key');
      const caCert = join(dir, 'ca.pem');
      const issued = join(dir, 'issued.pem');
      openssl([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        caKey,
        '-out',
        caCert,
        '-subj',
        '/CN=Contoso Issuing CA',
        '-days',
        '30',
      ]);
      openssl([
        'x509',
        '-req',
        '-in',
        csr.path,
        '-CA',
        caCert,
        '-CAkey',
        caKey,
        '-CAcreateserial',
        '-days',
        '365',
        '-copy_extensions',
        'copy',
        '-out',
        issued,
      ]);
      // The chain as authorities send it, issuing CA first: the wizard picks the certificate for its key.
      const chain = join(dir, 'chain.pem');
      writeFileSync(chain, readFileSync(caCert, 'utf8') + readFileSync(issued, 'utf8'));

      // A certificate for another key is refused with the reason.
      await page.getByLabel('Issued certificate file').setInputFiles(caCert);
      const request = page.getByRole('region', { name: 'Certificate signing request' });
      await expect(request.getByRole('alert')).toContainText('not issued for the request made here');
      await expect(page.getByText('Download key.pem first')).toHaveCount(0);

      await page.getByLabel('Issued certificate file').setInputFiles(chain);
      await expect(
        page.getByRole('definition').filter({ hasText: 'Issued and matched to the key' }),
      ).toBeVisible();
      const identifier = await page.getByRole('textbox', { name: 'Custom Key Identifier' }).inputValue();
      expect(keyModulus(key.path, passphrase)).toBe(readCertificate(issued).modulus);

      await next(page);
      await expect(page.locator('#step-heading')).toHaveText('Review');
      await expect(
        page.getByText('accepts only certificates issued by a certificate authority it trusts'),
      ).toHaveCount(0);
      expect(await update(page, { label: CREATE })).toBe('credentials');
      expectAcceptedFirstTime(emulator);
      const [stored] = emulator.applications()[0]!.keyCredentials;
      const issuedDer = join(dir, 'issued.cer');
      openssl(['x509', '-in', issued, '-outform', 'DER', '-out', issuedDer]);
      expect(stored?.key).toBe(readFileSync(issuedDer).toString('base64'));
      expect(stored?.customKeyIdentifier).toBe(identifier);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('a role that cannot read the consent settings', () => {
  test.use({ emulatorOptions: withTenant({}, { consentPolicyReadDenied: true }) });

  test('the review says what could not be checked, and Create goes on', async ({
    page,
    context,
    emulator,
  }) => {
    await serveAutomaticConfig(context);
    await signInAndReview(page, 'connectors=outlook-mail:user&name=Contoso%20Mail');
    await createStopsOnReadiness(page);
    await expect(readiness(page)).toContainText('Not checked');
    await expect(readiness(page)).toContainText('the user consent settings (authorizationPolicy)');
    await expect(readiness(page)).toContainText(
      'depends on the user consent settings, which could not be read',
    );
    expect(await update(page, { label: CREATE })).toBe('credentials');
    expectAcceptedFirstTime(emulator);
  });
});
