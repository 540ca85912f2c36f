/** App role assignments: `/servicePrincipals/{id}/appRoleAssignedTo` and `/servicePrincipals/{id}/appRoleAssignments`. */
import { isGuid } from '../../config/guid';
import { requireScope } from './graph-auth';
import {
  badRequest,
  collection,
  entity,
  forbidden,
  graphJson,
  isResponse,
  methodNotAllowed,
  noContent,
  notFound,
  readJsonObject,
} from './graph-http';
import type { GraphContext } from './graph-http';
import { newGrantId } from './graph-grants';
import { findServicePrincipal } from './graph-service-principals';
import { isoSeconds } from './runtime';
import type { StoredAppRoleAssignment, StoredServicePrincipal } from './state';
import type { EmulatorHttpResponse } from './types';

/** Which side of the assignment the path's service principal is. */
export type AssignmentNavigation = 'appRoleAssignedTo' | 'appRoleAssignments';

/**
 * Creates an assignment. The principal must be a visible service principal (or a user); while it is still
 * replicating Graph answers 400 "Not a valid reference update." The role must exist on the resource. A
 * duplicate gives 400 "Permission being assigned already exists on the object." (status and code assumed:
 * public reports quote the message, not the status).
 */
async function create(
  g: GraphContext,
  sp: StoredServicePrincipal,
  navigation: AssignmentNavigation,
): Promise<EmulatorHttpResponse> {
  const body = readJsonObject(g);
  if (isResponse(body)) return body;
  const { principalId, resourceId, appRoleId } = body;
  if (!isGuid(principalId) || !isGuid(resourceId) || !isGuid(appRoleId)) {
    return badRequest(
      g,
      'Invalid value specified for property principalId, resourceId or appRoleId of resource AppRoleAssignment.',
    );
  }
  const pathSide = navigation === 'appRoleAssignedTo' ? resourceId : principalId;
  if (pathSide.toLowerCase() !== sp.id) {
    return badRequest(
      g,
      `The ${navigation === 'appRoleAssignedTo' ? 'resourceId' : 'principalId'} must be the id of the service principal in the request URL.`,
    );
  }
  const state = g.rt.state;
  const resource = state.servicePrincipals.get(resourceId.toLowerCase());
  if (!resource) return notFound(g, resourceId);
  const user = state.users.find((u) => u.oid === principalId.toLowerCase());
  const principalSp = user ? undefined : state.servicePrincipals.get(principalId.toLowerCase());
  if (!user && (!principalSp || !findServicePrincipal(g, 'id', principalSp.id)))
    return badRequest(g, 'Not a valid reference update.');
  const memberType = user ? 'User' : 'Application';
  const role = resource.appRoles?.find(
    (r) => r.id === appRoleId.toLowerCase() && r.allowedMemberTypes?.includes(memberType),
  );
  if (!role)
    return badRequest(g, `Permission being assigned was not found on application '${resource.appId}'.`);
  const duplicate = [...state.appRoleAssignments.values()].some(
    (a) =>
      a.principalId === principalId.toLowerCase() && a.resourceId === resource.id && a.appRoleId === role.id,
  );
  if (duplicate) return badRequest(g, 'Permission being assigned already exists on the object.');
  const assignment: StoredAppRoleAssignment = {
    id: newGrantId(g),
    deletedDateTime: null,
    appRoleId: appRoleId.toLowerCase(),
    createdDateTime: isoSeconds(g.rt.now()),
    principalDisplayName: user?.displayName ?? principalSp?.displayName ?? null,
    principalId: principalId.toLowerCase(),
    principalType: user ? 'User' : 'ServicePrincipal',
    resourceDisplayName: resource.displayName,
    resourceId: resource.id,
  };
  state.appRoleAssignments.set(assignment.id, assignment);
  return graphJson(g, 201, entity(g, `servicePrincipals('${sp.id}')/${navigation}/$entity`, assignment));
}

/** Routes `/servicePrincipals/{id}/appRoleAssignedTo[/{assignmentId}]` and `…/appRoleAssignments[/{id}]`. */
export async function handleAppRoleAssignments(
  g: GraphContext,
  sp: StoredServicePrincipal,
  navigation: AssignmentNavigation,
  assignmentId: string | undefined,
): Promise<EmulatorHttpResponse> {
  const method = g.req.method;
  const write = method !== 'GET';
  const denied = requireScope(g, write ? 'writeAssignments' : 'readAssignments');
  if (denied) return denied;
  if (write && g.rt.faults.consentForbidden) {
    g.req.fault = 'consentForbidden';
    return forbidden(g);
  }
  const mine = (a: StoredAppRoleAssignment) =>
    (navigation === 'appRoleAssignedTo' ? a.resourceId : a.principalId) === sp.id;
  if (assignmentId === undefined) {
    if (method === 'GET') {
      return collection(
        g,
        `servicePrincipals('${sp.id}')/${navigation}`,
        [...g.rt.state.appRoleAssignments.values()].filter(mine),
      );
    }
    return method === 'POST' ? create(g, sp, navigation) : methodNotAllowed(g);
  }
  const assignment = g.rt.state.appRoleAssignments.get(assignmentId);
  if (!assignment || !mine(assignment)) return notFound(g, assignmentId);
  if (method === 'GET')
    return graphJson(g, 200, entity(g, `servicePrincipals('${sp.id}')/${navigation}/$entity`, assignment));
  if (method !== 'DELETE') return methodNotAllowed(g);
  g.rt.state.appRoleAssignments.delete(assignmentId);
  return noContent(g);
}
