import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_ADMIN, DEFAULT_TENANT_ID, NON_ADMIN_USER } from '../src/demo/emulator/defaults';
import type { Emulator } from '../src/demo/emulator/emulator';
import { expect, test } from './support/emulator-fixture';
import { pickEmulatedAccount, signInThroughPopup } from './support/emulator-sign-in';
import { APP } from './support/app-origin';

/** Sign-in for automatic mode: the real MSAL code path against the emulated Microsoft identity platform. */

const CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';

// The emulator accepts only the wizard's client ID and its redirect bridge, like the real registration would.
test.use({ emulatorOptions: { clients: [{ clientId: CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }] } });

async function serveConfig(context: BrowserContext, cloud = 'global') {
  await context.route('**/config.json', (route) =>
    route.fulfill({ json: { clientId: CLIENT_ID, cloud, platformName: 'Kloudless' } }),
  );
}

/** Records Content Security Policy violations in every page of the context (the app, popups, the bridge). */
async function recordCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const startButton = (page: Page) => page.getByRole('button', { name: 'Sign in and create' });
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in with Microsoft' });
const heading = (page: Page) => page.locator('#step-heading');

/** Signs in from the start card; the wizard goes on to Connectors by itself. */
async function signInFromStart(page: Page, query = '', account?: string) {
  await page.goto(`/${query}`);
  await signInThroughPopup(page, () => startButton(page).click(), account);
  await expect(heading(page)).toHaveText('Connectors');
}

/** Back from Connectors to the Sign in step, which shows who is signed in. */
async function backToSignIn(page: Page) {
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page)).toHaveText('Sign in');
}

/** The `scope` parameter of every interactive /authorize request, as sets of scopes. */
function authorizeScopes(emulator: Emulator): string[][] {
  return emulator.log
    .filter((e) => e.kind === 'login' && /\/oauth2\/v2\.0\/authorize\?/.test(e.path))
    .map((e) => (new URL(e.url).searchParams.get('scope') ?? '').split(' ').sort());
}

/** Every access, refresh and ID token the emulated /token endpoint issued. */
function issuedTokens(emulator: Emulator): string[] {
  const fromResponses = emulator.log
    .filter((e) => e.kind === 'login' && e.path.includes('/oauth2/v2.0/token') && e.status === 200)
    .flatMap((e) => {
      const body = JSON.parse(e.responseBody ?? '{}') as Record<string, unknown>;
      return [body['access_token'], body['refresh_token'], body['id_token']];
    })
    .filter((t): t is string => typeof t === 'string');
  return [...new Set([...emulator.accessTokens().map((t) => t.token), ...fromResponses])];
}

/** Everything in localStorage, sessionStorage and IndexedDB, as one string. */
function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        dump.push(key, storage.getItem(key));
      }
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = db.transaction(name).objectStore(name).getAll();
        dump.push(await new Promise((resolve) => (all.onsuccess = () => resolve(all.result))));
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

