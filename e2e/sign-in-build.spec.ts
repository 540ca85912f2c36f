import type { Page, Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentRenewalUrl } from './support/emulator-sign-in';
import { expect, test } from './support/emulator-fixture';
import { APP } from './support/app-origin';

/** How sign-in is built and served: MSAL only when configured, the redirect bridge page, the CSP. */

const dist = join(import.meta.dirname, '../dist');
const CLIENT_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
/** MSAL's library name, sent with every request it makes: present in MSAL's code, nowhere else. */
const MSAL_MARKER = 'msal.js.browser';

/** The chunks of the steps only a signed-in path shows, which Start preloads where sign-in is set up. */
const SIGN_IN_STEP_CHUNK = /\/assets\/(sign-in-step|repair-target-step)-[\w-]+\.js$/;
/** The chunk of the connectors step, which Start preloads in every deployment. */
const CONNECTORS_CHUNK = /\/assets\/connectors-step-[\w-]+\.js$/;

/**
 * Waits until Start has preloaded the connectors step, and returns the scripts fetched by then. The steps' chunks are
 * requested together, so by the time the connectors step has arrived every other preload has been asked for.
 */
async function afterPreload(scripts: ReturnType<typeof recordScripts>) {
  await expect.poll(async () => (await scripts()).some(({ url }) => CONNECTORS_CHUNK.test(url))).toBe(true);
  return scripts();
}

/** The step chunks of {@link SIGN_IN_STEP_CHUNK} the page asked for, answered or not. */
const signInStepRequests = (scripts: ReturnType<typeof recordScripts>) =>
  scripts.requested.filter((url) => SIGN_IN_STEP_CHUNK.test(url));

/**
 * The JavaScript files a page load fetched so far, with their text. Bodies are read when asked for, so a script that
 * arrives later (the certificate worker, loaded when the page is idle) leaves no read pending when the test ends.
 */
function recordScripts(page: Page) {
  const scripts = new Map<string, Response>();
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(request.url());
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response);
  });
  const read = async () =>
    Promise.all([...scripts].map(async ([url, response]) => ({ url, text: await response.text() })));
  /** Every script URL the page asked for so far, whether or not its answer has arrived. */
  return Object.assign(read, { requested });
}

test('an offline deployment (no clientId) never downloads MSAL or the sign-in steps; a configured one does', async ({
  page,
  context,
}) => {
  let scripts = recordScripts(page);
  await page.goto('/');
  // The admin reads that automatic mode is not set up here; whoever hosts the site reads what to do about it.
  await expect(
    page.getByText('Not available: automatic mode is not set up on this site. Use the portal steps instead.'),
  ).toBeVisible();
  await expect(page.getByText(/^If you host this site: .*config\.json as clientId/)).toContainText(
    'the deployment guide (docs/deploy.md in its source)',
  );
  await expect(page.getByRole('button', { name: 'Sign in and create' })).toHaveAccessibleDescription(
    /automatic mode is not set up on this site.*If you host this site/,
  );
  const offline = await afterPreload(scripts);
  for (const { url, text } of offline) expect(text.includes(MSAL_MARKER), url).toBe(false);
  expect(signInStepRequests(scripts)).toEqual([]);

  await context.route('**/config.json', (route) => route.fulfill({ json: { clientId: CLIENT_ID } }));
  const signIn = await context.newPage();
  scripts = recordScripts(signIn);
  await signIn.goto('/');
  await expect(signIn.getByRole('button', { name: 'Sign in and create' })).toBeEnabled();
  await expect(signIn.getByText(/Not available/)).toHaveCount(0);
  await expect(signIn.getByText(/If you host this site/)).toHaveCount(0);
  const configured = await afterPreload(scripts);
  expect(configured.some(({ text }) => text.includes(MSAL_MARKER))).toBe(true);
  expect(signInStepRequests(scripts)).toHaveLength(2);
});

test('both built pages carry the Content Security Policy before any script', () => {
  for (const page of ['index.html', 'redirect.html']) {
    const html = readFileSync(join(dist, page), 'utf8');
    const csp = html.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(csp, page).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(csp, page).toBeLessThan(html.indexOf('<script'));
    expect(html, page).toContain("script-src 'self';");
    expect(html, page).toContain("frame-src 'self' https://login.microsoftonline.com ");
  }
});

test('the redirect bridge is its own page, served without Cross-Origin-Opener-Policy', async ({ page }) => {
  const response = await page.goto('/redirect.html');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cross-origin-opener-policy']).toBeUndefined();
  // It runs the bridge only: no wizard, no React root.
  await expect(page.locator('#root')).toHaveCount(0);
});

test('the redirect bridge tells an administrator that admin consent was granted', async ({ page }) => {
  await page.goto('/redirect.html?admin_consent=True&tenant=5f4c8d2e-3a1b-4c6d-8e7f-9a0b1c2d3e4f');
  await expect(page.getByRole('status')).toHaveText(
    'Admin consent was granted to the Entra Setup Wizard. Close this window and sign in to the wizard again.',
  );
  await page.goto('/redirect.html?error=access_denied&error_description=AADSTS65004%3A+User+declined.');
  await expect(page.getByRole('status')).toHaveText(
    'Microsoft returned an error: AADSTS65004: User declined.',
  );
});

test('MSAL’s hidden renewal frame may load a login host and land on the redirect bridge under the CSP', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    const seen: string[] = [];
    // The bridge strips Microsoft's answer from its address as soon as it runs, so the address it loaded with is
    // kept here, before any of its scripts.
    Object.assign(window, { cspViolations: seen, loadedFrom: window.location.href });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  // What MSAL's silent renewal loads; without a session the emulated service answers login_required.
  await page.evaluate(
    (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.hidden = true;
      document.body.append(frame);
    },
    silentRenewalUrl(CLIENT_ID, `${APP}/redirect.html`),
  );
  const bridge = () => page.frames().find((f) => f.url().startsWith(`${APP}/redirect.html`));
  await expect.poll(() => bridge()?.url()).toBeDefined();
  expect(await bridge()?.evaluate(() => (window as unknown as { loadedFrom: string }).loadedFrom)).toContain(
    'error=login_required',
  );
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});
