/**
 * Drives the emulator's sign-in the way MSAL does (authorize → pick account → redirect → token), without a
 * browser. For unit tests and scripted demos; runtime-neutral.
 */
import { bytesToBase64Url, digest, utf8Encode } from './encoding';
import type { Emulator } from './emulator';
import { cryptoRandom, newGuid } from './random';
import { isAbort } from './types';
import type { EmulatorHttpResponse } from './types';

/** Options of {@link startAuthorize}. */
export interface AuthorizeOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Space-separated, as MSAL sends it (resource scopes plus `openid profile offline_access`). */
  readonly scope: string;
  readonly state?: string;
  readonly nonce?: string;
  readonly prompt?: string;
  readonly loginHint?: string;
  readonly responseMode?: 'fragment' | 'query';
  /** Sign-in host. Default `login.microsoftonline.com`. */
  readonly host?: string;
  readonly tenant?: string;
  /** Extra or overriding query parameters (`undefined` removes one). */
  readonly extra?: Readonly<Record<string, string | undefined>>;
}

/** A started authorize request with its PKCE verifier. */
export interface AuthorizeStart {
  readonly response: EmulatorHttpResponse;
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

/** The parameters of a redirect back to the client (fragment or query). */
export function redirectParams(response: EmulatorHttpResponse): URLSearchParams {
  const location = response.headers['Location'] ?? '';
  const hash = location.indexOf('#');
  return new URLSearchParams(hash >= 0 ? location.slice(hash + 1) : (location.split('?')[1] ?? ''));
}

async function send(
  emu: Emulator,
  method: string,
  url: string,
  body?: string,
): Promise<EmulatorHttpResponse> {
  const res = await emu.handle({
    method,
    url,
    headers: body ? { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' } : {},
    body,
  });
  if (isAbort(res)) throw new Error(`${method} ${url} was aborted`);
  return res;
}

/** `GET /authorize` with fresh PKCE, state and nonce (unless given). */
export async function startAuthorize(emu: Emulator, o: AuthorizeOptions): Promise<AuthorizeStart> {
  const verifier = bytesToBase64Url(cryptoRandom(32));
  const challenge = bytesToBase64Url(await digest('SHA-256', utf8Encode(verifier)));
  const state =
    o.state ?? btoa(JSON.stringify({ id: newGuid(cryptoRandom), meta: { interactionType: 'popup' } }));
  const nonce = o.nonce ?? newGuid(cryptoRandom);
  const params: Record<string, string | undefined> = {
    client_id: o.clientId,
    scope: o.scope,
    redirect_uri: o.redirectUri,
    'client-request-id': newGuid(cryptoRandom),
    response_mode: o.responseMode ?? 'fragment',
    response_type: 'code',
    client_info: '1',
    nonce,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: o.prompt,
    login_hint: o.loginHint,
    ...o.extra,
  };
  const query = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const host = o.host ?? 'login.microsoftonline.com';
  const response = await send(
    emu,
    'GET',
    `https://${host}/${o.tenant ?? 'organizations'}/oauth2/v2.0/authorize?${query}`,
  );
  return { response, verifier, state, nonce };
}

/** Follows the sign-in page link of the account with this UPN (or "Cancel" when `upn` is `'cancel'`). */
export async function pickAccount(
  emu: Emulator,
  page: EmulatorHttpResponse,
  upn: string,
  host = 'login.microsoftonline.com',
): Promise<EmulatorHttpResponse> {
  const links = [...page.body.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/g)];
  const link = links.find((m) => (upn === 'cancel' ? m[2] === 'Cancel' : (m[2] ?? '').includes(upn)));
  if (!link?.[1]) throw new Error(`No link for ${upn} on the sign-in page`);
  const href = link[1]
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  return send(emu, 'GET', `https://${host}${href}`);
}

function unescapeHtml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}

/** Follows the link whose text is exactly `text` on an emulated page (e.g. the consent interrupt's choices). */
export async function followLink(
  emu: Emulator,
  page: EmulatorHttpResponse,
  text: string,
  host = 'login.microsoftonline.com',
): Promise<EmulatorHttpResponse> {
  const links = [...page.body.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/g)];
  const link = links.find((m) => unescapeHtml(m[2] ?? '') === text);
  if (!link?.[1]) throw new Error(`No link "${text}" on the page`);
  return send(emu, 'GET', `https://${host}${unescapeHtml(link[1])}`);
}

/** Submits the emulated page's form (method and action as the page says) with its hidden fields and `fields`. */
export async function submitForm(
  emu: Emulator,
  page: EmulatorHttpResponse,
  fields: Readonly<Record<string, string>>,
  host = 'login.microsoftonline.com',
): Promise<EmulatorHttpResponse> {
  const form = /<form method="(\w+)" action="([^"]+)">/.exec(page.body);
  if (!form?.[1] || !form[2]) throw new Error('No form on the page');
  const hidden = [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
  const body = new URLSearchParams([
    ...hidden.map((m) => [m[1] ?? '', unescapeHtml(m[2] ?? '')]),
    ...Object.entries(fields),
  ]);
  return send(emu, form[1].toUpperCase(), `https://${host}${unescapeHtml(form[2])}`, body.toString());
}

/** `POST /token` with a form body. */
export async function postToken(
  emu: Emulator,
  form: Record<string, string>,
  host = 'login.microsoftonline.com',
  tenant = 'organizations',
): Promise<EmulatorHttpResponse> {
  return send(
    emu,
    'POST',
    `https://${host}/${tenant}/oauth2/v2.0/token?client-request-id=${newGuid(cryptoRandom)}`,
    new URLSearchParams(form).toString(),
  );
}

/** The whole interactive flow for the default (or given) account; returns the parsed token response. */
export async function signIn(
  emu: Emulator,
  o: AuthorizeOptions & { readonly upn?: string },
): Promise<{ tokens: Record<string, unknown>; start: AuthorizeStart; redirect: URLSearchParams }> {
  const start = await startAuthorize(emu, o);
  const done = await pickAccount(emu, start.response, o.upn ?? emu.defaultUser.userPrincipalName, o.host);
  const redirect = redirectParams(done);
  const code = redirect.get('code');
  if (!code) throw new Error(`Sign-in failed: ${redirect.get('error_description') ?? done.status}`);
  const res = await postToken(
    emu,
    {
      client_id: o.clientId,
      redirect_uri: o.redirectUri,
      scope: o.scope,
      code,
      code_verifier: start.verifier,
      grant_type: 'authorization_code',
      client_info: '1',
    },
    o.host,
  );
  if (res.status !== 200) throw new Error(`Token redemption failed: ${res.body}`);
  return { tokens: JSON.parse(res.body) as Record<string, unknown>, start, redirect };
}
