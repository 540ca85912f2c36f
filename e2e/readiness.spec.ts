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
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';
import { signInThroughPopup } from './support/emulator-sign-in';

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
    await expectNoSeriousViolations(page, 'review with the tenant readiness');
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
