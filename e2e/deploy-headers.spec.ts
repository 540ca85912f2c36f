import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersForPath, securityHeaders } from '../src/auth/security-headers';
import { clouds } from '../src/config/clouds';
import {
  ORIGIN_PLACEHOLDER,
  wizardRegistration,
  type WizardManifest,
} from '../src/config/wizard-registration';
import { DEFAULT_TENANT_ID } from '../src/demo/emulator/defaults';
import { acceptStepsToReview } from './support/automatic';
import { acceptDemoPermissions, signInToDemo } from './support/demo';
import { expect, test as emulated } from './support/emulator-fixture';
import { pickEmulatedAccount, signInThroughPopup, silentRenewalUrl } from './support/emulator-sign-in';
import { serveStaticSite, type StaticSite } from './support/static-site';

/**
 * The built site served as a deployment serves it: with the headers of its `staticwebapp.config.json`, from a server
 * of its own (`support/static-site.ts`). Sign-in works under them, through the popup and through the redirect.
 */

const CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
const dist = join(import.meta.dirname, '../dist');
const expected = securityHeaders(Object.values(clouds));

const test = emulated.extend<object, { site: StaticSite }>({
  site: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const site = await serveStaticSite(dist, {
        '/config.json': JSON.stringify({ clientId: CLIENT_ID, cloud: 'global', platformName: 'Kloudless' }),
      });
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.origin),
  // The emulator accepts only the wizard's client ID and the redirect bridge of this site.
  emulatorOptions: async ({ site }, use) =>
    use({ clients: [{ clientId: CLIENT_ID, redirectUris: [`${site.origin}/redirect.html`] }] }),
});

/**
 * The response headers of every page and file of the site the context loads (popups included), by path, kept as each
 * response arrives: a popup may close before any further question about its responses could be answered.
 */
function recordResponses(context: BrowserContext, origin: string) {
  const seen = new Map<string, Record<string, string>>();
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin) seen.set(url.pathname, response.headers());
  });
  return seen;
}

/** Records Content Security Policy violations in every page of the context. */
async function recordCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen, loadedFrom: window.location.href });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Checks a response carries exactly the headers the deployment sends for `path`, and no opener policy. */
function expectDeploymentHeaders(headers: Record<string, string> | undefined, path: string) {
  expect(headers, `${path} was loaded`).toBeDefined();
  for (const [name, value] of Object.entries(headersForPath(expected, path))) {
    expect(headers![name.toLowerCase()], `${name} of ${path}`).toBe(value);
  }
  expect(headers!['cross-origin-opener-policy'], path).toBeUndefined();
}

const startButton = (page: Page) => page.getByRole('button', { name: 'Sign in and create' });
const heading = (page: Page) => page.locator('#step-heading');

