import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resourceApi } from '../../src/catalog/resource-apis';
import { CREDENTIAL_FILE_NAMES as FILE } from '../../src/exports/certificate-files';
import { buildPlan } from '../../src/plan/build-plan';
import type { ConnectorSelection } from '../../src/plan/plan-types';
import type { Emulator } from '../../src/demo/emulator/emulator';
import { clientRequests } from '../../src/demo/emulator/request-log';
import { signInThroughPopup } from './emulator-sign-in';
import { APP } from './app-origin';
import { findSecrets, storageOf } from './secret-scan';
import { certificateReady, next } from './wizard';

export { APP };

/** The wizard's own registration, as config.json names it. */
export const WIZARD_CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
export const REDIRECT = 'https://api.kloudless.com/v1/oauth/callback';

/** The config.json of a site with automatic mode set up: the wizard's client and every connector's redirect URI. */
export const AUTOMATIC_CONFIG = {
  clientId: WIZARD_CLIENT_ID,
  cloud: 'global',
  platformName: 'Kloudless',
  defaultRedirectUris: Object.fromEntries(
    ['teams', 'onedrive', 'onedrive-business', 'outlook-calendar', 'outlook-mail', 'sharepoint'].map((id) => [
      id,
      REDIRECT,
    ]),
  ),
};

/** Emulator options that accept only the wizard's registration and its redirect bridge. */
export const wizardClient = {
  clients: [{ clientId: WIZARD_CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }],
};

/** Serves a config.json that turns on automatic mode. */
export async function serveAutomaticConfig(context: BrowserContext) {
  await context.route('**/config.json', (route) => route.fulfill({ json: AUTOMATIC_CONFIG }));
}

/** Opens `url`, signs in from the start card's "Sign in and create", and waits for the wizard to go on. */
export async function signInFromStart(page: Page, url: string, account?: string) {
  await page.goto(url);
  await signInThroughPopup(
    page,
    () => page.getByRole('button', { name: 'Sign in and create' }).click(),
    account,
  );
  await expect(page.locator('#step-heading')).toHaveText('Connectors');
}

/**
 * Opens a shareable link, signs in (as `account`, a display name or UPN; default Megan Bowen), and accepts every step
 * up to the review (and the certificate if needed).
 */
export async function signInAndReview(page: Page, query: string, account?: string) {
  await signInFromStart(page, `/?${query}`, account);
  await acceptStepsToReview(page);
}

/** From the Connectors step, accepts every step (the certificate once it is ready) up to the review. */
export async function acceptStepsToReview(page: Page) {
  await next(page);
  await next(page);
  if ((await page.locator('#step-heading').textContent()) === 'Certificate') {
    await certificateReady(page);
    await next(page);
  }
  await expect(page.locator('#step-heading')).toHaveText('Review');
}

/** The Graph writes the wizard asked for: every request but GET, the items of a `$batch` counted one by one. */
export function graphWrites(emulator: Emulator) {
  return clientRequests(emulator.log).filter((l) => l.method !== 'GET');
}

/**
 * How a run ended: on the credentials (it went on by itself), on the Create step with something for the admin to
 * read, or failed.
 */
export type CreateOutcome = 'credentials' | 'attention' | 'failed';

/** Clicks Create, accepts the permission popup, and waits for the run to end. */
export async function create(page: Page, { timeout = 120_000 } = {}): Promise<CreateOutcome> {
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  return runEnds(page, timeout);
}

/**
 * On a review whose tenant check ran on an earlier click, clicks Update (or `label`) and waits for the run to end;
 * the permissions are held already, so no window opens.
 */
export async function update(
  page: Page,
  { timeout = 120_000, label = 'Update app registration' } = {},
): Promise<CreateOutcome> {
  await page.getByRole('button', { name: label }).click();
  return runEnds(page, timeout);
}

async function runEnds(page: Page, timeout: number): Promise<CreateOutcome> {
  const credentials = page.locator('#step-heading', { hasText: 'Credentials' });
  const attention = page.getByRole('button', { name: 'Show the credentials' });
  const failed = page.getByRole('button', { name: 'Try again', exact: true });
  await expect(credentials.or(attention).or(failed)).toBeVisible({ timeout });
  if (await credentials.isVisible()) return 'credentials';
  return (await attention.isVisible()) ? 'attention' : 'failed';
}

/** Clicks Create on a tenant that has the registration: the popup grants the permissions, the review shows it. */
export async function checkTenant(page: Page) {
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
  await expect(page.getByText('This registration exists already')).toBeVisible();
  await expect(page.locator('#step-heading')).toHaveText('Review');
}

