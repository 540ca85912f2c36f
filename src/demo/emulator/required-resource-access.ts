/** Validation of `requiredResourceAccess`: every permission id must exist, with its type, on the resource's service principal. */
import type { RequiredResourceAccess } from '@microsoft/microsoft-graph-types';
import { isGuid } from '../../config/guid';
import { badRequest } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

const MAX_RESOURCES = 50;
const MAX_PERMISSIONS = 400;

const invalid = (g: GraphContext): EmulatorHttpResponse =>
  badRequest(g, "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.");

/**
 * Checks `requiredResourceAccess` (≤ 50 resources, ≤ 400 permissions): each `resourceAppId` must be a service
 * principal in the tenant and each `{id, type}` an oauth2PermissionScope (`Scope`) or appRole (`Role`) on it.
 * Returns the normalised collection or a 400 naming the offending id.
 */
export function validateRequiredResourceAccess(
  g: GraphContext,
  value: unknown,
): RequiredResourceAccess[] | EmulatorHttpResponse {
  if (!Array.isArray(value)) return invalid(g);
  if (value.length > MAX_RESOURCES) {
    return badRequest(
      g,
      `The requiredResourceAccess collection can reference at most ${MAX_RESOURCES} resource applications.`,
    );
  }
  let total = 0;
  const out: RequiredResourceAccess[] = [];
  for (const entry of value as unknown[]) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const resourceAppId = e['resourceAppId'];
    const access = e['resourceAccess'];
    if (!isGuid(resourceAppId) || !Array.isArray(access)) return invalid(g);
    const sp = [...g.rt.state.servicePrincipals.values()].find(
      (s) => s.appId === resourceAppId.toLowerCase(),
    );
    if (!sp) {
      return badRequest(
        g,
        `Invalid value specified for property 'requiredResourceAccess' of resource 'Application': resource application '${resourceAppId}' was not found.`,
      );
    }
    const items: { id: string; type: string }[] = [];
    for (const a of access as unknown[]) {
      const r = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      const id = r['id'];
      const type = r['type'];
      const list = type === 'Scope' ? sp.oauth2PermissionScopes : type === 'Role' ? sp.appRoles : undefined;
      const exists = isGuid(id) && list?.some((p) => p.id === id.toLowerCase());
      if (!exists) {
        return badRequest(
          g,
          `Invalid value specified for property 'requiredResourceAccess' of resource 'Application': permission '${String(id)}' of type '${String(type)}' does not exist on resource application '${resourceAppId}'.`,
        );
      }
      items.push({ id: id.toLowerCase(), type: type as string });
    }
    total += items.length;
    out.push({ resourceAppId: resourceAppId.toLowerCase(), resourceAccess: items });
  }
  if (total > MAX_PERMISSIONS) {
    return badRequest(
      g,
      `The requiredResourceAccess collection can contain at most ${MAX_PERMISSIONS} permissions in total.`,
    );
  }
  return out;
}
