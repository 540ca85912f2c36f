/** Routes Microsoft Graph requests: version prefix, injected faults, authentication, then the resource handlers. */
import { handleAppRoleAssignments } from './graph-app-role-assignments';
import { handleApplications } from './graph-applications';
import { handleApplicationLogo } from './graph-logo';
import { authenticate } from './graph-auth';
import { graphPreflightHeaders } from './cors';
import { handleBatch } from './graph-batch';
import type { BatchItemRunner } from './graph-batch';
import { handleMe, handleOrganization } from './graph-directory';
import { handleGrants, listGrants } from './graph-grants';
import { graphContext, graphError, graphHeaders, methodNotAllowed, notFound } from './graph-http';
import type { GraphContext } from './graph-http';
import { parsePath } from './graph-odata';
import { handleApplicationOwners, handleOwnedObjects } from './graph-owners';
import type { Segment } from './graph-odata';
import { handlePasswordAction } from './graph-passwords';
import { handleAppliedPolicies, handlePolicies } from './graph-policies';
import { findServicePrincipal, handleServicePrincipals } from './graph-service-principals';
import { requireScope } from './graph-auth';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatorHttpResponse } from './types';

const lower = (s: Segment | undefined): string => s?.name.toLowerCase() ?? '';

/** 429 or 503/504 when a fault switch says so (each operation, batch items included, counts once). */
function injectedFault(g: GraphContext): EmulatorHttpResponse | undefined {
  const faults = g.rt.faults;
  const throttle = faults.takeThrottle();
  if (throttle) {
    g.req.fault = 'throttle';
    return graphError(g, 429, 'TooManyRequests', 'Please retry again later.', {
      headers: { 'Retry-After': String(throttle.retryAfterSeconds ?? 1) },
      innerError: { code: '429', message: 'Please retry after', status: '429' },
    });
  }
  const unavailable = faults.takeUnavailable();
  if (unavailable) {
    g.req.fault = 'unavailable';
    const status = unavailable.status ?? 503;
    const retry: Record<string, string> =
      unavailable.retryAfterSeconds !== undefined
        ? { 'Retry-After': String(unavailable.retryAfterSeconds) }
        : {};
    return status === 504
      ? graphError(g, 504, 'GatewayTimeout', 'The gateway did not receive a response in time.', {
          headers: retry,
        })
      : graphError(g, 503, 'serviceNotAvailable', 'Service unavailable. Please try again later.', {
          headers: retry,
        });
  }
  return undefined;
}

async function route(g: GraphContext, segments: readonly Segment[]): Promise<EmulatorHttpResponse> {
  const first = segments[0];
  switch (lower(first)) {
    case 'me':
      if (segments.length === 1) return handleMe(g);
      return segments[1]?.name === 'ownedObjects'
        ? handleOwnedObjects(g, segments)
        : unknownSegment(g, segments[1]);
    case 'organization':
      return segments.length === 1 ? handleOrganization(g) : unknownSegment(g, segments[1]);
    case 'oauth2permissiongrants':
      return handleGrants(g, segments);
    case 'policies':
      return handlePolicies(g, segments);
    case 'applications': {
      const keyed = !!first?.key;
      const action = segments[keyed ? 1 : 2];
      if (!action) return handleApplications(g, segments);
      if (action.name === 'owners' && segments.length === (keyed ? 2 : 3)) {
        return handleApplicationOwners(g, first?.key ?? { property: 'id', value: segments[1]?.name ?? '' });
      }
      if (action.name === 'logo' && segments.length === (keyed ? 2 : 3)) {
        return handleApplicationLogo(g, first?.key ?? { property: 'id', value: segments[1]?.name ?? '' });
      }
      if (action.name === 'appManagementPolicies' && segments.length === (keyed ? 2 : 3)) {
        return handleAppliedPolicies(g, first?.key ?? { property: 'id', value: segments[1]?.name ?? '' });
      }
      const name =
        action.name === 'addPassword' || action.name === 'removePassword' ? action.name : undefined;
      if (!name || segments.length > (keyed ? 2 : 3)) return unknownSegment(g, action);
      if (g.req.method !== 'POST') return methodNotAllowed(g);
      const appKey = first?.key ?? { property: 'id', value: segments[1]?.name ?? '' };
      return handlePasswordAction(g, name, appKey);
    }
    case 'serviceprincipals': {
      const keyed = !!first?.key;
      const nav = segments[keyed ? 1 : 2];
      if (!nav) return handleServicePrincipals(g, segments);
      const key = first?.key ?? { property: 'id', value: segments[1]?.name ?? '' };
      const denied = requireScope(g, 'readApplications');
      if (denied) return denied;
      const sp = findServicePrincipal(g, key.property, key.value);
      if (!sp) return notFound(g, key.value);
      const childId = segments[keyed ? 2 : 3]?.name;
      if (nav.name === 'appRoleAssignedTo' || nav.name === 'appRoleAssignments') {
        return handleAppRoleAssignments(g, sp, nav.name, childId);
      }
      if (nav.name === 'oauth2PermissionGrants' && childId === undefined && g.req.method === 'GET') {
        return requireScope(g, 'readGrants') ?? listGrants(g, (grant) => grant.clientId === sp.id);
      }
      return unknownSegment(g, nav);
    }
    default:
      return unknownSegment(g, first);
  }
}

function unknownSegment(g: GraphContext, segment: Segment | undefined): EmulatorHttpResponse {
  return graphError(g, 400, 'BadRequest', `Resource not found for the segment '${segment?.name ?? ''}'.`);
}

/** Answers one Graph request; `runItem` is used for `$batch` items (absent inside a batch). */
export async function handleGraph(
  rt: Runtime,
  req: RequestContext,
  runItem: BatchItemRunner | undefined,
): Promise<EmulatorHttpResponse> {
  const g = graphContext(rt, req);
  if (req.method === 'OPTIONS') {
    return {
      status: 204,
      headers: graphHeaders(g, graphPreflightHeaders(req.headers['origin'])),
      body: '',
    };
  }
  const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(req.url.pathname);
  if (!m || m[1]?.toLowerCase() !== 'v1.0') {
    return graphError(
      g,
      400,
      'BadRequest',
      'Invalid version: the emulator serves Microsoft Graph v1.0 only.',
    );
  }
  const segments = parsePath(m[2] ?? '');
  if (!segments || segments.length === 0) return graphError(g, 400, 'BadRequest', 'Invalid request URL.');
  const isBatch = segments.length === 1 && segments[0]?.name === '$batch';
  if (!isBatch) {
    const fault = injectedFault(g);
    if (fault) return fault;
  }
  const unauthenticated = authenticate(g);
  if (unauthenticated) return unauthenticated;
  if (isBatch) {
    if (req.method !== 'POST') return methodNotAllowed(g);
    if (!runItem) return graphError(g, 400, 'BadRequest', 'A $batch cannot contain another $batch.');
    return handleBatch(g, runItem);
  }
  return route(g, segments);
}
