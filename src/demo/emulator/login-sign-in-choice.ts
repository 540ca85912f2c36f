/** What the sign-in page's links lead to: an account choice or Cancel. */
import { completeAdminConsent } from './login-admin-consent';
import { completeSignIn } from './login-complete-sign-in';
import { errorPage, redirectError } from './login-http';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatorHttpResponse } from './types';

/** `GET /{tenant}/oauth2/v2.0/authorize/complete?txn=…&user=…|cancel=1`: the sign-in page's links. */
export function handleSignInChoice(rt: Runtime, ctx: RequestContext): EmulatorHttpResponse {
  const id = ctx.url.searchParams.get('txn') ?? '';
  const pending = rt.state.pendingSignIns.get(id);
  if (!pending) return errorPage(rt, 90023, 'The sign-in request is unknown or was already completed.');
  rt.state.pendingSignIns.delete(id);
  const params = { ...pending.params };
  if (ctx.url.searchParams.get('cancel') === '1') {
    return redirectError(rt, params, 'access_denied', 65004, 'User declined to consent to access the app.', [
      ['error_subcode', 'cancel'],
    ]);
  }
  const oid = ctx.url.searchParams.get('user');
  const user = rt.state.users.find((u) => u.oid === oid);
  if (!user) return errorPage(rt, 50034, 'The user account does not exist in this directory.');
  if (pending.kind === 'adminConsent') return completeAdminConsent(rt, params, user);
  return completeSignIn(rt, ctx, params, user, true, pending.tenantSegment);
}
