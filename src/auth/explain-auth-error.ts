import type { Cloud } from '../config/clouds';
import { adminConsentUrl } from '../exports/consent-url';
import { bridgeUriFor } from './graph-scopes';

/** What kind of problem stopped a sign-in or a permission request; the UI picks its tone from it. */
export type AuthErrorKind =
  | 'admin-approval-required'
  | 'consent-required'
  | 'popup-blocked'
  | 'cancelled'
  | 'replaced'
  | 'in-progress'
  | 'interaction-required'
  | 'not-signed-in'
  | 'other';

/** An authentication error in words an admin can act on. */
export interface AuthErrorExplanation {
  readonly kind: AuthErrorKind;
  readonly title: string;
  /** What happened and what to do next. */
  readonly message: string;
  /** The Entra `AADSTS…` code, else MSAL's error code, for support. */
  readonly errorCode: string;
  /** For the consent kinds: the admin consent URL for the wizard's own app registration. */
  readonly adminConsentUrl: string | null;
}

/** What an explanation needs besides the error: where consent is granted, and what was being asked for. */
export interface AuthErrorContext {
  readonly cloud: Cloud;
  /** The wizard's own client ID (config.json `clientId`). */
  readonly clientId: string;
  /** The page's origin; the admin consent URL returns to its redirect bridge. */
  readonly origin: string;
  /** What was being asked for, e.g. "create the app registration"; absent for sign-in itself. */
  readonly reason?: string;
}

/** The procedure's wording, shown with both consent errors. */
export const CONSENT_PROCEDURE =
  'If the admin consent workflow is configured, request approval while signing in; otherwise an administrator ' +
  'can grant consent to the wizard itself with this admin consent URL.';

/** The fields of MSAL's AuthError that matter here; read structurally so this file does not load MSAL. */
interface ErrorFields {
  readonly name?: unknown;
  readonly errorCode?: unknown;
  readonly errorMessage?: unknown;
  readonly subError?: unknown;
  readonly errorNo?: unknown;
  readonly message?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Entra's own sentence from an error description, without the trace and correlation IDs that follow it. */
function entraSentence(description: string): string {
  return description.split(/\s+Trace ID:/)[0]?.trim() ?? '';
}

function aadstsCode(fields: ErrorFields): string | null {
  const errorNo = text(fields.errorNo) || (typeof fields.errorNo === 'number' ? String(fields.errorNo) : '');
  if (/^\d+$/.test(errorNo)) return `AADSTS${errorNo}`;
  const match = /\bAADSTS(\d+)\b/.exec(`${text(fields.errorMessage)} ${text(fields.message)}`);
  return match ? `AADSTS${match[1]}` : null;
}

/** Turns any error from sign-in, a permission request or a silent token request into an explanation. */
export function explainAuthError(error: unknown, context: AuthErrorContext): AuthErrorExplanation {
  const fields: ErrorFields =
    typeof error === 'object' && error !== null ? error : { message: String(error) };
  const msalCode = text(fields.errorCode);
  const code = aadstsCode(fields);
  const errorCode = code ?? (msalCode || 'unknown_error');
  const signingIn = context.reason === undefined;
  const asked = signingIn
    ? 'the wizard’s sign-in permissions'
    : `the permissions the wizard needs to ${context.reason}`;
  const explained = (
    kind: AuthErrorKind,
    title: string,
    message: string,
    consentUrl: string | null = null,
  ): AuthErrorExplanation => ({ kind, title, message, errorCode, adminConsentUrl: consentUrl });
  const consentUrl = () =>
    adminConsentUrl({
      cloud: context.cloud,
      tenant: 'organizations',
      clientId: context.clientId,
      redirectUri: bridgeUriFor(context.origin),
    });

  if (code === 'AADSTS90094') {
    return explained(
      'admin-approval-required',
      'An administrator must approve the wizard',
      `Your organization lets only administrators grant ${asked}, and your account cannot grant them ` +
        `(AADSTS90094). ${CONSENT_PROCEDURE}`,
      consentUrl(),
    );
  }
  if (
    code === 'AADSTS65001' ||
    (!code && (msalCode === 'consent_required' || fields.subError === 'consent_required'))
  ) {
    return explained(
      'consent-required',
      'The wizard’s permissions need consent',
      `Nobody has consented to ${asked} in your organization yet, so Microsoft could not issue the token ` +
        `(AADSTS65001). ${CONSENT_PROCEDURE}`,
      consentUrl(),
    );
  }
  if (msalCode === 'popup_window_error' || msalCode === 'empty_window_error') {
    return explained(
      'popup-blocked',
      'The browser blocked the sign-in window',
      'Allow pop-up windows for this site in the address bar, then click the button again.',
    );
  }
  if (msalCode === 'user_cancelled' || code === 'AADSTS65004') {
    return explained(
      'cancelled',
      signingIn ? 'Sign-in was cancelled' : 'The permission request was cancelled',
      signingIn
        ? 'The sign-in window was closed or cancelled before you finished. Click the button to try again.'
        : `Nothing was granted, so the wizard cannot ${context.reason}. Click the button again and accept the request to go on.`,
    );
  }
  if (msalCode === 'interaction_in_progress_cancelled') {
    return explained(
      'replaced',
      'A newer sign-in replaced this one',
      'You clicked again while an earlier Microsoft window was waiting; the new one carries on.',
    );
  }
  if (msalCode === 'interaction_in_progress') {
    return explained(
      'in-progress',
      'A Microsoft sign-in window is already open',
      'Finish or close the open sign-in window, then try again.',
    );
  }
  if (msalCode === 'no_account_error') {
    return explained('not-signed-in', 'You are not signed in', 'Go back to the Sign in step and sign in.');
  }
  if (fields.name === 'InteractionRequiredAuthError') {
    return explained(
      'interaction-required',
      'Microsoft needs you to confirm again',
      'Your sign-in needs a fresh confirmation. Click the button again; a Microsoft window opens to confirm.',
    );
  }
  const detail = entraSentence(text(fields.errorMessage)) || entraSentence(text(fields.message));
  return explained(
    'other',
    signingIn ? 'Sign-in failed' : 'The permission request failed',
    `${detail || 'Microsoft sign-in returned an error.'} If this keeps happening, give your administrator the error code.`,
  );
}
