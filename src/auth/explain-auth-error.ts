import type { Cloud } from '../config/clouds';
import { bridgeUriFor } from '../config/wizard-registration';
import {
  CONSENT_ERRORS,
  consentCode,
  messageForAdministrator,
  type ConsentErrorKind,
} from './consent-errors';
import { adminConsentUrl } from './consent-url';

/** What kind of problem stopped a sign-in or a permission request. */
export type AuthErrorKind =
  | ConsentErrorKind
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
  /** How the UI shows it: a warning when the reader can simply go on, an error when something has to change. */
  readonly intent: 'warning' | 'error';
  readonly title: string;
  /** What happened and, unless `nextSteps` lists them, what to do next. */
  readonly message: string;
  /** What to do next, one case or option each (the consent kinds); empty when `message` says it. */
  readonly nextSteps: readonly string[];
  /** The Entra `AADSTS…` code, else MSAL's error code, for support. */
  readonly errorCode: string;
  /** For the consent kinds: the admin consent URL for the wizard's own app registration. */
  readonly adminConsentUrl: string | null;
  /** For the consent kinds: a ready message, with that URL, for a user to forward to an administrator. */
  readonly adminMessage: string | null;
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
  const explained = (
    kind: AuthErrorKind,
    title: string,
    message: string,
    intent: 'warning' | 'error' = 'error',
  ): AuthErrorExplanation => ({
    kind,
    intent,
    title,
    message,
    nextSteps: [],
    errorCode,
    adminConsentUrl: null,
    adminMessage: null,
  });

  const consent =
    consentCode(code) ??
    (!code && (msalCode === 'consent_required' || fields.subError === 'consent_required')
      ? 'AADSTS65001'
      : null);
  if (consent) {
    const wording = CONSENT_ERRORS[consent];
    const situation = {
      signingIn,
      asked: signingIn
        ? 'the wizard’s sign-in permissions'
        : `the permissions the wizard needs to ${context.reason}`,
    };
    const url = adminConsentUrl({
      cloud: context.cloud,
      tenant: 'organizations',
      clientId: context.clientId,
      redirectUri: bridgeUriFor(context.origin),
    });
    return {
      ...explained(wording.kind, wording.title(situation), wording.message(situation), wording.intent),
      nextSteps: wording.nextSteps,
      adminConsentUrl: url,
      adminMessage: messageForAdministrator(wording, context.clientId, context.reason, url),
    };
  }
  if (msalCode === 'popup_window_error' || msalCode === 'empty_window_error') {
    return explained(
      'popup-blocked',
      'The browser blocked the sign-in window',
      'Allow pop-up windows for this site in the address bar, then click the button again.',
      'warning',
    );
  }
  if (msalCode === 'user_cancelled') {
    return explained(
      'cancelled',
      signingIn ? 'Sign-in was cancelled' : 'The permission request was cancelled',
      signingIn
        ? 'The sign-in window was closed or cancelled before you finished. Click the button to try again.'
        : `The Microsoft window was closed before you finished, so the wizard cannot ${context.reason}. Click the button again to go on.`,
      'warning',
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