/** What the final directory state must be after a run of these answers. */
export interface ExpectedState {
  readonly connectors: readonly ConnectorSelection[];
  readonly displayName: string;
  readonly consent: boolean;
}

/**
 * Checks the emulator's final state against the plan and the credentials page: exactly one application with the
 * planned properties, exactly one live secret (the one shown), the browser's certificate, the right grants, and no
 * secret in Web Storage or IndexedDB.
 */
export async function expectFinalState(page: Page, emulator: Emulator, expected: ExpectedState) {
  const plan = buildPlan({
    connectors: expected.connectors,
    displayName: expected.displayName,
    redirectUris: [REDIRECT],
  });
  const apps = emulator.applications();
  expect(apps, 'exactly one application').toHaveLength(1);
  const app = apps[0]!;
  expect(app.uniqueName).toBe(plan.application.uniqueName);
  expect(app.displayName).toBe(expected.displayName);
  expect(app.signInAudience).toBe('AzureADMultipleOrgs');
  expect(app.web?.redirectUris).toEqual([REDIRECT]);
  expect(app.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(plan.idTokens.enabled);
  const access = (
    list: readonly {
      resourceAppId?: string | null;
      resourceAccess?: readonly { id?: string | null; type?: string | null }[] | null;
    }[],
  ) =>
    list.flatMap((r) => (r.resourceAccess ?? []).map((a) => `${r.resourceAppId}|${a.type}|${a.id}`)).sort();
  expect(access(app.requiredResourceAccess)).toEqual(access(plan.application.requiredResourceAccess));

  // The credentials page shows exactly what the directory holds.
  await expect(page.locator('#step-heading')).toHaveText('Credentials');
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(app.appId);
  const secrets = emulator.liveSecrets(app.id);
  expect(secrets, 'exactly one live secret').toHaveLength(1);
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(secrets[0]!.secretText);
  await expect(page.getByRole('textbox', { name: 'Azure Directory ID' })).toHaveValue(emulator.tenantId);

  if (plan.credentials.certificate.required) {
    expect(app.keyCredentials, 'exactly one certificate').toHaveLength(1);
    const stored = app.keyCredentials[0]!;
    await expect(page.getByRole('textbox', { name: 'Custom Key Identifier' })).toHaveValue(
      stored.customKeyIdentifier ?? '',
    );
    const [cer] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${FILE.certificateDer}` }).click(),
    ]);
    expect(readFileSync(await cer.path()).toString('base64'), 'the certificate the browser generated').toBe(
      stored.key,
    );
  } else {
    expect(app.keyCredentials).toHaveLength(0);
  }

  const sp = emulator.servicePrincipal(app.appId);
  expect(sp, 'the enterprise application exists').toBeDefined();
  const roles = emulator
    .appRoleAssignmentsFor(sp!.id)
    .map((a) => `${emulator.servicePrincipal(a.resourceId)?.appId}|${a.appRoleId}`)
    .sort();
  const grants = emulator
    .grantsFor(sp!.id)
    .map(
      (g) =>
        `${emulator.servicePrincipal(g.resourceId)?.appId}|${g.consentType}|${g.scope.split(' ').sort().join(' ')}`,
    )
    .sort();
  if (expected.consent) {
    expect(roles).toEqual(
      plan.permissions
        .filter((p) => p.kind === 'application')
        .map((p) => `${resourceApi(p.api).appId}|${p.id}`)
        .sort(),
    );
    const delegated = new Map<string, string[]>();
    for (const p of plan.permissions.filter((x) => x.kind === 'delegated')) {
      const id = resourceApi(p.api).appId;
      delegated.set(id, [...(delegated.get(id) ?? []), p.name]);
    }
    expect(grants).toEqual(
      [...delegated].map(([id, names]) => `${id}|AllPrincipals|${names.sort().join(' ')}`).sort(),
    );
  } else {
    expect(roles).toEqual([]);
    expect(grants).toEqual([]);
  }

  await expectNoSecretsStored(page, [secrets[0]!.secretText, ...emulator.accessTokens().map((t) => t.token)]);
}

/** No secret, private key or token in the page's Web Storage, IndexedDB or Cache Storage, right now. */
export async function expectNoSecretsStored(page: Page, secrets: readonly string[]) {
  const places = [...(await storageOf(page, 'session')), ...(await storageOf(page, 'origin'))];
  const values = secrets.map((value) => ({ what: 'a secret or token', value }));
  expect(findSecrets(places, values), 'a secret or token reached storage').toEqual([]);
}
