/**
 * Step 1: every planned permission, by name and kind, against the tenant's resource service principals. Ids are
 * resolved at run time because static tables rot (G21); nothing is written when a permission is missing.
 */
import type {
  AppRole,
  PermissionScope,
  RequiredResourceAccess,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import { graphAccessType, permissionKey } from '../catalog/permissions';
import { resourceApi } from '../catalog/resource-apis';
import type { PlannedPermission, RegistrationPlan } from '../plan/plan-types';
import { PreflightError } from './graph-errors';

/** A planned permission as the tenant knows it. */
export interface TenantPermission {
  readonly id: string;
  /** The tenant's spelling of the value (e.g. for the grant's `scope`). */
  readonly name: string;
}

/** What step 1 learned; later steps use the tenant's ids and the resource service principals' object ids. */
export interface ResolvedPermissions {
  /** resourceAppId → object id of the resource's service principal in this tenant. */
  readonly resourceServicePrincipalIds: ReadonlyMap<string, string>;
  /** `permissionKey` → the tenant's id and value. */
  readonly byKey: ReadonlyMap<string, TenantPermission>;
  /** The plan's requiredResourceAccess with the tenant's ids. */
  readonly requiredResourceAccess: readonly RequiredResourceAccess[];
  readonly differences: readonly string[];
}

const same = (a: string | null | undefined, b: string) => a === b;
const sameIgnoringCase = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

function findInTenant(sp: ServicePrincipal, p: PlannedPermission): AppRole | PermissionScope | undefined {
  const list: readonly (AppRole | PermissionScope)[] =
    p.kind === 'delegated'
      ? (sp.oauth2PermissionScopes ?? [])
      : (sp.appRoles ?? []).filter(
          (r) => !r.allowedMemberTypes || r.allowedMemberTypes.includes('Application'),
        );
  // Exact spelling first; Entra compares permission values case-insensitively.
  return list.find((x) => same(x.value, p.name)) ?? list.find((x) => sameIgnoringCase(x.value, p.name));
}

const apiName = (p: PlannedPermission) => resourceApi(p.api).displayName;
const describe = (p: PlannedPermission) => `${apiName(p)} ${p.name} (${p.kind})`;

/**
 * Matches the plan's permissions with the tenant's service principals (`null` when the tenant has none for that
 * resource). Throws a {@link PreflightError} listing every permission the tenant lacks.
 */
export function matchPermissions(
  plan: RegistrationPlan,
  servicePrincipals: ReadonlyMap<string, ServicePrincipal | null>,
): ResolvedPermissions {
  const byKey = new Map<string, TenantPermission>();
  const differences: string[] = [];
  const missing: string[] = [];
  const missingApis = new Set<string>();
  for (const p of plan.permissions) {
    const sp = servicePrincipals.get(resourceApi(p.api).appId);
    const found = sp ? findInTenant(sp, p) : undefined;
    if (!sp) missingApis.add(apiName(p));
    if (!found?.id || !found.value) {
      missing.push(describe(p));
      continue;
    }
    byKey.set(permissionKey(p), { id: found.id, name: found.value });
    if (found.id.toLowerCase() !== p.id.toLowerCase()) {
      differences.push(
        `${describe(p)}: the catalog has ${p.id}, your tenant ${found.id}. The tenant's id is used.`,
      );
    }
  }
  if (missing.length > 0) throw new PreflightError(missingPermissions(missing, [...missingApis]));

  const resourceServicePrincipalIds = new Map<string, string>();
  for (const [appId, sp] of servicePrincipals) if (sp?.id) resourceServicePrincipalIds.set(appId, sp.id);
  const requiredResourceAccess = plan.application.requiredResourceAccess.map((entry) => ({
    resourceAppId: entry.resourceAppId,
    resourceAccess: entry.resourceAccess.map((access) => {
      const p = plan.permissions.find(
        (x) =>
          resourceApi(x.api).appId === entry.resourceAppId &&
          x.id === access.id &&
          graphAccessType[x.kind] === access.type,
      );
      return { id: (p && byKey.get(permissionKey(p))?.id) ?? access.id, type: access.type };
    }),
  }));
  return { resourceServicePrincipalIds, byKey, requiredResourceAccess, differences };
}

function missingPermissions(missing: readonly string[], missingApis: readonly string[]) {
  const apis = missingApis.length
    ? ` Your tenant has no service principal for ${missingApis.join(', ')}, so none of its permissions can be requested.`
    : '';
  return {
    code: 'PermissionNotInTenant',
    status: 0,
    message: `Not found in your tenant: ${missing.join('; ')}.`,
    meaning: `The registration would request permissions your tenant does not have.${apis} Nothing was created or changed.`,
    action: missingApis.length
      ? 'Ask an administrator to add the missing API to the tenant (for example by enabling the service), or leave out the connector that needs it.'
      : 'Leave out the connector that needs it, or report the permission name: Microsoft may have renamed or retired it.',
    kind: 'other' as const,
  };
}
