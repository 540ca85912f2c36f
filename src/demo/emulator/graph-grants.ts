/** `/oauth2PermissionGrants`: delegated (admin) consent. */
import { requireScope } from './graph-auth';
import {
  badRequest,
  collection,
  entity,
  forbidden,
  graphError,
  graphJson,
  isResponse,
  methodNotAllowed,
  noContent,
  notFound,
  readJsonObject,
} from './graph-http';
import type { GraphContext } from './graph-http';
import { matchesFilter, parseFilter } from './graph-odata';
import type { Segment } from './graph-odata';
import { bytesToBase64Url } from './encoding';
import { findServicePrincipal } from './graph-service-principals';
import type { StoredGrant, StoredServicePrincipal } from './state';
import type { EmulatorHttpResponse } from './types';

const TYPE = 'microsoft.graph.oAuth2PermissionGrant';

/** A grant id shaped like Entra's (43 base64url characters). */
export function newGrantId(g: GraphContext): string {
  return bytesToBase64Url(g.rt.random(32));
}

/** The first scope value not exposed by the resource, if any. */
function unknownScope(resource: StoredServicePrincipal, scope: string): string | undefined {
  const known = new Set((resource.oauth2PermissionScopes ?? []).map((s) => s.value?.toLowerCase()));
  return scope
    .split(' ')
    .filter(Boolean)
    .find((s) => !known.has(s.toLowerCase()));
}

function scopeError(g: GraphContext, value: string, resource: StoredServicePrincipal): EmulatorHttpResponse {
  return badRequest(
    g,
    `Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant': '${value}' does not exist on resource application '${resource.appId}'.`,
  );
}

function invalidReference(g: GraphContext, property: 'clientId' | 'resourceId'): EmulatorHttpResponse {
  return badRequest(
    g,
    `Invalid value specified for property '${property}' of resource 'OAuth2PermissionGrant'.`,
  );
}

async function create(g: GraphContext): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  const { clientId, consentType, principalId, resourceId, scope } = body;
  if (typeof clientId !== 'string')
    return badRequest(g, "A value is required for property 'clientId' of resource 'OAuth2PermissionGrant'.");
  if (typeof resourceId !== 'string')
    return badRequest(
      g,
      "A value is required for property 'resourceId' of resource 'OAuth2PermissionGrant'.",
    );
  if (consentType !== 'AllPrincipals' && consentType !== 'Principal') {
    return badRequest(
      g,
      "Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.",
    );
  }
  if (
    consentType === 'AllPrincipals'
      ? principalId !== null && principalId !== undefined
      : typeof principalId !== 'string'
  ) {
    return badRequest(
      g,
      "Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.",
    );
  }
  if (typeof scope !== 'string')
    return badRequest(g, "Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant'.");
  // A service principal that does not exist, or is still replicating, is an invalid reference (as Entra answers a
  // grant right after creating the client's service principal).
  const client = findServicePrincipal(g, 'id', clientId);
  if (!client) return invalidReference(g, 'clientId');
  const resource = findServicePrincipal(g, 'id', resourceId);
  if (!resource) return invalidReference(g, 'resourceId');
  const bad = unknownScope(resource, scope);
  if (bad !== undefined) return scopeError(g, bad, resource);
  const duplicate = [...g.rt.state.oauth2PermissionGrants.values()].some(
    (x) =>
      x.clientId === client.id &&
      x.resourceId === resource.id &&
      x.consentType === consentType &&
      (x.principalId ?? null) === (principalId ?? null),
  );
  if (duplicate)
    return graphError(g, 409, 'Request_MultipleObjectsWithSameKeyValue', 'Permission entry already exists.');
  const grant: StoredGrant = {
    id: newGrantId(g),
    clientId: client.id,
    consentType,
    principalId: typeof principalId === 'string' ? principalId : null,
    resourceId: resource.id,
    scope,
  };
  g.rt.state.oauth2PermissionGrants.set(grant.id, grant);
  return graphJson(g, 201, entity(g, 'oauth2PermissionGrants/$entity', grant));
}

async function update(g: GraphContext, grant: StoredGrant): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  for (const key of Object.keys(body)) {
    if (key !== 'scope' && !key.startsWith('@odata.'))
      return badRequest(g, `Property '${key}' is read-only and cannot be set.`);
  }
  if (typeof body['scope'] !== 'string')
    return badRequest(g, "Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant'.");
  const resource = g.rt.state.servicePrincipals.get(grant.resourceId);
  const bad = resource ? unknownScope(resource, body['scope']) : undefined;
  if (resource && bad !== undefined) return scopeError(g, bad, resource);
  grant.scope = body['scope'];
  return noContent(g);
}

/** The grants matching `$filter` (clientId, resourceId, consentType, principalId joined by `and`). */
export function listGrants(
  g: GraphContext,
  base: (grant: StoredGrant) => boolean = () => true,
): EmulatorHttpResponse {
  const clauses = parseFilter(g, ['clientId', 'resourceId', 'consentType', 'principalId', 'id'], TYPE);
  if (isResponse(clauses)) return clauses;
  const values = [...g.rt.state.oauth2PermissionGrants.values()].filter(
    (x) => base(x) && matchesFilter(x, clauses),
  );
  return collection(g, 'oauth2PermissionGrants', values);
}

/** Routes `/oauth2PermissionGrants` and `/oauth2PermissionGrants/{id}`. */
export async function handleGrants(
  g: GraphContext,
  segments: readonly Segment[],
): Promise<EmulatorHttpResponse> {
  const id = segments[0]?.key?.value ?? segments[1]?.name;
  const method = g.req.method;
  const write = method !== 'GET';
  const denied = requireScope(g, write ? 'writeGrants' : 'readGrants');
  if (denied) return denied;
  if (write && g.rt.faults.consentForbidden) {
    g.req.fault = 'consentForbidden';
    return forbidden(g);
  }
  if (id === undefined) {
    if (method === 'GET') return listGrants(g);
    return method === 'POST' ? create(g) : methodNotAllowed(g);
  }
  const grant = g.rt.state.oauth2PermissionGrants.get(id);
  if (!grant) return notFound(g, id);
  if (method === 'GET') return graphJson(g, 200, entity(g, 'oauth2PermissionGrants/$entity', grant));
  if (method === 'PATCH') return update(g, grant);
  if (method === 'DELETE') {
    g.rt.state.oauth2PermissionGrants.delete(id);
    return noContent(g);
  }
  return methodNotAllowed(g);
}
