import { resourceApi, resourceApis } from '../catalog/resource-apis';
import { APPLICATION_FIXES } from './plan-types';
import type { PlannedOperation, PlannedPermission, RepairFix, RotationInput } from './plan-types';

interface OperationsInput {
  readonly resourceAppIds: readonly string[];
  /** Whether the run adds a client secret. */
  readonly withSecret: boolean;
  /** The permissions to grant tenant-wide now; empty when consent is left for later. */
  readonly consent: readonly PlannedPermission[];
  /** Whether the run uploads a logo. */
  readonly withLogo?: boolean;
}

/**
 * Which operations the run has, in the order the progress list shows them. When each may start is its kind's
 * business (`after` in the runner's registry): the reads first and side by side, then the upsert, then the secret and
 * the service principal, then the grants and the read-back.
 */
export function planOperations({
  resourceAppIds,
  withSecret,
  consent,
  withLogo = false,
}: OperationsInput): PlannedOperation[] {
  const operations: PlannedOperation[] = [
    { id: 'resolve-permissions', kind: 'resolve-permissions', resourceAppIds },
    // The registration's current certificates go back with the new one (a PATCH replaces the whole collection).
    { id: 'read-existing', kind: 'read-existing' },
    { id: 'upsert-application', kind: 'upsert-application' },
    ...(withSecret ? [{ id: 'add-password', kind: 'add-password' } as const] : []),
    ...(withLogo ? [{ id: 'upload-logo', kind: 'upload-logo' } as const] : []),
    { id: 'ensure-service-principal', kind: 'ensure-service-principal' },
  ];
  operations.push(...grantOperations(consent));
  operations.push({ id: 'read-back', kind: 'read-back' });
  return operations;
}

/** One grant per resource API and kind of permission, for the permissions to grant tenant-wide now. */
function grantOperations(consent: readonly PlannedPermission[]): PlannedOperation[] {
  const operations: PlannedOperation[] = [];
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
  return operations;
}

interface RepairOperationsInput {
  readonly resourceAppIds: readonly string[];
  readonly fixes: readonly RepairFix[];
  /** Every permission the connectors need: Repair grants them all (what is granted already stays as it is). */
  readonly permissions: readonly PlannedPermission[];
}

/**
 * The operations of a repair: read the registration again right before writing, one merged update of the
 * application, the unique name on its own (it can be refused when another registration has it), then the service
 * principal and the grants. Nothing is created that the fixes do not ask for.
 */
export function planRepairOperations({
  resourceAppIds,
  fixes,
  permissions,
}: RepairOperationsInput): PlannedOperation[] {
  const has = (fix: RepairFix) => fixes.includes(fix);
  const consent = has('consent');
  return [
    { id: 'resolve-permissions', kind: 'resolve-permissions', resourceAppIds },
    { id: 'read-registration', kind: 'read-registration' },
    ...(APPLICATION_FIXES.some(has)
      ? [{ id: 'update-application', kind: 'update-application' } as const]
      : []),
    ...(has('uniqueName') ? [{ id: 'set-unique-name', kind: 'set-unique-name' } as const] : []),
    ...(has('servicePrincipal') || consent
      ? [{ id: 'ensure-service-principal', kind: 'ensure-service-principal' } as const]
      : []),
    ...(consent ? grantOperations(permissions) : []),
  ];
}

/**
 * The operations of one stage of a rotation: read the registration right before writing (its certificates go back
 * with a new one, and a removal checks that the new credential is there), then add the new credential, or remove the
 * old one. A new secret is the setup's `add-password`.
 */
export function planRotationOperations(rotation: RotationInput): PlannedOperation[] {
  const read = { id: 'read-registration', kind: 'read-registration' } as const;
  const { old } = rotation;
  if (rotation.stage === 'add') {
    return [
      read,
      old.type === 'secret'
        ? { id: 'add-password', kind: 'add-password' }
        : { id: 'add-certificate', kind: 'add-certificate' },
    ];
  }
  const kind = old.type === 'secret' ? 'remove-password' : 'remove-certificate';
  return [read, { id: kind, kind, keyId: old.keyId, keepKeyId: rotation.newKeyId }];
}
