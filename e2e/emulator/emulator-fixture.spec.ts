import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '../support/emulator-fixture';
import { cancelEmulatedSignIn, pickEmulatedAccount } from '../support/emulator-sign-in';
import { APP } from '../support/app-origin';

/**
 * Checks the emulator through a real browser: routing of navigations and fetches, the sign-in page, 302s,
 * CORS through `route.fulfill`, network aborts and the outside-host guard. The app itself is replaced by a
 * stub page, so this does not depend on the wizard.
 */

const clientId = '11111111-2222-4333-8444-555555555555';
const redirectUri = `${APP}/redirect.html`;
const scope =
  'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Application.ReadWrite.All openid profile offline_access';

function authorizeUrl(verifier: string, state: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    scope,
    redirect_uri: redirectUri,
    response_mode: 'fragment',
    response_type: 'code',
    nonce: 'n-1',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return `https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?${params.toString()}`;
}

test.beforeEach(async ({ page }) => {
  await page.route(`${APP}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );
});

test('signs in through the emulated page and calls Graph from the app origin', async ({ page, emulator }) => {
  const verifier = randomBytes(32).toString('base64url');
  const state = 'eyJpZCI6IjEiLCJtZXRhIjp7ImludGVyYWN0aW9uVHlwZSI6InBvcHVwIn19|user+state/=';
  await page.goto(authorizeUrl(verifier, state));
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await pickEmulatedAccount(page);
  await page.waitForURL(/redirect\.html#code=/);
  const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
  expect(params.get('state')).toBe(state);
  // The stub stands in for MSAL, which takes the code out of the address and history before it redeems it.
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  const result = await page.evaluate(
    async ({ code, verifier, clientId, redirectUri, scope }) => {
      const body = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        scope,
        code,
        code_verifier: verifier,
        grant_type: 'authorization_code',
      });
      const tokenRes = await fetch('https://login.microsoftonline.com/organizations/oauth2/v2.0/token', {
        method: 'POST',
        body,
      });
      const tokens = (await tokenRes.json()) as { access_token: string };
      const me = await fetch('https://graph.microsoft.com/v1.0/me', {
        headers: { Authorization: `Bearer ${tokens.access_token}` },
      });
      return {
        tokenStatus: tokenRes.status,
        meStatus: me.status,
        me: (await me.json()) as { displayName: string },
      };
    },
    { code: params.get('code') ?? '', verifier, clientId, redirectUri, scope },
  );
  expect(result).toMatchObject({ tokenStatus: 200, meStatus: 200, me: { displayName: 'Megan Bowen' } });
  expect(emulator.log.map((e) => `${e.method} ${e.host} ${e.status}`)).toEqual([
    'GET login.microsoftonline.com 200',
    'GET login.microsoftonline.com 302',
    'POST login.microsoftonline.com 200',
    'GET graph.microsoft.com 200',
  ]);
});

test('returns access_denied to the redirect URI on Cancel', async ({ page }) => {
  await page.goto(authorizeUrl(randomBytes(32).toString('base64url'), 's1'));
  await cancelEmulatedSignIn(page);
  await page.waitForURL(/redirect\.html#error=access_denied/);
  expect(decodeURIComponent(page.url())).toContain('AADSTS65004');
});

test('aborts network-failure calls and hides Retry-After unless exposed', async ({ page, emulator }) => {
  await page.goto(`${APP}/`);
  const token = await emulator.mintAccessToken({ scopes: ['User.Read'] });
  const call = () =>
    page.evaluate(async (t) => {
      try {
        const res = await fetch('https://graph.microsoft.com/v1.0/me', {
          headers: { Authorization: `Bearer ${t}` },
        });
        return { status: res.status, retryAfter: res.headers.get('Retry-After') };
      } catch (error) {
        return { error: String(error) };
      }
    }, token);
  emulator.faults.networkFailureOnCall = 1;
  expect(await call()).toHaveProperty('error');
  emulator.faults.throttle = { count: 1, retryAfterSeconds: 2 };
  expect(await call()).toEqual({ status: 429, retryAfter: null });
  emulator.faults.exposeRetryAfter = true;
  emulator.faults.throttle = { count: 1, retryAfterSeconds: 2 };
  expect(await call()).toEqual({ status: 429, retryAfter: '2' });
});

test.describe('outside hosts', () => {
  test.use({ failOnOutsideRequests: false });

  test('are aborted and recorded', async ({ page, outsideRequests }) => {
    await page.goto(`${APP}/`);
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/data.json').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(outsideRequests).toEqual(['https://example.com/data.json']);
  });
});
