/** The emulated "Pick an account" page and what its links lead to. */
import { completeSignIn } from './login-complete-sign-in';
import { errorPage, htmlPage, redirectError } from './login-http';
import { isScopeError, parseScopes } from './login-scopes';
import { escapeHtml } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatorHttpResponse } from './types';

function completeUrl(tenantSegment: string, id: string, choice: string): string {
  return `/${encodeURIComponent(tenantSegment)}/oauth2/v2.0/authorize/complete?txn=${encodeURIComponent(id)}&${choice}`;
}

/**
 * The sign-in page: one link per account (accessible name "<display name> <UPN>") and a "Cancel" link.
 * It never redirects by itself, so tests can cover cancel, errors and closing the popup.
 */
export function signInPage(
  rt: Runtime,
  id: string,
  tenantSegment: string,
  params: Readonly<Record<string, string>>,
): EmulatorHttpResponse {
  const clientId = params['client_id'] ?? '';
  const client = rt.state.clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
  const scopes = parseScopes(params['scope'] ?? '', '');
  const permissions = isScopeError(scopes) ? [] : scopes.permissions;
  const accounts = rt.state.users
    .map(
      (u) =>
        `<li><a href="${escapeHtml(completeUrl(tenantSegment, id, `user=${encodeURIComponent(u.oid)}`))}" ` +
        `data-oid="${escapeHtml(u.oid)}"><span>${escapeHtml(u.displayName)}</span> ` +
        `<span>${escapeHtml(u.userPrincipalName)}</span></a></li>`,
    )
    .join('');
  const requested = permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const coop: Record<string, string> =
    rt.faults.coop && params['pocd'] !== '1' ? { 'Cross-Origin-Opener-Policy': 'same-origin' } : {};
  return htmlPage(
    200,
    'Sign in to your account',
    `<h1>Pick an account</h1><p>to continue to ${escapeHtml(client?.displayName ?? clientId)}</p>` +
      `<ul aria-label="Accounts">${accounts}</ul>` +
      (requested
        ? `<h2>Permissions requested</h2><ul aria-label="Permissions requested">${requested}</ul>`
        : '') +
      `<p><a href="${escapeHtml(completeUrl(tenantSegment, id, 'cancel=1'))}">Cancel</a></p>`,
    coop,
  );
}

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
  return completeSignIn(rt, ctx, params, user, true);
}
