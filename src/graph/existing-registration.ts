/**
 * The registration the plan's unique name finds, read before any write: for the review (what is there, what the run
 * adds and keeps) and for the run itself (the certificates to send back with the new one).
 */
import type { Application, KeyCredential, PasswordCredential } from '@microsoft/microsoft-graph-types';
import type { ExistingCredential, ExistingRegistration } from '../plan/plan-types';
import { GraphResponseError } from './graph-errors';
import { APPLICATION_READWRITE, existingRegistrationRequest, isMadeByWizard } from './graph-requests';
import type { GraphRequest } from './graph-requests';
import type { GraphResponse, SendOptions } from './graph-client';

/** Sends one request (the runner's or the review's Graph client). */
export type Send = <T>(
  request: GraphRequest,
  options: Pick<SendOptions, 'permissions' | 'retryOnNetworkError'>,
) => Promise<GraphResponse<T>>;

/** Uppercase hex of a base64 value (a certificate's SHA-1 thumbprint as Graph stores it), or the value itself. */
export function hexOf(base64: string): string {
  try {
    return [...atob(base64)]
      .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  } catch {
    return base64;
  }
}

function credential(
  entry: KeyCredential | PasswordCredential,
  hint: string,
  now: number,
): ExistingCredential | null {
  if (!entry.keyId) return null;
  const end = entry.endDateTime ?? null;
  return {
    keyId: entry.keyId,
    displayName: entry.displayName ?? null,
    hint,
    startDateTime: entry.startDateTime ?? null,
    endDateTime: end,
    expired: end !== null && Date.parse(end) <= now,
    madeByWizard: isMadeByWizard(entry.displayName),
  };
}

/** The review's view of a registration as Graph returned it. */
export function describeExisting(app: Application, uniqueName: string, now: number): ExistingRegistration {
  return {
    id: app.id ?? '',
    appId: app.appId ?? '',
    displayName: app.displayName ?? '',
    uniqueName: app.uniqueName ?? uniqueName,
    secrets: (app.passwordCredentials ?? []).flatMap((s) => credential(s, s.hint ?? '', now) ?? []),
    certificates: (app.keyCredentials ?? []).flatMap(
      (k) => credential(k, k.customKeyIdentifier ? hexOf(k.customKeyIdentifier) : '', now) ?? [],
    ),
  };
}

/** The registration with this unique name, with its credentials (certificates with their `key`), or null. */
export async function readRegistration(send: Send, uniqueName: string): Promise<Application | null> {
  try {
    const res = await send<Application>(existingRegistrationRequest(uniqueName), {
      permissions: [APPLICATION_READWRITE],
      retryOnNetworkError: true,
    });
    return res.body ?? null;
  } catch (error) {
    if (error instanceof GraphResponseError && error.status === 404) return null;
    throw error;
  }
}
