import { resourceApi, resourceApis } from '../catalog/resource-apis';
import type { PlannedOperation, PlannedPermission } from './plan-types';

interface OperationsInput {
  readonly resourceAppIds: readonly string[];
  /** Whether the run adds a client secret. */
  readonly withSecret: boolean;
  /** The permissions to grant tenant-wide now; empty when consent is left for later. */
  readonly consent: readonly PlannedPermission[];
}

/**
 * Which operations the run has, in the order the progress list shows them. When each may start is its kind's
 * business (`after` in the runner's registry): the reads first and side by side, then the upsert, then the secret and
 * the service principal, then the grants and the read-back.
 */
export function planOperations({ resourceAppIds, withSecret, consent }: OperationsInput): PlannedOperation[] {
  const operations: PlannedOperation[] = [
    { id: 'resolve-permissions', kind: 'resolve-permissions', resourceAppIds },
    // The registration's current certificates go back with the new one (a PATCH replaces the whole collection).
    { id: 'read-existing', kind: 'read-existing' },
    { id: 'upsert-application', kind: 'upsert-application' },
    ...(withSecret ? [{ id: 'add-password', kind: 'add-password' } as const] : []),
    { id: 'ensure-service-principal', kind: 'ensure-service-principal' },
  ];
  for (const api of resourceApis) {
    const scopes = consent.filter((p) => p.api === api.id && p.kind === 'delegated');
    if (scopes.length) {
      operations.push({
        id: `grant-delegated:${api.id}`,
        kind: 'grant-delegated',
        api: api.id,
        resourceAppId: resourceApi(api.id).appId,
        scopes: scopes.map((p) => p.name),
      });
    }
    const roles = consent.filter((p) => p.api === api.id && p.kind === 'application');
    if (roles.length) {
      operations.push({
        id: `grant-app-roles:${api.id}`,
        kind: 'grant-app-roles',
        api: api.id,
        resourceAppId: resourceApi(api.id).appId,
        roles: roles.map((p) => ({ name: p.name, id: p.id })),
      });
    }
  }
  operations.push({ id: 'read-back', kind: 'read-back' });
  return operations;
}
