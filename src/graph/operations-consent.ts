/**
 * The service principal and tenant-wide admin consent. Each call may be repeated: Graph reports a repeat as 409
 * or "already exists", which counts as done.
 */
import type { OAuth2PermissionGrant, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { permissionKey } from '../catalog/permissions';
import { resourceApi } from '../catalog/resource-apis';
import type { OperationOf } from '../plan/plan-types';
import { GraphResponseError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  ASSIGNMENT_READWRITE,
  assignAppRoleRequest,
  createGrantRequest,
  createServicePrincipalRequest,
  findGrantRequest,
  GRANT_READWRITE,
  servicePrincipalByAppIdRequest,
  updateGrantRequest,
} from './graph-requests';
import type { OperationKindEntry } from './operation-kinds';
import { consentLag, isNotFoundLag, isServicePrincipalLag } from './retry-policy';
import { required } from './run-session';
import type { OperationContext } from './run-session';

type GrantDelegated = OperationOf<'grant-delegated'>;
type GrantAppRoles = OperationOf<'grant-app-roles'>;

const alreadyExists = (error: unknown): error is GraphResponseError =>
  error instanceof GraphResponseError && (error.status === 409 || error.mentions('already exists'));

/**
 * Step 3b: the enterprise application. For a registration that existed already, one read usually finds it; otherwise
 * `POST /servicePrincipals`, where a 409 (perhaps after a lost answer) means it exists and is read instead.
 */
export async function ensureServicePrincipal(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const app = required(session.application, 'application');
  const options = { permissions: [APPLICATION_READWRITE], retryOnNetworkError: true };
  let sp: ServicePrincipal | undefined;
  let existed = false;
  if (session.applicationExisted) {
    try {
      sp = (await ctx.send<ServicePrincipal>(servicePrincipalByAppIdRequest(app.appId), options)).body;
      existed = true;
    } catch (error) {
      if (!(error instanceof GraphResponseError && error.status === 404)) throw error;
    }
  }
  if (!sp) {
    try {
      const request = createServicePrincipalRequest(app.appId);
      sp = (
        await ctx.send<ServicePrincipal>(request, { ...options, isReplicationLag: isServicePrincipalLag })
      ).body;
    } catch (error) {
      if (!alreadyExists(error)) throw error;
      const request = servicePrincipalByAppIdRequest(app.appId);
      sp = (await ctx.send<ServicePrincipal>(request, { ...options, isReplicationLag: isNotFoundLag })).body;
      existed = true;
    }
  }
  if (!sp?.id) throw new Error('Microsoft Graph returned the service principal without its id.');
  session.servicePrincipalId = sp.id;
  session.servicePrincipalExisted = existed;
  if (sp.appOwnerOrganizationId) session.tenantId = sp.appOwnerOrganizationId;
  ctx.detail(existed ? 'The enterprise application already existed' : 'Created the enterprise application');
  ctx.persist();
}

function consentTargets(ctx: OperationContext, resourceAppId: string) {
  const resolved = required(ctx.session.resolved, 'resolved permissions');
  const resourceId = required(
    resolved.resourceServicePrincipalIds.get(resourceAppId),
    'resource service principal',
  );
  return { resolved, resourceId, clientId: required(ctx.session.servicePrincipalId, 'service principal') };
}

/**
 * Step 4: one `AllPrincipals` grant per resource with every planned scope. When a grant exists already, its scope
 * becomes the union of what it had and what the plan needs: consent is added, never taken away. For a service
 * principal that existed, the grant is looked up first (one read instead of a POST answered 409).
 */
export async function grantDelegated(ctx: OperationContext, op: GrantDelegated): Promise<void> {
  const { resolved, resourceId, clientId } = consentTargets(ctx, op.resourceAppId);
  const scopes = op.scopes.map(
    (name) => resolved.byKey.get(permissionKey({ api: op.api, kind: 'delegated', name }))?.name ?? name,
  );
  const options = {
    permissions: [GRANT_READWRITE],
    retryOnNetworkError: true,
    isReplicationLag: consentLag([clientId, resourceId]),
  };
  const find = async () =>
    (await ctx.send<{ value?: OAuth2PermissionGrant[] }>(findGrantRequest(clientId, resourceId), options))
      .body?.value?.[0];
  let grant = ctx.session.servicePrincipalExisted ? await find() : undefined;
  if (!grant) {
    try {
      await ctx.send(createGrantRequest(clientId, resourceId, scopes), options);
      ctx.detail(`Granted ${scopes.length} delegated permission${scopes.length === 1 ? '' : 's'}`);
      return;
    } catch (error) {
      if (!alreadyExists(error)) throw error;
    }
    grant = await find();
  }
  if (!grant?.id) throw new Error('Microsoft Graph reported an existing grant but did not return it.');
  const had = (grant.scope ?? '').split(' ').filter(Boolean);
  const known = new Set(had.map((s) => s.toLowerCase()));
  const added = scopes.filter((s) => !known.has(s.toLowerCase()));
  if (added.length > 0) await ctx.send(updateGrantRequest(grant.id, [...had, ...added].join(' ')), options);
  ctx.detail(added.length ? `Added ${added.length} to the existing grant` : 'Everything was already granted');
}

/** Step 4: one app role assignment per application permission, all at once; "already exists" counts as done. */
export async function grantAppRoles(ctx: OperationContext, op: GrantAppRoles): Promise<void> {
  const { resolved, resourceId, clientId } = consentTargets(ctx, op.resourceAppId);
  const options = {
    permissions: [ASSIGNMENT_READWRITE],
    retryOnNetworkError: true,
    isReplicationLag: consentLag([clientId, resourceId]),
  };
  const results = await Promise.allSettled(
    op.roles.map(async (role) => {
      const id =
        resolved.byKey.get(permissionKey({ api: op.api, kind: 'application', name: role.name }))?.id ??
        role.id;
      try {
        await ctx.send(assignAppRoleRequest(resourceId, clientId, id), options);
        return 'granted' as const;
      } catch (error) {
        if (alreadyExists(error)) return 'existing' as const;
        throw error;
      }
    }),
  );
  // A 403 explains itself best (who may grant), so it is reported first.
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const forbidden = failures.find((e) => e instanceof GraphResponseError && e.status === 403);
  if (failures.length > 0) throw forbidden ?? failures[0];
  const existing = results.filter((r) => r.status === 'fulfilled' && r.value === 'existing').length;
  const granted = results.length - existing;
  ctx.detail(
    `Granted ${granted} application permission${granted === 1 ? '' : 's'}` +
      (existing ? `; ${existing} already granted` : ''),
  );
}

export const ensureServicePrincipalKind: OperationKindEntry<'ensure-service-principal'> = {
  title: () => 'Create the enterprise application (service principal)',
  // A repair has no upsert: it waits for its own read and update of the registration.
  after: ['upsert-application', 'read-registration', 'update-application'],
  permissions: [APPLICATION_READWRITE],
  requests: (_op, _plan, names) => [createServicePrincipalRequest(names.appId)],
  run: (ctx) => ensureServicePrincipal(ctx),
};

export const grantDelegatedKind: OperationKindEntry<'grant-delegated'> = {
  title: (op) => `Grant admin consent for ${resourceApi(op.api).displayName} delegated permissions`,
  after: ['resolve-permissions', 'ensure-service-principal'],
  grants: (op) => `${resourceApi(op.api).displayName} delegated permissions`,
  permissions: [GRANT_READWRITE],
  requests: (op, _plan, names) => [
    createGrantRequest(
      names.servicePrincipalId,
      names.resourceServicePrincipalId(op.resourceAppId),
      op.scopes,
    ),
  ],
  run: grantDelegated,
};

export const grantAppRolesKind: OperationKindEntry<'grant-app-roles'> = {
  title: (op) => `Grant admin consent for ${resourceApi(op.api).displayName} application permissions`,
  after: ['resolve-permissions', 'ensure-service-principal'],
  grants: (op) => `${resourceApi(op.api).displayName} application permissions`,
  permissions: [ASSIGNMENT_READWRITE],
  requests: (op, _plan, names) =>
    op.roles.map((role) =>
      assignAppRoleRequest(
        names.resourceServicePrincipalId(op.resourceAppId),
        names.servicePrincipalId,
        role.id,
      ),
    ),
  run: grantAppRoles,
};
