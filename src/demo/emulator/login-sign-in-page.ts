/** The emulated "Pick an account" page (for sign-in and admin consent). */
import { htmlPage } from './login-http';
import { isScopeError, parseScopes } from './login-scopes';
import { escapeHtml } from './runtime';
import type { Runtime } from './runtime';
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
