/** Turns what went wrong (Graph's error envelope, a lost connection, a timeout) into words and a next step. */
import type { ResourceApiId } from '../catalog/resource-apis';
import type { PlannedOperation } from '../plan/plan-types';
import {
  GraphNetworkError,
  GraphResponseError,
  isAbortError,
  PreflightError,
  ReplicationTimeoutError,
  RunFailure,
  TokenUnavailableError,
} from './graph-errors';
import type { ExplainedError, ExplainedErrorKind } from './run-types';

/** Which operation failed, so the same Graph code can be explained for its context. */
export interface ErrorContext {
  readonly operation: PlannedOperation['kind'];
  /** The resource API of a grant operation. */
  readonly api?: ResourceApiId;
}

const AGAIN = 'Try again: nothing will be created twice.';
const CONSENT_ROLES =
  'the Cloud Application Administrator, Application Administrator, Privileged Role Administrator or Global Administrator role';
const CONSENT_CREATED =
  'The app registration, its secret and certificate were created; only the tenant-wide consent is missing.';

type Words = { readonly kind: ExplainedErrorKind; readonly meaning: string; readonly action: string };

const isConsent = (c: ErrorContext) => c.operation === 'grant-delegated' || c.operation === 'grant-app-roles';

function forbidden(context: ErrorContext): Words {
  if (context.operation === 'grant-app-roles' && context.api === 'graph') {
    return {
      kind: 'consent-forbidden',
      meaning: `Granting Microsoft Graph application permissions needs the Privileged Role Administrator or Global Administrator role. ${CONSENT_CREATED}`,
      action:
        'Send the admin consent link to a Privileged Role Administrator or Global Administrator, or sign in as one and retry the consent.',
    };
  }
  if (isConsent(context)) {
    return {
      kind: 'consent-forbidden',
      meaning: `Granting tenant-wide admin consent needs ${CONSENT_ROLES}. ${CONSENT_CREATED}`,
      action:
        'Send the admin consent link to an administrator with one of those roles, or sign in as one and retry.',
    };
  }
  return {
    kind: 'insufficient-privileges',
    meaning:
      'Your account may not create or change app registrations here: an administrator may have turned off "Users can register applications", or the sign-in lacks Application.ReadWrite.All.',
    action:
      'Sign in with an account that has the Application Administrator or Cloud Application Administrator role (or at least Application Developer), or ask an administrator to run the wizard.',
  };
}

function graphWords(error: GraphResponseError, context: ErrorContext): Words {
  if (
    error.mentions('CredentialInvalidLifetimeAsPerAppPolicy') ||
    error.mentions('exceeds the max value allowed')
  ) {
    return context.operation === 'add-password'
      ? {
          kind: 'secret-lifetime-policy',
          meaning:
            "Your organization's app management policy limits how long a client secret may be valid, and the lifetime you chose is longer.",
          action:
            'Choose a shorter secret lifetime (for example 180 days) and try again. Nothing else is redone.',
        }
      : {
          kind: 'certificate-lifetime-policy',
          meaning:
            "Your organization's app management policy limits how long a certificate may be valid, and this certificate's end date is later.",
          action:
            'Use a certificate that is valid for a shorter time (for example one year) and try again. An administrator can tell you the limit.',
        };
  }
  if (error.status === 403) return forbidden(context);
  if (error.status === 401) {
    return {
      kind: 'other',
      meaning: 'Microsoft Graph did not accept your sign-in; it may have expired.',
      action: `Sign in again. ${AGAIN}`,
    };
  }
  if (error.status === 429) {
    return {
      kind: 'network',
      meaning: 'Microsoft Graph is throttling requests from your tenant.',
      action: `Wait a minute. ${AGAIN}`,
    };
  }
  if (error.status === 503 || error.status === 504 || error.status >= 500) {
    return {
      kind: 'network',
      meaning: 'Microsoft Graph is temporarily unavailable.',
      action: `Wait a minute. ${AGAIN}`,
    };
  }
  if (error.mentions('KeyCredential') || error.mentions('key credential')) {
    return {
      kind: 'other',
      meaning:
        "Entra rejected the certificate: it must be a public X.509 certificate, with dates inside the certificate's validity.",
      action: 'Generate a new certificate, or check the one you brought, and try again.',
    };
  }
  if (error.mentions('requiredResourceAccess')) {
    return {
      kind: 'other',
      meaning: 'Entra rejected one of the requested permissions.',
      action:
        'Compare the permissions on the review step with your tenant, and report the request ID if it persists.',
    };
  }
  return {
    kind: 'other',
    meaning: 'Microsoft Graph could not complete this step.',
    action: 'Try again. If it keeps failing, give your administrator the error code and the request ID.',
  };
}

function explained(
  code: string,
  status: number,
  message: string,
  words: Words,
  requestId?: string,
): ExplainedError {
  return { code, status, message, ...words, ...(requestId ? { requestId } : {}) };
}

/** Explains one Graph error answer in the context of the operation that got it. */
export function explainGraphError(error: GraphResponseError, context: ErrorContext): ExplainedError {
  return explained(error.code, error.status, error.message, graphWords(error, context), error.requestId);
}

/** Explains anything a runner operation can throw. */
export function explainError(error: unknown, context: ErrorContext): ExplainedError {
  if (error instanceof RunFailure || error instanceof PreflightError) return error.explained;
  if (error instanceof GraphResponseError) return explainGraphError(error, context);
  if (error instanceof ReplicationTimeoutError) {
    const minutes = Math.max(1, Math.round(error.waitedMs / 60_000));
    return explained(
      error.last.code,
      error.last.status,
      error.last.message,
      {
        kind: 'replication-timeout',
        meaning: `Microsoft Entra has not finished replicating the new object after about ${minutes} minute${minutes === 1 ? '' : 's'}. This happens, and usually clears within minutes.`,
        action: 'Try again in a few minutes: nothing will be created twice.',
      },
      error.last.requestId,
    );
  }
  if (error instanceof GraphNetworkError) {
    return explained('NetworkError', 0, 'Microsoft Graph could not be reached.', {
      kind: 'network',
      meaning:
        'The browser could not reach Microsoft Graph: it may be offline, or a proxy or extension blocks it.',
      action: `Check the connection. ${AGAIN}`,
    });
  }
  if (error instanceof TokenUnavailableError) {
    return explained('TokenUnavailable', 0, error.message, {
      kind: 'other',
      meaning: 'The wizard could not get a Microsoft Graph token without asking you again.',
      action: `Sign in again. ${AGAIN}`,
    });
  }
  if (isAbortError(error)) {
    return explained('RunCancelled', 0, 'The run was stopped.', {
      kind: 'other',
      meaning: 'The run was stopped before it finished.',
      action: 'Run it again to finish: nothing will be created twice.',
    });
  }
  return explained('UnexpectedError', 0, error instanceof Error ? error.message : String(error), {
    kind: 'other',
    meaning: 'Something unexpected went wrong in the wizard.',
    action:
      'Try again. If it keeps failing, reload the page and run the wizard again: nothing will be created twice.',
  });
}