test('serves index.html, redirect.html and config.json with the deployment’s headers', async ({
  request,
}) => {
  const index = await request.get('/');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-security-policy']).toMatch(/; frame-ancestors 'none'$/);
  expect(index.headers()['x-frame-options']).toBe('DENY');
  expect(index.headers()['referrer-policy']).toBe('no-referrer');
  expect(index.headers()['x-content-type-options']).toBe('nosniff');
  expect(index.headers()['cache-control']).toBeUndefined();
  expect(index.headers()['cross-origin-opener-policy']).toBeUndefined();

  const bridge = await request.get('/redirect.html', { maxRedirects: 0 });
  expect(bridge.status()).toBe(200);
  expect(bridge.headers()['cache-control']).toBe('no-store');
  expect(bridge.headers()['content-security-policy']).toMatch(/; frame-ancestors 'self'$/);
  expect(bridge.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(bridge.headers()['cross-origin-opener-policy']).toBeUndefined();
  expect(await bridge.text()).toContain('<meta http-equiv="Content-Security-Policy"');

  const config = await request.get('/config.json');
  expect(config.headers()['cache-control']).toBe('no-store');
  expect(await config.json()).toMatchObject({ clientId: CLIENT_ID });
});

test('the build wrote the wizard’s registration for its origin, or for the placeholder without one', () => {
  const written = JSON.parse(readFileSync(join(dist, 'wizard-registration.json'), 'utf8')) as WizardManifest;
  const [redirectUri = ''] = written.spa.redirectUris;
  const origin = redirectUri.startsWith(ORIGIN_PLACEHOLDER) ? undefined : new URL(redirectUri).origin;
  expect(written).toEqual(wizardRegistration(origin).manifest);
});

test('signs in through the popup under these headers', async ({ page, context, site, outsideRequests }) => {
  const responses = recordResponses(context, site.origin);
  await recordCspViolations(context);
  await page.goto('/');
  await signInThroughPopup(page, () => startButton(page).click());
  await expect(heading(page)).toHaveText('Connectors');
  await expect(page.getByRole('banner')).toContainText('Signed in as admin@contoso.onmicrosoft.com');

  expectDeploymentHeaders(responses.get('/'), '/');
  expectDeploymentHeaders(responses.get('/config.json'), '/config.json');
  // The popup landed on the bridge, which handed Microsoft's answer to the wizard.
  expectDeploymentHeaders(responses.get('/redirect.html'), '/redirect.html');
  expect(await cspViolations(page)).toEqual([]);
  expect(outsideRequests).toEqual([]);
});

test('signs in through the redirect when popups are blocked, under these headers', async ({
  page,
  context,
  site,
}) => {
  const responses = recordResponses(context, site.origin);
  await recordCspViolations(context);
  await context.addInitScript(() => {
    window.open = () => null;
  });
  await page.goto('/?connectors=teams:user');
  await startButton(page).click();
  await page.waitForURL(/^https:\/\/login\.microsoftonline\.com\//);
  await pickEmulatedAccount(page);
  await page.waitForURL(`${site.origin}/?connectors=teams:user`);
  await expect(heading(page)).toHaveText('Sign in');
  await expect(page.getByRole('region', { name: 'Signed-in account' })).toContainText(DEFAULT_TENANT_ID);

  expectDeploymentHeaders(responses.get('/redirect.html'), '/redirect.html');
  expectDeploymentHeaders(responses.get('/'), '/');
  expect(await cspViolations(page)).toEqual([]);
});

test('MSAL’s renewal frame may land on the bridge inside the wizard, but no page can frame the wizard', async ({
  page,
  context,
  site,
}) => {
  await recordCspViolations(context);
  await page.goto('/');
  const frame = (src: string) =>
    page.evaluate((url) => {
      const element = document.createElement('iframe');
      element.src = url;
      element.hidden = true;
      document.body.append(element);
    }, src);

  // What MSAL's silent renewal loads; without a session the emulated service answers login_required.
  await frame(silentRenewalUrl(CLIENT_ID, `${site.origin}/redirect.html`));
  const bridge = () => page.frames().find((f) => f.url().startsWith(`${site.origin}/redirect.html`));
  await expect.poll(() => bridge()?.url()).toBeDefined();
  await expect
    .poll(() => bridge()?.evaluate(() => (window as unknown as { loadedFrom: string }).loadedFrom))
    .toContain('error=login_required');

  // frame-ancestors 'none': the wizard refuses to be framed, even by itself.
  const refused = page.waitForEvent('console', (m) => /frame-ancestors 'none'/.test(m.text()));
  await frame(`${site.origin}/?framed`);
  expect((await refused).text()).toContain(`Framing '${site.origin}/' violates`);
  expect(page.frames().map((f) => f.url())).not.toContain(`${site.origin}/?framed`);
  // The wizard's own page broke none of its policy meanwhile.
  expect(await cspViolations(page)).toEqual([]);
});

test('the demo tenant runs under these headers: its code, the certificate worker and the fonts load', async ({
  page,
  context,
  site,
}) => {
  const responses = recordResponses(context, site.origin);
  await recordCspViolations(context);
  // This site's config.json names no redirect URI: the link gives one.
  await signInToDemo(
    page,
    `/?demo=standard&connectors=sharepoint:admin&redirect.sharepoint=${encodeURIComponent('https://platform.example.com/oauth/callback')}`,
    /Megan Bowen/,
  );
  await expect(heading(page)).toHaveText('Connectors');
  await acceptStepsToReview(page);
  await page.getByRole('button', { name: 'Create app registration' }).click();
  await acceptDemoPermissions(page);
  await expect(heading(page)).toHaveText('Credentials', { timeout: 60_000 });
  expectDeploymentHeaders(responses.get('/'), '/');
  expect(
    [...responses.keys()].some((path) => path.endsWith('.woff2')),
    'a shipped font loaded',
  ).toBe(true);
  expect(await cspViolations(page)).toEqual([]);
});
