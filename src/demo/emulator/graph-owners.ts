/**
 * Ownership: `GET /me/ownedObjects[/microsoft.graph.application]` and `GET /applications/{id}/owners`.
 *
 * As in Graph, `ownedObjects` needs only User.Read, but a caller that may not read applications gets each one with
 * its `@odata.type` and `id` only, every other property null ("Limited information returned for inaccessible member
 * objects", learn.microsoft.com/graph/api/user-list-ownedobjects). Owners of an application need Application.Read.All
 * or more (learn.microsoft.com/graph/api/application-list-owners).
 */
import { findApplication, renderApplication } from './application-store';
import { REQUIRED_SCOPES, requireScope } from './graph-auth';
import { badRequest, collection, isResponse, methodNotAllowed, notFound } from './graph-http';
import type { GraphContext } from './graph-http';
import { applySelect, parseSelect } from './graph-odata';
import type { Segment } from './graph-odata';
import { isVisible } from './replication';
import type { EmulatorHttpResponse } from './types';

const APPLICATION_TYPE = 'microsoft.graph.application';
const DIRECTORY_CASTS = new Set([
  'microsoft.graph.application',
  'microsoft.graph.group',
  'microsoft.graph.serviceprincipal',
  'microsoft.graph.approleassignment',
  'microsoft.graph.endpoint',
]);

function mayReadApplications(g: GraphContext): boolean {
  const have = new Set((g.token?.scopes ?? []).map((s) => s.toLowerCase()));
  return REQUIRED_SCOPES.readApplications.some((s) => have.has(s.toLowerCase()));
}

/** `GET /me/ownedObjects`, optionally cast to one type; the emulator's directory owns only applications. */
export function handleOwnedObjects(g: GraphContext, segments: readonly Segment[]): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const cast = segments[2]?.name.toLowerCase();
  if (segments.length > 3 || (cast !== undefined && !DIRECTORY_CASTS.has(cast))) {
    return badRequest(g, `Resource not found for the segment '${segments[2]?.name ?? ''}'.`);
  }
  const denied = requireScope(g, 'readMe');
  if (denied) return denied;
  const oid = g.user?.oid ?? g.token?.userOid;
  const select = parseSelect(g.req.url.searchParams);
  const full = mayReadApplications(g);
  const values: Record<string, unknown>[] = [];
  if (cast === undefined || cast === APPLICATION_TYPE) {
    for (const app of g.rt.state.applications.values()) {
      const owners = g.rt.state.applicationOwners.get(app.id) ?? [];
      if (!oid || !owners.includes(oid) || !isVisible(g, app.id)) continue;
      const projected = applySelect(
        g,
        renderApplication(app, false) as Record<string, unknown>,
        select,
        APPLICATION_TYPE,
      );
      if (isResponse(projected)) return projected;
      const limited = full
        ? projected
        : Object.fromEntries(Object.keys(projected).map((k) => [k, k === 'id' ? app.id : null]));
      values.push({ '@odata.type': `#${APPLICATION_TYPE}`, ...limited });
    }
  }
  const context = cast ? `directoryObjects/${segments[2]?.name}` : 'directoryObjects';
  return collection(g, select ? `${context}(${select.join(',')})` : context, values);
}

/** `GET /applications/{id}/owners`: the users who own it. */
export function handleApplicationOwners(
  g: GraphContext,
  appKey: { property: string; value: string },
): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const denied = requireScope(g, 'readApplications');
  if (denied) return denied;
  const app = findApplication(g, appKey.property, appKey.value);
  if (!app) return notFound(g, appKey.value);
  const select = parseSelect(g.req.url.searchParams);
  const values: Record<string, unknown>[] = [];
  for (const oid of g.rt.state.applicationOwners.get(app.id) ?? []) {
    const user = g.rt.state.users.find((u) => u.oid === oid);
    const rendered = {
      id: oid,
      displayName: user?.displayName ?? null,
      userPrincipalName: user?.userPrincipalName ?? null,
      mail: user?.mail ?? null,
    };
    const projected = applySelect(g, rendered, select, 'microsoft.graph.user');
    if (isResponse(projected)) return projected;
    values.push({ '@odata.type': '#microsoft.graph.user', ...projected });
  }
  return collection(g, 'directoryObjects', values);
}