test('the start card signs in through the popup with openid profile User.Read only and goes on; the Sign in step shows the account and tenant, and signs out', async ({
  page,
  context,
  emulator,
  outsideRequests,
}) => {
  await serveConfig(context);
  await recordCspViolations(context);
  await signInFromStart(page);
  await expect(page.getByRole('banner')).toContainText('Signed in as admin@contoso.onmicrosoft.com');
  expect(authorizeScopes(emulator)).toEqual([['https://graph.microsoft.com/User.Read', 'openid', 'profile']]);

  // No token reached Web Storage or IndexedDB: MSAL's cache lives in memory.
  const tokens = issuedTokens(emulator);
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  const stored = await browserStorage(page);
  for (const token of tokens) expect(stored.includes(token), 'a token is in browser storage').toBe(false);

  // The Sign in step stays in the stepper, for checking the account, switching it or signing out.
  await backToSignIn(page);
  await expect(page.getByText(/reads your basic profile \(User\.Read\)/)).toBeVisible();
  const account = page.getByRole('region', { name: 'Signed-in account' });
  await expect(account).toContainText('Signed in as Megan Bowen (admin@contoso.onmicrosoft.com)');
  await expect(account).toContainText(`Directory (tenant) ID: ${DEFAULT_TENANT_ID}`);
  await expect(page.getByRole('button', { name: 'Copy Directory (tenant) ID' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signInButton(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  // MSAL forgets the account before it opens the sign-out window, so the step shows "Sign in" before the window's
  // request reaches the emulated service: wait for the request rather than expect it already made.
  await expect.poll(() => emulator.log.some((e) => e.path.includes('/oauth2/v2.0/logout'))).toBe(true);

  // Signed out, the step signs in again itself, and Next leads on.
  await signInThroughPopup(page, () => signInButton(page).click());
  await expect(account).toContainText('Megan Bowen');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page)).toHaveText('Connectors');
  expect(await cspViolations(page)).toEqual([]);
  expect(outsideRequests).toEqual([]);
});

test.describe('with two accounts', () => {
  test.use({
    emulatorOptions: {
      users: [DEFAULT_ADMIN, NON_ADMIN_USER],
      clients: [{ clientId: CLIENT_ID, redirectUris: [`${APP}/redirect.html`] }],
    },
  });

  test('“Use another account” shows the account picker and switches to the chosen account', async ({
    page,
    context,
    emulator,
  }) => {
    await serveConfig(context);
    await signInFromStart(page, '', DEFAULT_ADMIN.displayName);
    await backToSignIn(page);
    const account = page.getByRole('region', { name: 'Signed-in account' });
    await expect(account).toContainText(DEFAULT_ADMIN.userPrincipalName);
    await signInThroughPopup(
      page,
      () => page.getByRole('button', { name: 'Use another account' }).click(),
      NON_ADMIN_USER.displayName,
    );
    await expect(account).toContainText(`Signed in as Adele Vance (${NON_ADMIN_USER.userPrincipalName})`);
    const prompts = emulator.log
      .filter((e) => /\/oauth2\/v2\.0\/authorize\?/.test(e.path))
      .map((e) => new URL(e.url).searchParams.get('prompt'));
    expect(prompts).toEqual([null, 'select_account']);
  });
});

test('once signed in, the start card goes straight on without another sign-in', async ({
  page,
  context,
  emulator,
}) => {
  await serveConfig(context);
  await signInFromStart(page, '?connectors=teams:user');
  await backToSignIn(page);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page)).toHaveText('Start');
  await expect(page.getByText('Signed in as Megan Bowen (admin@contoso.onmicrosoft.com).')).toBeVisible();
  let popups = 0;
  page.on('popup', () => (popups += 1));
  await startButton(page).click();
  await expect(heading(page)).toHaveText('Connectors');
  await expect(page.getByRole('group', { name: 'Microsoft Teams' }).getByRole('checkbox')).toBeChecked();
  expect(popups).toBe(0);
  expect(authorizeScopes(emulator)).toHaveLength(1);
});

test('signs in by redirect when popups are blocked, and comes back with the choices in the link', async ({
  page,
  context,
  emulator,
}) => {
  await serveConfig(context);
  await context.addInitScript(() => {
    window.open = () => null;
  });
  await page.goto('/?connectors=teams:user&name=Contoso%20Sync');
  await startButton(page).click();
  await page.waitForURL(/^https:\/\/login\.microsoftonline\.com\//);
  await pickEmulatedAccount(page);
  await page.waitForURL(`${APP}/?connectors=teams:user&name=Contoso+Sync`);
  // The wizard opens at the sign-in step of automatic mode, now signed in.
  await expect(heading(page)).toHaveText('Sign in');
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toContainText(DEFAULT_TENANT_ID);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('group', { name: 'Microsoft Teams' }).getByRole('checkbox')).toBeChecked();
  expect(authorizeScopes(emulator)).toEqual([['https://graph.microsoft.com/User.Read', 'openid', 'profile']]);
  const stored = await browserStorage(page);
  for (const token of issuedTokens(emulator)) expect(stored.includes(token)).toBe(false);
});

test('signs in against the US Government cloud when config.json says usgov', async ({
  page,
  context,
  emulator,
}) => {
  await serveConfig(context, 'usgov');
  await signInFromStart(page);
  await expect(page.getByRole('banner')).toContainText('Signed in as admin@contoso.onmicrosoft.com');
  const hosts = new Set(emulator.log.map((e) => e.host));
  expect([...hosts]).toEqual(['login.microsoftonline.us']);
  expect(authorizeScopes(emulator)).toEqual([['https://graph.microsoft.us/User.Read', 'openid', 'profile']]);
});

test('signs in against the China cloud when config.json says china', async ({ page, context, emulator }) => {
  await serveConfig(context, 'china');
  await signInFromStart(page);
  await expect(page.getByRole('banner')).toContainText('Signed in as admin@contoso.onmicrosoft.com');
  // MSAL sends China sign-ins to login.partner.microsoftonline.cn, the preferred alias of login.chinacloudapi.cn.
  for (const entry of emulator.log) {
    expect(['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn']).toContain(entry.host);
  }
  expect(authorizeScopes(emulator)).toEqual([
    ['https://microsoftgraph.chinacloudapi.cn/User.Read', 'openid', 'profile'],
  ]);
});
