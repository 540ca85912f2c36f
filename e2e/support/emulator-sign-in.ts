/** Steps on the emulated Microsoft sign-in page, for tests that use `emulator-fixture`. */
import type { Page } from '@playwright/test';
import { DEFAULT_ADMIN } from '../../src/demo/emulator/defaults';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs `openSignIn` (e.g. a click on the app's "Sign in" button), waits for the sign-in popup, picks the
 * account (display name or UPN; default Megan Bowen) and waits until the popup has closed.
 */
export async function signInThroughPopup(
  page: Page,
  openSignIn: () => Promise<unknown>,
  account: string = DEFAULT_ADMIN.displayName,
): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), openSignIn()]);
  await pickEmulatedAccount(popup, account);
  if (!popup.isClosed()) await popup.waitForEvent('close');
}

/** Clicks an account on the emulated sign-in page (in a popup or after a full-page redirect). */
export async function pickEmulatedAccount(
  signInPage: Page,
  account: string = DEFAULT_ADMIN.displayName,
): Promise<void> {
  await signInPage.getByRole('link', { name: new RegExp(escape(account)) }).click();
}

/** Clicks "Cancel" on the emulated sign-in page: the app receives `access_denied` (AADSTS65004). */
export async function cancelEmulatedSignIn(signInPage: Page): Promise<void> {
  await signInPage.getByRole('link', { name: 'Cancel' }).click();
}

/**
 * What MSAL's silent token renewal loads in its hidden frame for this client and redirect URI: an authorize request
 * with `prompt=none`. Without a session the emulated service answers `login_required` through the redirect URI.
 */
export function silentRenewalUrl(clientId: string, redirectUri: string): string {
  const authorize = new URL('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope: 'https://graph.microsoft.com/User.Read openid profile',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    state: 'renewal-check',
    nonce: 'n-1',
    prompt: 'none',
  }).toString();
  return authorize.toString();
}
