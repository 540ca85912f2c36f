/**
 * The reads of "check and repair": the registration by its client ID (or object ID), its service principal with the
 * consent it holds, its owners, and the resource APIs' service principals that name its permissions. Read only.
 */
import type {
  Application,
  AppRoleAssignment,
  OAuth2PermissionGrant,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import type { Send } from './existing-registration';
import { GraphResponseError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  applicationOwnersRequest,
  checkedApplicationRequest,
  ownedApplicationsRequest,
  servicePrincipalAssignmentsRequest,
  servicePrincipalByAppIdRequest,
  servicePrincipalGrantsRequest,
} from './graph-requests';
import { readResourceServicePrincipals } from './operations-application';

/** Everything the checklist judges, as Graph returned it. */
export interface RegistrationSnapshot {
  readonly application: Application;
  /** Null: the registration has no service principal (enterprise application) in this tenant. */
  readonly servicePrincipal: ServicePrincipal | null;
  /** The service principal's delegated grants (all of them; the checklist counts the tenant-wide ones). */
  readonly delegatedGrants: readonly OAuth2PermissionGrant[];
  readonly appRoleAssignments: readonly AppRoleAssignment[];
  /** Null when they could not be read. */
  readonly owners: readonly { readonly id: string; readonly displayName: string | null }[] | null;
  /** Resource service principals by appId: the connectors' APIs and every API the registration requests. */
  readonly resources: ReadonlyMap<string, ServicePrincipal | null>;
  /** When it was read (epoch ms). */
  readonly readAt: number;
}

/** A registration the signed-in admin owns, for the picker. */
export interface OwnedApplication {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly uniqueName: string | null;
}

const options = { permissions: [APPLICATION_READWRITE], retryOnNetworkError: true };
const isNotFound = (e: unknown) => e instanceof GraphResponseError && e.status === 404;

async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The registration by client ID, else by object ID (admins paste either); null when neither finds one. */
async function readApplication(send: Send, ref: string): Promise<Application | null> {
  const byAppId = await orNull(send<Application>(checkedApplicationRequest(ref, 'appId'), options));
  if (byAppId?.body) return byAppId.body;
  const byId = await orNull(send<Application>(checkedApplicationRequest(ref, 'id'), options));
  return byId?.body ?? null;
}

/** Reads what the checklist needs; null when no registration has this client ID or object ID. */
export async function readRegistrationSnapshot(
  send: Send,
  ref: string,
  resourceAppIds: readonly string[],
  now: () => number,
): Promise<RegistrationSnapshot | null> {
  const application = await readApplication(send, ref.trim().toLowerCase());
  if (!application?.id || !application.appId) return null;
  const requested = (application.requiredResourceAccess ?? []).flatMap((r) => r.resourceAppId ?? []);
  const [servicePrincipal, owners, resources] = await Promise.all([
    orNull(send<ServicePrincipal>(servicePrincipalByAppIdRequest(application.appId), options)).then(
      (r) => r?.body ?? null,
    ),
    send<{ value?: { id?: string; displayName?: string | null }[] }>(
      applicationOwnersRequest(application.id),
      options,
    ).then(
      (r) => (r.body?.value ?? []).map((o) => ({ id: o.id ?? '', displayName: o.displayName ?? null })),
      () => null,
    ),
    readResourceServicePrincipals(send, [...new Set([...resourceAppIds, ...requested])]),
  ]);
  let delegatedGrants: OAuth2PermissionGrant[] = [];
  let appRoleAssignments: AppRoleAssignment[] = [];
  if (servicePrincipal?.id) {
    const [grants, assignments] = await Promise.all([
      send<{ value?: OAuth2PermissionGrant[] }>(servicePrincipalGrantsRequest(servicePrincipal.id), options),
      send<{ value?: AppRoleAssignment[] }>(servicePrincipalAssignmentsRequest(servicePrincipal.id), options),
    ]);
    delegatedGrants = grants.body?.value ?? [];
    appRoleAssignments = assignments.body?.value ?? [];
  }
  return {
    application,
    servicePrincipal,
    delegatedGrants,
    appRoleAssignments,
    owners,
    resources,
    readAt: now(),
  };
}

/** The registrations the signed-in admin owns, by name. */
export async function readOwnedApplications(send: Send): Promise<OwnedApplication[]> {
  // Listing owned objects takes User.Read; their names, a permission to read applications (else Graph nulls them).
  const res = await send<{ value?: Application[] }>(ownedApplicationsRequest, {
    ...options,
    permissions: ['User.Read', APPLICATION_READWRITE],
  });
  return (res.body?.value ?? [])
    .flatMap((a) =>
      a.id && a.appId
        ? [
            {
              id: a.id,
              appId: a.appId,
              displayName: a.displayName ?? a.appId,
              uniqueName: a.uniqueName ?? null,
            },
          ]
        : [],
    )
    .sort((a, b) => (a.displayName.toLowerCase() < b.displayName.toLowerCase() ? -1 : 1));
}
