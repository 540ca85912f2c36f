/** `GET|POST /{tenant}/oauth2/v2.0/authorize`: parameter checks, the sign-in page, and `prompt=none`. */
import { isGuid } from '../../config/guid';
import { completeSignIn } from './login-complete-sign-in';
import { errorPage, redirectError } from './login-http';
import { signInPage } from './login-sign-in-page';
import { randomString } from './random';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/** The `/authorize` parameters from the query (GET) or the form body (POST). */
export function authorizeParams(ctx: RequestContext): Record<string, string> {
  const source = ctx.method === 'POST' ? new URLSearchParams(ctx.body ?? '') : ctx.url.searchParams;
  return Object.fromEntries(source.entries());
}

/** Checks that need no trusted redirect URI; an error here is shown as a page, never redirected. */
function checkClient(rt: Runtime, params: Record<string, string>): EmulatorHttpResponse | undefined {
  const clientId = params['client_id'];
  if (!clientId)
    return errorPage(rt, 900144, "The request body must contain the following parameter: 'client_id'.");
  const clients = rt.state.clients;
  const client = clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
  if (!isGuid(clientId) || (clients.length > 0 && !client)) {
    return errorPage(
      rt,
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${rt.state.tenant.displayName}'. ` +
        'This can happen if the application has not been installed by the administrator of the tenant or ' +
        'consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.',
    );
  }
  const redirectUri = params['redirect_uri'];
  if (!redirectUri) return errorPage(rt, 900971, 'No reply address provided.');
  if (client?.redirectUris && !client.redirectUris.includes(redirectUri)) {
    return errorPage(
      rt,
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured ` +
        `for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added ` +
        'to your application in the Azure portal.',
    );
  }
  return undefined;
}

const missing = (name: string): string => `The request body must contain the following parameter: '${name}'.`;

/** Checks answered by an error redirect to the (now trusted) redirect URI. */
function checkProtocol(rt: Runtime, params: Record<string, string>): EmulatorHttpResponse | undefined {
  const fail = (error: string, code: number, message: string) =>
    redirectError(rt, params, error, code, message);
  const mode = params['response_mode'];
  if (mode !== undefined && mode !== 'fragment' && mode !== 'query') {
    return fail('invalid_request', 70007, `The response_mode '${mode}' is not supported by this emulator.`);
  }
  if (!params['response_type']) return fail('invalid_request', 900144, missing('response_type'));
  if (params['response_type'] !== 'code') {
    return fail(
      'unsupported_response_type',
      70005,
      `The response_type '${params['response_type']}' is not supported.`,
    );
  }
  if (!params['scope']) return fail('invalid_request', 900144, missing('scope'));
  if (!params['code_challenge']) return fail('invalid_request', 900144, missing('code_challenge'));
  if (params['code_challenge_method'] !== 'S256') {
    return fail('invalid_request', 50149, 'Invalid Code_Challenge_method parameter. Only S256 is accepted.');
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(params['code_challenge'])) {
    return fail('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.');
  }
  if (!params['state']) return fail('invalid_request', 900144, missing('state'));
  if (!params['nonce']) return fail('invalid_request', 900144, missing('nonce'));
  return undefined;
}

/** The user `prompt=none` signs in silently: the `login_hint` user if signed in, else the only session. */
function silentUser(rt: Runtime, params: Record<string, string>): EmulatedUser | undefined {
  const signedIn = rt.state.users.filter((u) => rt.state.sessions.has(u.oid));
  const hint = params['login_hint']?.toLowerCase();
  if (hint) return signedIn.find((u) => u.userPrincipalName.toLowerCase() === hint);
  return signedIn.length === 1 ? signedIn[0] : undefined;
}

/** `/authorize`: validates, then answers `prompt=none` at once or shows the sign-in page. */
export function handleAuthorize(
  rt: Runtime,
  ctx: RequestContext,
  tenantSegment: string,
): EmulatorHttpResponse {
  const params = authorizeParams(ctx);
  const problem = checkClient(rt, params) ?? checkProtocol(rt, params);
  if (problem) return problem;
  if (params['prompt'] === 'none') {
    const user = silentUser(rt, params);
    if (!user) {
      return redirectError(
        rt,
        params,
        'login_required',
        50058,
        'A silent sign-in request was sent but no user is signed in.',
      );
    }
    return completeSignIn(rt, ctx, params, user, false, tenantSegment);
  }
  const id = randomString(rt.random, 32);
  rt.state.pendingSignIns.set(id, { id, params, tenantSegment, loginHost: ctx.host });
  return signInPage(rt, id, tenantSegment, params);
}
