/** `/applications`: list/filter, create, read, update, upsert by `uniqueName`, delete. */
import { addressedKey, findApplication, newApplication, renderApplication } from './application-store';
import { applyApplicationPatch, validateApplicationBody } from './application-validation';
import { requireScope } from './graph-auth';
import {
  badRequest,
  collection,
  entity,
  graphJson,
  isResponse,
  methodNotAllowed,
  noContent,
  notFound,
  readJsonObject,
} from './graph-http';
import type { GraphContext } from './graph-http';
import { applySelect, matchesFilter, parseFilter, parseSelect } from './graph-odata';
import type { Segment } from './graph-odata';
import { holdNewObject, isVisible } from './replication';
import type { StoredApplication } from './state';
import type { EmulatorHttpResponse } from './types';

const TYPE = 'microsoft.graph.application';

function selectedEntity(g: GraphContext, app: StoredApplication): EmulatorHttpResponse {
  const select = parseSelect(g.req.url.searchParams);
  const includeKeys = !!select?.some((s) => s.toLowerCase() === 'keycredentials');
  const projected = applySelect(
    g,
    renderApplication(app, includeKeys) as Record<string, unknown>,
    select,
    TYPE,
  );
  if (isResponse(projected)) return projected;
  const context = select ? `applications(${select.join(',')})/$entity` : 'applications/$entity';
  return graphJson(g, 200, entity(g, context, projected));
}

function list(g: GraphContext): EmulatorHttpResponse {
  const denied = requireScope(g, 'readApplications');
  if (denied) return denied;
  const clauses = parseFilter(g, ['appId', 'uniqueName', 'displayName', 'id'], TYPE);
  if (isResponse(clauses)) return clauses;
  const select = parseSelect(g.req.url.searchParams);
  const values: Record<string, unknown>[] = [];
  for (const app of g.rt.state.applications.values()) {
    if (!matchesFilter(app, clauses) || !isVisible(g, app.id)) continue;
    const projected = applySelect(g, renderApplication(app, false) as Record<string, unknown>, select, TYPE);
    if (isResponse(projected)) return projected;
    values.push(projected);
  }
  return collection(g, select ? `applications(${select.join(',')})` : 'applications', values);
}

async function create(g: GraphContext, uniqueName?: string): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  const patch = await validateApplicationBody(g, body, undefined);
  if (isResponse(patch)) return patch;
  if (uniqueName !== undefined && patch.uniqueName !== undefined && String(patch.uniqueName) !== uniqueName) {
    return badRequest(g, "The 'uniqueName' in the body does not match the one in the request URL.");
  }
  if (uniqueName === undefined && typeof patch.uniqueName === 'string') {
    const taken = [...g.rt.state.applications.values()].some(
      (a) => a.uniqueName?.toLowerCase() === String(patch.uniqueName).toLowerCase(),
    );
    if (taken)
      return badRequest(g, `Another object with the same value for property uniqueName already exists.`);
  }
  const app = newApplication(g.rt, String(body['displayName']));
  applyApplicationPatch(app, patch);
  if (uniqueName !== undefined) app.uniqueName = uniqueName;
  g.rt.state.applications.set(app.id, app);
  // A delegated create makes the signed-in user an owner, as Entra does.
  if (g.user) g.rt.state.applicationOwners.set(app.id, [g.user.oid]);
  holdNewObject(g.rt, app.id);
  return graphJson(g, 201, entity(g, 'applications/$entity', renderApplication(app, false)), {
    Location: `${g.serviceRoot}/directory/objects/${app.id}/Microsoft.DirectoryServices.Application`,
  });
}

async function update(g: GraphContext, app: StoredApplication): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  const patch = await validateApplicationBody(g, body, app);
  if (isResponse(patch)) return patch;
  // Setting the unique name of an application that has none: it is an alternate key, so it must be free.
  if (typeof patch.uniqueName === 'string' && !app.uniqueName) {
    const wanted = patch.uniqueName.toLowerCase();
    const taken = [...g.rt.state.applications.values()].some(
      (a) => a.id !== app.id && a.uniqueName?.toLowerCase() === wanted,
    );
    if (taken)
      return badRequest(g, `Another object with the same value for property uniqueName already exists.`);
  }
  applyApplicationPatch(app, patch);
  return noContent(g);
}

/**
 * `PATCH /applications(uniqueName='…')`: with `Prefer: create-if-missing` it creates (201 + body) or updates
 * (204); without it a missing application is a 404. An application still replicating is a 404 either way.
 */
async function upsert(g: GraphContext, uniqueName: string): Promise<EmulatorHttpResponse> {
  const lower = uniqueName.toLowerCase();
  const stored = [...g.rt.state.applications.values()].find((a) => a.uniqueName?.toLowerCase() === lower);
  if (stored) return isVisible(g, stored.id) ? update(g, stored) : notFound(g, uniqueName);
  const prefer = (g.req.headers['prefer'] ?? '').toLowerCase();
  if (!prefer.split(',').some((p) => p.trim() === 'create-if-missing')) return notFound(g, uniqueName);
  return create(g, uniqueName);
}

/** Routes `/applications…` except the credential actions. */
export async function handleApplications(
  g: GraphContext,
  segments: readonly Segment[],
): Promise<EmulatorHttpResponse> {
  const method = g.req.method;
  const key = addressedKey(segments);
  if (!key) {
    if (method === 'GET') return list(g);
    if (method !== 'POST') return methodNotAllowed(g);
    return requireScope(g, 'writeApplications') ?? create(g);
  }
  if (method === 'GET') {
    const denied = requireScope(g, 'readApplications');
    if (denied) return denied;
    const app = findApplication(g, key.property, key.value);
    return app ? selectedEntity(g, app) : notFound(g, key.value);
  }
  if (method !== 'PATCH' && method !== 'DELETE') return methodNotAllowed(g);
  const denied = requireScope(g, 'writeApplications');
  if (denied) return denied;
  if (method === 'PATCH' && key.property === 'uniqueName') return upsert(g, key.value);
  const app = findApplication(g, key.property, key.value);
  if (!app) return notFound(g, key.value);
  if (method === 'PATCH') return update(g, app);
  deleteApplication(g, app);
  return noContent(g);
}

/** Deletes an application with its service principal, grants and app role assignments (as Entra does). */
function deleteApplication(g: GraphContext, app: StoredApplication): void {
  const state = g.rt.state;
  state.applications.delete(app.id);
  state.applicationOwners.delete(app.id);
  state.applicationLogos.delete(app.id);
  for (const sp of [...state.servicePrincipals.values()].filter((s) => s.appId === app.appId)) {
    state.servicePrincipals.delete(sp.id);
    for (const [id, grant] of state.oauth2PermissionGrants)
      if (grant.clientId === sp.id) state.oauth2PermissionGrants.delete(id);
    for (const [id, a] of state.appRoleAssignments)
      if (a.principalId === sp.id) state.appRoleAssignments.delete(id);
  }
}
