import { resourceApi, resourceApis } from '../catalog/resource-apis';
import type { PlannedOperation, PlannedPermission } from './plan-types';

interface OperationsInput {
  readonly resourceAppIds: readonly string[];
  readonly withCertificate: boolean;
  /** Whether the run adds a client secret. */
  readonly withSecret: boolean;
  /** The permissions to grant tenant-wide now; empty when consent is left for later. */
  readonly consent: readonly PlannedPermission[];
}

/**
 * The runner's work, in order. `dependsOn` lets independent operations run together: the two reads go first and
 * side by side; the secret and the service principal only need the application; every grant needs only the service
 * principal.
 */
export function planOperations({
  resourceAppIds,
  withCertificate,
  withSecret,
  consent,
}: OperationsInput): PlannedOperation[] {
  const operations: PlannedOperation[] = [
    {
      id: 'resolve-permissions',
      kind: 'resolve-permissions',
      title: 'Check every permission against your tenant',
      dependsOn: [],
      resourceAppIds,
    },
    {
      // The registration's current certificates go back with the new one (a PATCH replaces the whole collection).
      id: 'read-existing',
      kind: 'read-existing',
      title: 'Read the registration as it is now, if it exists',
      dependsOn: [],
    },
    {
      id: 'upsert-application',
      kind: 'upsert-application',
      title: withCertificate
        ? 'Create or update the app registration, with its permissions and certificate'
        : 'Create or update the app registration, with its permissions',
      dependsOn: ['resolve-permissions', 'read-existing'],
      withCertificate,
    },
    ...(withSecret
      ? [
          {
            id: 'add-password',
            kind: 'add-password',
            title: 'Create the client secret',
            dependsOn: ['upsert-application'],
          } as const,
        ]
      : []),
    {
      id: 'ensure-service-principal',
      kind: 'ensure-service-principal',
      title: 'Create the enterprise application (service principal)',
      dependsOn: ['upsert-application'],
    },
  ];
  for (const api of resourceApis) {
    const scopes = consent.filter((p) => p.api === api.id && p.kind === 'delegated');
    if (scopes.length) {
      operations.push({
        id: `grant-delegated:${api.id}`,
        kind: 'grant-delegated',
        title: `Grant admin consent for ${api.displayName} delegated permissions`,
        dependsOn: ['ensure-service-principal'],
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
        title: `Grant admin consent for ${api.displayName} application permissions`,
        dependsOn: ['ensure-service-principal'],
        api: api.id,
        resourceAppId: resourceApi(api.id).appId,
        roles: roles.map((p) => ({ name: p.name, id: p.id })),
      });
    }
  }
  operations.push({
    id: 'read-back',
    kind: 'read-back',
    title: 'Read the registration back and compare it with the plan',
    dependsOn: ['upsert-application', ...(withSecret ? ['add-password'] : [])],
  });
  return operations;
}
