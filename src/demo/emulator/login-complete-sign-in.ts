/** Ends an interactive or silent sign-in: fault switches, admin consent, consent recording, the code redirect. */
import { base64UrlJson } from './encoding';
import { consentInterrupt } from './login-consent-interrupt';
import { redirectError, redirectToClient } from './login-http';
import { graphScope, isScopeError, missingConsent, parseScopes, recordConsent } from './login-scopes';
import { newGuid, randomString } from './random';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/**
 * Ends a sign-in for `user`: checks the fault switch and admin consent, records consent, redirects with a code. A
 * user who cannot grant an admin-only permission is stopped at Entra's interrupt page when the sign-in is
 * interactive, and gets AADSTS65001 when it is silent.
 */
export function completeSignIn(
  rt: Runtime,
  ctx: RequestContext,
  params: Record<string, string>,
  user: EmulatedUser,
  interactive: boolean,
  tenantSegment: string,
): EmulatorHttpResponse {
  const clientId = params['client_id'] ?? '';
  const scopes = parseScopes(params['scope'] ?? '', ctx.host);
  if (isScopeError(scopes)) return redirectError(rt, params, scopes.error, scopes.code, scopes.description);
  if (rt.faults.signInError === 'AADSTS90094') {
    ctx.fault = 'signInError';
    return redirectError(rt, params, 'access_denied', 90094, 'The grant requires admin permission.');
  }
  const consentNeeded = `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`;
  if (rt.faults.signInError === 'AADSTS65001') {
    ctx.fault = 'signInError';
    return redirectError(
      rt,
      params,
      interactive ? 'consent_required' : 'interaction_required',
      65001,
      consentNeeded,
      [['suberror', 'consent_required']],
    );
  }
  const notConsented = missingConsent(rt, clientId, user.oid, scopes.permissions);
  if (!interactive && notConsented.length > 0) {
    return redirectError(rt, params, 'consent_required', 65001, consentNeeded, [
      ['suberror', 'consent_required'],
    ]);
  }
  if (interactive && !user.isAdmin && notConsented.some((p) => graphScope(rt, p)?.admin)) {
    return consentInterrupt(rt, ctx, params, tenantSegment, user, notConsented);
  }
  recordConsent(rt, clientId, user.oid, scopes.permissions);
  rt.state.sessions.add(user.oid);
  const code = randomString(rt.random, 96);
  rt.state.authCodes.set(code, {
    code,
    clientId,
    redirectUri: params['redirect_uri'] ?? '',
    codeChallenge: params['code_challenge'] ?? '',
    nonce: params['nonce'] ?? '',
    userOid: user.oid,
    loginHost: ctx.host,
    createdAt: rt.now(),
    redeemed: false,
  });
  const clientInfo = base64UrlJson({ uid: user.oid, utid: rt.state.tenant.id });
  return redirectToClient(params['redirect_uri'] ?? '', params['response_mode'], [
    ['code', code],
    ['client_info', clientInfo],
    ['state', params['state']],
    ['session_state', newGuid(rt.random)],
  ]);
}
