/** `addPassword` / `removePassword` on an application. */
import { isGuid } from '../../config/guid';
import { findApplication } from './application-store';
import { requireScope } from './graph-auth';
import {
  badRequest,
  graphError,
  graphJson,
  isResponse,
  noContent,
  notFound,
  readJsonObject,
} from './graph-http';
import type { GraphContext } from './graph-http';
import { tenantCredentialPolicy } from './graph-policies';
import { credentialTypePolicyError, lifetimePolicyError, shorterCap } from './policy';
import { randomString, SECRET_ALPHABET } from './random';
import { isoSeconds } from './runtime';
import type { StoredPasswordCredential } from './state';
import type { EmulatorHttpResponse } from './types';

const TWO_YEARS_MS = 2 * 365.25 * 86_400_000;

function parseOptionalDate(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** A 40-character secret shaped like Entra's (`abc8Q~…`): 3 characters, a digit, `Q~`, 34 more. */
function newSecretText(g: GraphContext): string {
  const digit = String((g.rt.random(1)[0] ?? 0) % 10);
  return `${g.rt.settings.secretPrefix}${randomString(g.rt.random, 3, SECRET_ALPHABET.slice(0, 62))}${digit}Q~${randomString(g.rt.random, 34, SECRET_ALPHABET)}`;
}

async function addPassword(
  g: GraphContext,
  appKey: { property: string; value: string },
): Promise<EmulatorHttpResponse> {
  const body = g.req.body ? readJsonObject(g) : {};
  if (isResponse(body)) return body;
  const app = findApplication(g, appKey.property, appKey.value);
  if (!app) return notFound(g, appKey.value);
  const raw = body['passwordCredential'] ?? {};
  if (typeof raw !== 'object' || raw === null)
    return badRequest(g, "Invalid value specified for property 'passwordCredential'.");
  const pc = raw as Record<string, unknown>;
  const start = parseOptionalDate(pc['startDateTime']);
  const end = parseOptionalDate(pc['endDateTime']);
  if (start === null) return badRequest(g, 'Key credential start date is invalid.');
  if (end === null) return badRequest(g, 'Key credential end date is invalid.');
  const startMs = start ?? g.rt.now();
  const endMs = end ?? startMs + TWO_YEARS_MS;
  if (endMs <= startMs) return badRequest(g, 'Key credential end date is invalid.');
  const tenantPolicy = tenantCredentialPolicy(g);
  if (tenantPolicy.secretsForbidden) return credentialTypePolicyError(g, 'A password credential');
  const maxDays = shorterCap(g.rt.faults.maxSecretLifetimeDays, tenantPolicy.maxSecretLifetimeDays);
  const policy = lifetimePolicyError(g, startMs, endMs, maxDays);
  if (policy) return policy;
  const secretText = newSecretText(g);
  const credential: StoredPasswordCredential = {
    customKeyIdentifier: null,
    displayName: typeof pc['displayName'] === 'string' ? pc['displayName'] : null,
    endDateTime: isoSeconds(endMs),
    hint: secretText.slice(0, 3),
    keyId: g.rt.newId(),
    secretText,
    startDateTime: isoSeconds(startMs),
  };
  app.passwordCredentials.push(credential);
  return graphJson(g, 200, {
    '@odata.context': `${g.serviceRoot}/$metadata#microsoft.graph.passwordCredential`,
    ...credential,
  });
}

async function removePassword(
  g: GraphContext,
  appKey: { property: string; value: string },
): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  const app = findApplication(g, appKey.property, appKey.value);
  if (!app) return notFound(g, appKey.value);
  const keyId = body['keyId'];
  if (!isGuid(keyId)) return badRequest(g, "Invalid value specified for property 'keyId'.");
  const index = app.passwordCredentials.findIndex((p) => p.keyId === keyId.toLowerCase());
  if (index < 0) {
    return graphError(
      g,
      404,
      'Request_ResourceNotFound',
      `No password credential with keyId '${keyId}' was found on the application.`,
    );
  }
  app.passwordCredentials.splice(index, 1);
  return noContent(g);
}

/** `POST /applications/{id}/addPassword|removePassword` (also by `(appId='…')` or `(uniqueName='…')`). */
export async function handlePasswordAction(
  g: GraphContext,
  action: 'addPassword' | 'removePassword',
  appKey: { property: string; value: string },
): Promise<EmulatorHttpResponse> {
  const denied = requireScope(g, 'writeApplications');
  if (denied) return denied;
  return action === 'addPassword' ? addPassword(g, appKey) : removePassword(g, appKey);
}
