/** `POST /{tenant}/oauth2/v2.0/token`: authorization-code (with PKCE) and refresh-token grants. */
import { bytesToBase64Url, digest, utf8Encode } from './encoding';
import { tokenError } from './login-http';
import { isScopeError, missingConsent, parseScopes } from './login-scopes';
import { issueTokens } from './login-token-issue';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/** The `/token` endpoint. */
export async function handleToken(rt: Runtime, ctx: RequestContext): Promise<EmulatorHttpResponse> {
  const form = new URLSearchParams(ctx.body ?? '');
  const correlation =
    ctx.url.searchParams.get('client-request-id') ?? form.get('client-request-id') ?? undefined;
  const fail = (error: string, code: number, message: string, suberror?: string) =>
    tokenError(rt, error, code, message, correlation, suberror);
  const missing = (name: string) =>
    fail('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
  if (ctx.method !== 'POST') {
    return fail(
      'invalid_request',
      900561,
      `The endpoint only accepts POST requests. Received a ${ctx.method} request.`,
    );
  }
  const clientId = form.get('client_id');
  if (!clientId) return missing('client_id');
  const grantType = form.get('grant_type');
  if (!grantType) return missing('grant_type');
  const scopeParam = form.get('scope') ?? '';
  const scopes = parseScopes(scopeParam, ctx.host);
  if (isScopeError(scopes)) return fail(scopes.error, scopes.code, scopes.description);

  let user: EmulatedUser | undefined;
  let nonce: string | undefined;
  if (grantType === 'authorization_code') {
    const codeValue = form.get('code');
    if (!codeValue) return missing('code');
    const code = rt.state.authCodes.get(codeValue);
    if (!code)
      return fail(
        'invalid_grant',
        9002313,
        "Invalid request. The provided value for the 'code' parameter is not valid.",
      );
    if (code.redeemed) {
      return fail(
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    }
    code.redeemed = true;
    if (rt.now() - code.createdAt > rt.settings.authCodeLifetimeMs) {
      return fail(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      );
    }
    if (code.clientId.toLowerCase() !== clientId.toLowerCase()) {
      return fail(
        'invalid_grant',
        70000,
        'Provided grant is invalid or malformed: the code was issued to another client.',
      );
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      return fail(
        'invalid_grant',
        70000,
        "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.",
      );
    }
    const verifier = form.get('code_verifier');
    if (!verifier) return missing('code_verifier');
    const challenge = bytesToBase64Url(await digest('SHA-256', utf8Encode(verifier)));
    if (challenge !== code.codeChallenge) {
      return fail(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
    user = rt.state.users.find((u) => u.oid === code.userOid);
    nonce = code.nonce;
  } else if (grantType === 'refresh_token') {
    const value = form.get('refresh_token');
    if (!value) return missing('refresh_token');
    const record = rt.state.refreshTokens.get(value);
    if (!record || record.revoked) {
      return fail(
        'invalid_grant',
        9002313,
        'Invalid request. Request is malformed or invalid: the refresh token is not valid.',
      );
    }
    if (record.clientId.toLowerCase() !== clientId.toLowerCase()) {
      return fail(
        'invalid_grant',
        700005,
        'Provided refresh token was issued to another client, thus rejected.',
      );
    }
    if (rt.settings.revokeRedeemedRefreshTokens) record.revoked = true;
    user = rt.state.users.find((u) => u.oid === record.userOid);
  } else {
    return fail(
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  }
  if (!user) return fail('invalid_grant', 50034, 'The user account does not exist in this directory.');
  if (missingConsent(rt, clientId, user.oid, scopes.permissions).length > 0) {
    return fail(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    );
  }
  return issueTokens(rt, ctx, {
    clientId,
    user,
    scopeParam,
    scopes,
    ...(nonce !== undefined ? { nonce } : {}),
  });
}
