/**
 * The page Entra shows instead of a consent prompt when a user who is not an administrator asks for a permission only
 * an administrator can grant: "Need admin approval", or "Approval required" when the tenant's admin consent workflow
 * is on. It never redirects by itself; its links and its form lead to {@link handleConsentInterrupt}.
 */
import { htmlPage, redirectError } from './login-http';
import { signInPage } from './login-sign-in-page';
import { randomString } from './random';
import { escapeHtml, isoSeconds } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { ConsentInterrupt } from './state';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/** The accessible names the pages use; tests drive them by role and name. */
export const INTERRUPT_TEXT = {
  needApproval: 'Need admin approval',
  approvalRequired: 'Approval required',
  justification: 'Enter justification for requesting this app',
  requestApproval: 'Request approval',
  requestSent: 'Request sent',
  adminAccount: 'Have an admin account? Sign in with that account',
  returnWithoutConsent: 'Return to the application without granting consent',
  returnToApp: 'Return to the application',
} as const;

const DECLINED = 'User declined to consent to access the app.';
const REQUESTED =
  'Admin consent is required for the permissions this application requests, and a request for it was sent ' +
  'through the admin consent workflow.';

const workflowOn = (rt: Runtime): boolean => rt.state.tenant.adminConsentRequestPolicy?.isEnabled === true;

function actionUrl(i: ConsentInterrupt, choice?: string): string {
  const base = `/${encodeURIComponent(i.tenantSegment)}/oauth2/v2.0/authorize/consent?txn=${encodeURIComponent(i.id)}`;
  return choice ? `${base}&choice=${choice}` : base;
}

const link = (href: string, text: string): string =>
  `<p><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>`;

function appName(rt: Runtime, clientId: string): string {
  const client = rt.state.clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
  return client?.displayName ?? clientId;
}

/** Stops an interactive sign-in at the interrupt page for `user`, who cannot grant some of `permissions`. */
export function consentInterrupt(
  rt: Runtime,
  ctx: RequestContext,
  params: Readonly<Record<string, string>>,
  tenantSegment: string,
  user: EmulatedUser,
  permissions: readonly string[],
): EmulatorHttpResponse {
  const interrupt: ConsentInterrupt = {
    id: randomString(rt.random, 32),
    params,
    tenantSegment,
    loginHost: ctx.host,
    userOid: user.oid,
    permissions,
  };
  rt.state.consentInterrupts.set(interrupt.id, interrupt);
  // The user did sign in: only the consent is missing.
  rt.state.sessions.add(user.oid);
  const app = escapeHtml(appName(rt, params['client_id'] ?? ''));
  const T = INTERRUPT_TEXT;
  const others =
    link(actionUrl(interrupt, 'switch'), T.adminAccount) +
    link(actionUrl(interrupt, 'return'), T.returnWithoutConsent);
  if (!workflowOn(rt)) {
    return htmlPage(
      200,
      T.needApproval,
      `<h1>${T.needApproval}</h1><p>${app}</p><p>${app} needs permission to access resources in your organization ` +
        `that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>` +
        others,
    );
  }
  const list = permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return htmlPage(
    200,
    T.approvalRequired,
    `<h1>${T.approvalRequired}</h1><p>${app}</p><p>This app requires your admin's approval to:</p>` +
      `<ul aria-label="Permissions that need approval">${list}</ul>` +
      `<form method="post" action="${escapeHtml(actionUrl(interrupt))}">` +
      `<label for="justification">${T.justification}</label>` +
      `<textarea id="justification" name="justification" maxlength="2000"></textarea>` +
      `<input type="hidden" name="choice" value="request">` +
      `<button type="submit">${T.requestApproval}</button></form>` +
      others,
  );
}

/**
 * `GET|POST /{tenant}/oauth2/v2.0/authorize/consent?txn=…`: the interrupt page's choices. `choice=return` goes back
 * to the client with AADSTS65004; `switch` shows the account picker again; `request` (the form, workflow on) records
 * the request and shows "Request sent", whose `done` link goes back with AADSTS90095.
 */
export function handleConsentInterrupt(rt: Runtime, ctx: RequestContext): EmulatorHttpResponse {
  const form = ctx.method === 'POST' ? new URLSearchParams(ctx.body ?? '') : new URLSearchParams();
  const id = ctx.url.searchParams.get('txn') ?? '';
  const choice = form.get('choice') ?? ctx.url.searchParams.get('choice');
  const interrupt = rt.state.consentInterrupts.get(id);
  if (!interrupt) {
    return htmlPage(
      400,
      'Sign in to your account',
      '<h1>This sign-in request is unknown or already completed.</h1>',
    );
  }
  const { params } = interrupt;
  switch (choice) {
    case 'return':
      rt.state.consentInterrupts.delete(id);
      return redirectError(rt, params, 'access_denied', 65004, DECLINED);
    case 'switch': {
      rt.state.consentInterrupts.delete(id);
      const txn = randomString(rt.random, 32);
      const { tenantSegment, loginHost } = interrupt;
      rt.state.pendingSignIns.set(txn, { id: txn, params, tenantSegment, loginHost });
      return signInPage(rt, txn, tenantSegment, params);
    }
    case 'request': {
      const user = rt.state.users.find((u) => u.oid === interrupt.userOid);
      if (!workflowOn(rt) || !user || ctx.method !== 'POST') break;
      const requestId = rt.newId();
      rt.state.consentInterrupts.set(id, { ...interrupt, requestId });
      rt.state.adminConsentRequests.push({
        id: requestId,
        appId: (params['client_id'] ?? '').toLowerCase(),
        userOid: user.oid,
        userPrincipalName: user.userPrincipalName,
        scopes: interrupt.permissions,
        reason: form.get('justification')?.trim() ?? '',
        createdDateTime: isoSeconds(rt.now()),
      });
      const T = INTERRUPT_TEXT;
      return htmlPage(
        200,
        T.requestSent,
        `<h1>${T.requestSent}</h1><p>Your request has been sent to your admin. You'll get an email when it has ` +
          `been reviewed.</p>${link(actionUrl(interrupt, 'done'), T.returnToApp)}`,
      );
    }
    case 'done':
      if (!interrupt.requestId) break;
      rt.state.consentInterrupts.delete(id);
      return redirectError(rt, params, 'access_denied', 90095, REQUESTED);
  }
  return htmlPage(400, 'Sign in to your account', '<h1>That choice is not available on this page.</h1>');
}
