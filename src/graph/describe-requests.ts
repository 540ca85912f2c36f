/**
 * The review step's "exactly what will be sent": the requests of a run on a tenant without the registration, built
 * by the same functions the runner uses. Ids not known before the run are `{placeholders}`.
 */
import type { Application } from '@microsoft/microsoft-graph-types';
import type { RegistrationPlan } from '../plan/plan-types';
import { certificatesToSend } from './operations-application';
import {
  addPasswordRequest,
  applicationBody,
  APPLICATION_READWRITE,
  ASSIGNMENT_READWRITE,
  assignAppRoleRequest,
  createGrantRequest,
  createServicePrincipalRequest,
  existingRegistrationRequest,
  GRANT_READWRITE,
  readBackRequest,
  resourceServicePrincipalRequest,
  secretDisplayName,
  upsertApplicationRequest,
} from './graph-requests';
import type { GraphRequest } from './graph-requests';
import { effectiveOperations } from './run-outcome';
import type { RunOptions } from './run-types';

/** One request as the review step lists it. */
export interface DescribedRequest {
  readonly operationId: string;
  readonly method: string;
  /** Path and query from `/v1.0`, e.g. `/v1.0/applications/{applicationId}/addPassword`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Placeholders for values the run learns as it goes. */
export const PLACEHOLDERS = {
  applicationId: '{applicationId}',
  appId: '{appId}',
  servicePrincipalId: '{servicePrincipalId}',
  runId: '{runId}',
  today: '{today}',
  secretEnd: (months: number) => `{today + ${months} months}`,
  resourceServicePrincipalId: (resourceAppId: string) => `{servicePrincipalId of ${resourceAppId}}`,
  currentKey: (keyId: string) => `{the current key of certificate ${keyId}}`,
} as const;

/** The registration the plan found, as the run will read it: its certificates' keys as placeholders. */
function currentOf(plan: RegistrationPlan): Application | null {
  const existing = plan.existing;
  if (!existing) return null;
  return {
    id: existing.id,
    appId: existing.appId,
    keyCredentials: existing.certificates.map((c) => ({
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      keyId: c.keyId,
      key: PLACEHOLDERS.currentKey(c.keyId),
      displayName: c.displayName,
      startDateTime: c.startDateTime,
      endDateTime: c.endDateTime,
    })),
  };
}

const described = (operationId: string, r: GraphRequest): DescribedRequest => ({
  operationId,
  method: r.method,
  url: r.path,
  ...(r.headers ? { headers: r.headers } : {}),
  ...(r.body !== undefined ? { body: r.body } : {}),
});

/**
 * Exactly the requests the runner sends for this plan, in operation order: on a tenant without the registration, or
 * on the one the review found (`plan.existing`), whose certificates go back with the new one. Not listed: retries,
 * and the reads that follow "already exists" answers on a re-run.
 */
export function describeRequests(plan: RegistrationPlan, options: RunOptions): readonly DescribedRequest[] {
  const out: DescribedRequest[] = [];
  const keyCredential = plan.credentials.certificate.required ? options.keyCredential : null;
  for (const op of effectiveOperations(plan, options)) {
    switch (op.kind) {
      case 'resolve-permissions':
        for (const appId of op.resourceAppIds)
          out.push(described(op.id, resourceServicePrincipalRequest(appId)));
        break;
      case 'read-existing':
        out.push(described(op.id, existingRegistrationRequest(plan.application.uniqueName)));
        break;
      case 'upsert-application': {
        // The tenant's ids are used; they are the catalog's unless step 1 reports a difference.
        const rra = plan.application.requiredResourceAccess.map((r) => ({
          resourceAppId: r.resourceAppId,
          resourceAccess: r.resourceAccess.map((a) => ({ id: a.id, type: a.type })),
        }));
        const { keyCredentials } = certificatesToSend(currentOf(plan), keyCredential, PLACEHOLDERS.today);
        const body = applicationBody(plan.application, rra, keyCredentials);
        out.push(described(op.id, upsertApplicationRequest(plan.application.uniqueName, body)));
        break;
      }
      case 'add-password': {
        const name = secretDisplayName(PLACEHOLDERS.runId, PLACEHOLDERS.today);
        const end = PLACEHOLDERS.secretEnd(options.secretLifetimeMonths);
        out.push(described(op.id, addPasswordRequest(PLACEHOLDERS.applicationId, name, end)));
        break;
      }
      case 'ensure-service-principal':
        out.push(described(op.id, createServicePrincipalRequest(PLACEHOLDERS.appId)));
        break;
      case 'grant-delegated': {
        const resource = PLACEHOLDERS.resourceServicePrincipalId(op.resourceAppId);
        out.push(described(op.id, createGrantRequest(PLACEHOLDERS.servicePrincipalId, resource, op.scopes)));
        break;
      }
      case 'grant-app-roles': {
        const resource = PLACEHOLDERS.resourceServicePrincipalId(op.resourceAppId);
        for (const role of op.roles) {
          out.push(
            described(op.id, assignAppRoleRequest(resource, PLACEHOLDERS.servicePrincipalId, role.id)),
          );
        }
        break;
      }
      case 'read-back':
        out.push(described(op.id, readBackRequest(PLACEHOLDERS.applicationId)));
        break;
    }
  }
  return out;
}

/**
 * The delegated Microsoft Graph permissions a run of this plan needs: the UI asks for consent to these before
 * `run`, so that `getToken` can stay silent. Granting consent needs the grant permissions as well.
 */
export function runPermissions(plan: RegistrationPlan, options: RunOptions): readonly string[] {
  const ops = effectiveOperations(plan, options);
  return [
    APPLICATION_READWRITE,
    ...(ops.some((op) => op.kind === 'grant-delegated') ? [GRANT_READWRITE] : []),
    ...(ops.some((op) => op.kind === 'grant-app-roles') ? [ASSIGNMENT_READWRITE] : []),
  ];
}
