/**
 * Removes older credentials the admin ticked, after the new ones are saved: secrets one by one with
 * `removePassword`, certificates by sending the registration's certificate list without them (a PATCH of
 * `keyCredentials` replaces the whole list, so the list is read first and every other certificate goes back).
 */
import type { Application } from '@microsoft/microsoft-graph-types';
import { explainError } from './explain-error';
import { GraphResponseError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  keptKeyCredential,
  keyCredentialsRequest,
  removePasswordRequest,
  setKeyCredentialsRequest,
} from './graph-requests';
import type { Send } from './existing-registration';
import type { CredentialRemoval, CredentialRemovalResult, ExplainedError } from './run-types';

const options = { permissions: [APPLICATION_READWRITE], retryOnNetworkError: true } as const;
const lower = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));
const explain = (error: unknown): ExplainedError => explainError(error, { operation: 'upsert-application' });

/** Removes the chosen secrets and certificates; each one succeeds or fails on its own. */
export async function removeCredentials(
  send: Send,
  applicationId: string,
  selection: CredentialRemoval,
): Promise<CredentialRemovalResult> {
  const removed: string[] = [];
  const failed: { keyId: string; error: ExplainedError }[] = [];
  await Promise.all(
    selection.secrets.map(async (keyId) => {
      try {
        await send(removePasswordRequest(applicationId, keyId), options);
        removed.push(keyId);
      } catch (error) {
        // Already gone is what was asked for.
        if (error instanceof GraphResponseError && error.status === 404) removed.push(keyId);
        else failed.push({ keyId, error: explain(error) });
      }
    }),
  );
  if (selection.certificates.length > 0) {
    const remove = lower(selection.certificates);
    try {
      const current = (await send<Application>(keyCredentialsRequest(applicationId), options)).body;
      const keys = current?.keyCredentials ?? [];
      if (keys.some((k) => !k.key || !k.keyId)) {
        throw new Error('Microsoft Graph returned a certificate without its key; nothing was changed.');
      }
      const kept = keys.filter((k) => !remove.has((k.keyId ?? '').toLowerCase()));
      if (kept.length < keys.length) {
        await send(setKeyCredentialsRequest(applicationId, kept.map(keptKeyCredential)), options);
      }
      removed.push(...selection.certificates);
    } catch (error) {
      for (const keyId of selection.certificates) failed.push({ keyId, error: explain(error) });
    }
  }
  return { removed, failed };
}
