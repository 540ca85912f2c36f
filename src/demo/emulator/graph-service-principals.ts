/** `/servicePrincipals`: list/filter, create for an application, read, delete. */
import type { ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { addressedKey, findApplication } from './application-store';
import { requireScope } from './graph-auth';
import {
  badRequest,
  collection,
  entity,
  graphError,
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
import { newServicePrincipal } from './service-principal-store';
import type { StoredServicePrincipal } from './state';
import type { EmulatorHttpResponse } from './types';

const TYPE = 'microsoft.graph.servicePrincipal';
const WRITABLE = [
  'appId',
  'accountEnabled',
  'appRoleAssignmentRequired',
  'tags',
  'notes',
  'description',
  'loginUrl',
  'notificationEmailAddresses',
  'preferredSingleSignOnMode',
];

/** The service principal with this object id or appId, if visible to this request. */
export function findServicePrincipal(
  g: GraphContext,
  property: string,
  value: string,
): StoredServicePrincipal | undefined {
  const lower = value.toLowerCase();
  const sp = [...g.rt.state.servicePrincipals.values()].find((s) =>
    property === 'appId' ? s.appId === lower : property === 'id' && s.id === lower,
  );
  return sp && isVisible(g, sp.id) ? sp : undefined;
}

function render(sp: StoredServicePrincipal): ServicePrincipal {
  const copy = structuredClone(sp);
  return { ...copy, keyCredentials: (copy.keyCredentials ?? []).map((k) => ({ ...k, key: null })) };
}

/**
 * `POST /servicePrincipals {appId}`. A missing or still-replicating application gives Graph's
 * `NoBackingApplicationObject` 400. A second one for the same appId gives 409
 * `Request_MultipleObjectsWithSameKeyValue` (as reported in public issues, e.g. KelvinTegelaar/CIPP#1142).
 */
async function create(g: GraphContext): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  for (const key of Object.keys(body)) {
    if (!key.startsWith('@odata.') && !WRITABLE.includes(key)) {
      return graphError(
        g,
        400,
        'BadRequest',
        `The property '${key}' does not exist on type '${TYPE}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  const appId = body['appId'];
  if (typeof appId !== 'string' || appId === '')
    return badRequest(g, "A value is required for property 'appId' of resource 'ServicePrincipal'.");
  const existing = [...g.rt.state.servicePrincipals.values()].find((s) => s.appId === appId.toLowerCase());
  if (existing) {
    return graphError(
      g,
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    );
  }
  const app = findApplication(g, 'appId', appId);
  if (!app) {
    const message = `The appId '${appId}' of the service principal does not reference a valid application object.`;
    return badRequest(g, message, [{ code: 'NoBackingApplicationObject', message, target: 'appId' }]);
  }
  const sp = newServicePrincipal(g.rt, app, body);
  g.rt.state.servicePrincipals.set(sp.id, sp);
  holdNewObject(g.rt, sp.id);
  return graphJson(g, 201, entity(g, 'servicePrincipals/$entity', render(sp)));
}

function list(g: GraphContext): EmulatorHttpResponse {
  const clauses = parseFilter(g, ['appId', 'displayName', 'id', 'servicePrincipalType'], TYPE);
  if (isResponse(clauses)) return clauses;
  const select = parseSelect(g.req.url.searchParams);
  const values: Record<string, unknown>[] = [];
  for (const sp of g.rt.state.servicePrincipals.values()) {
    if (!matchesFilter(sp, clauses) || !isVisible(g, sp.id)) continue;
    const projected = applySelect(g, render(sp) as Record<string, unknown>, select, TYPE);
    if (isResponse(projected)) return projected;
    values.push(projected);
  }
  return collection(g, select ? `servicePrincipals(${select.join(',')})` : 'servicePrincipals', values);
}

/** Routes `/servicePrincipals` and `/servicePrincipals/{id}` (navigation properties are routed elsewhere). */
export async function handleServicePrincipals(
  g: GraphContext,
  segments: readonly Segment[],
): Promise<EmulatorHttpResponse> {
  const key = addressedKey(segments);
  const method = g.req.method;
  if (!key) {
    if (method === 'GET') return requireScope(g, 'readApplications') ?? list(g);
    if (method === 'POST') return requireScope(g, 'writeApplications') ?? create(g);
    return methodNotAllowed(g);
  }
  if (method !== 'GET' && method !== 'DELETE') return methodNotAllowed(g);
  const denied = requireScope(g, method === 'GET' ? 'readApplications' : 'writeApplications');
  if (denied) return denied;
  const sp = findServicePrincipal(g, key.property, key.value);
  if (!sp) return notFound(g, key.value);
  if (method === 'DELETE') {
    g.rt.state.servicePrincipals.delete(sp.id);
    return noContent(g);
  }
  const select = parseSelect(g.req.url.searchParams);
  const projected = applySelect(g, render(sp) as Record<string, unknown>, select, TYPE);
  if (isResponse(projected)) return projected;
  const context = select ? `servicePrincipals(${select.join(',')})/$entity` : 'servicePrincipals/$entity';
  return graphJson(g, 200, entity(g, context, projected));
}
