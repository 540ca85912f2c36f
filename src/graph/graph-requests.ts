/**
 * Every request the runner sends, as pure builders. The runner passes real ids; `describeRequests` passes
 * `{placeholders}`, so the review step shows exactly what will be sent.
 */
import type { Application, KeyCredential, RequiredResourceAccess } from '@microsoft/microsoft-graph-types';
import type { LogoImage } from '../catalog/logo-image';
import type { GraphKeyCredential } from '../crypto/key-credential';
import type { InstancePropertyLock, PlannedApplication, PlannedInfo } from '../plan/plan-types';

/** One Graph request; `path` starts with `/v1.0`. */
export interface GraphRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body. */
  readonly body?: unknown;
  /**
   * A body that is not JSON (the logo's bytes), sent as they are with the `Content-Type` of `headers`. The review
   * shows `description` in its place.
   */
  readonly binary?: { readonly bytes: Uint8Array; readonly description: string };
}

/** The wizard's delegated permissions (G20): creating apps, granting delegated and application permissions. */
export const APPLICATION_READWRITE = 'Application.ReadWrite.All';
export const GRANT_READWRITE = 'DelegatedPermissionGrant.ReadWrite.All';
export const ASSIGNMENT_READWRITE = 'AppRoleAssignment.ReadWrite.All';

const SECRET_NAME_PREFIX = 'Entra Setup Wizard';

/** The secret's display name: the run id lets a resumed run find the secrets a lost answer or a reload left behind. */
export function secretDisplayName(runId: string, date: string): string {
  return `${SECRET_NAME_PREFIX} ${runId} ${date}`;
}

/** True when a secret's display name says this run created it. */
export function isSecretOfRun(displayName: string | null | undefined, runId: string): boolean {
  return !!displayName?.startsWith(`${SECRET_NAME_PREFIX} ${runId} `);
}

/** True when a secret's or certificate's display name says the wizard made it. */
export function isMadeByWizard(displayName: string | null | undefined): boolean {
  return !!displayName?.startsWith(`${SECRET_NAME_PREFIX} `);
}

/**
 * The certificate's description on the registration: the wizard's name and the day it was added, so a later run can
 * tell its own certificates from others, then the certificate's subject.
 */
export function certificateDisplayName(date: string, subject: string): string {
  return `${SECRET_NAME_PREFIX} ${date} ${subject}`.slice(0, 120);
}

/** An OData string literal's content: single quotes doubled. */
const literal = (value: string) => value.replace(/'/g, "''");

/** The upsert body: the plan's application, the tenant's permission ids, and the certificate. */
export interface ApplicationBody {
  readonly displayName: string;
  readonly signInAudience: PlannedApplication['signInAudience'];
  readonly web: PlannedApplication['web'];
  readonly requiredResourceAccess: readonly RequiredResourceAccess[];
  readonly keyCredentials?: readonly KeyCredential[];
  readonly servicePrincipalLockConfiguration?: InstancePropertyLock;
  readonly info?: PlannedInfo;
}

// The body must stay assignable to Graph's own application type.
export type AssertApplicationBody = ApplicationBody extends Application ? true : never;

/**
 * The certificate as sent: public part only, without `customKeyIdentifier`, so Graph stores the real thumbprint
 * (G4), and described as the wizard's (see {@link certificateDisplayName}).
 */
export function keyCredentialBody(credential: GraphKeyCredential, date: string): KeyCredential {
  return {
    type: credential.type,
    usage: credential.usage,
    key: credential.key,
    keyId: credential.keyId,
    displayName: certificateDisplayName(date, credential.displayName),
    startDateTime: credential.startDateTime,
    endDateTime: credential.endDateTime,
  };
}

/**
 * A certificate already on the registration, sent back unchanged: a PATCH of `keyCredentials` replaces the whole
 * collection, so every certificate to keep must be in it, with its `key` (G5).
 */
export function keptKeyCredential(existing: KeyCredential): KeyCredential {
  const { type, usage, key, keyId, displayName, startDateTime, endDateTime, customKeyIdentifier } = existing;
  return { type, usage, key, keyId, displayName, startDateTime, endDateTime, customKeyIdentifier };
}

export function applicationBody(
  application: PlannedApplication,
  requiredResourceAccess: readonly RequiredResourceAccess[],
  keyCredentials: readonly KeyCredential[] | null,
): ApplicationBody {
  return {
    displayName: application.displayName,
    signInAudience: application.signInAudience,
    web: application.web,
    requiredResourceAccess,
    ...(keyCredentials ? { keyCredentials } : {}),
    ...(application.servicePrincipalLockConfiguration
      ? { servicePrincipalLockConfiguration: application.servicePrincipalLockConfiguration }
      : {}),
    ...(application.info ? { info: application.info } : {}),
  };
}

/** Sets the registration's logo: the image's bytes with their type (Graph's logo is a stream, not JSON). */
export const uploadLogoRequest = (applicationId: string, logo: LogoImage): GraphRequest => ({
  method: 'PUT',
  path: `/v1.0/applications/${applicationId}/logo`,
  headers: { 'Content-Type': logo.contentType },
  binary: {
    bytes: logo.bytes,
    description: `(the ${logo.bytes.length} bytes of ${logo.fileName}, ${logo.width}×${logo.height} pixels)`,
  },
});

export const resourceServicePrincipalRequest = (resourceAppId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/servicePrincipals(appId='${literal(resourceAppId)}')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
});

/**
 * The smallest read the sign-in token allows. Sent while the admin answers the permission window, it has the browser
 * check Graph's CORS rules for `$batch` then, so the run's first request does not wait for that check.
 */
export const warmUpRequest: GraphRequest = { method: 'GET', path: '/v1.0/me?$select=id' };

/** `Prefer: create-if-missing` makes this an upsert: a retry never creates a second application (G2). */
export const upsertApplicationRequest = (uniqueName: string, body: ApplicationBody): GraphRequest => ({
  method: 'PATCH',
  path: `/v1.0/applications(uniqueName='${literal(uniqueName)}')`,
  headers: { Prefer: 'create-if-missing' },
  body,
});

/**
 * The registration as it is before the run writes: ids, name and credentials. `key` is returned only on such a
 * `$select` of one object, and every certificate to keep must be sent back with it.
 */
export const existingRegistrationRequest = (uniqueName: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications(uniqueName='${literal(uniqueName)}')?$select=id,appId,displayName,uniqueName,keyCredentials,passwordCredentials`,
});

export const keyCredentialsRequest = (applicationId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications/${applicationId}?$select=keyCredentials`,
});

/** Replaces the registration's certificates with exactly these. */
export const setKeyCredentialsRequest = (
  applicationId: string,
  keyCredentials: readonly KeyCredential[],
): GraphRequest => ({
  method: 'PATCH',
  path: `/v1.0/applications/${applicationId}`,
  body: { keyCredentials },
});

/** After a 204 upsert: the ids, and the secrets when a resumed run must replace some. */
export const applicationIdsRequest = (uniqueName: string, withSecrets: boolean): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications(uniqueName='${literal(uniqueName)}')?$select=id,appId${withSecrets ? ',passwordCredentials' : ''}`,
});

export const passwordCredentialsRequest = (applicationId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications/${applicationId}?$select=passwordCredentials`,
});

export const addPasswordRequest = (
  applicationId: string,
  displayName: string,
  endDateTime: string,
): GraphRequest => ({
  method: 'POST',
  path: `/v1.0/applications/${applicationId}/addPassword`,
  body: { passwordCredential: { displayName, endDateTime } },
});

export const removePasswordRequest = (applicationId: string, keyId: string): GraphRequest => ({
  method: 'POST',
  path: `/v1.0/applications/${applicationId}/removePassword`,
  body: { keyId },
});

export const createServicePrincipalRequest = (appId: string): GraphRequest => ({
  method: 'POST',
  path: '/v1.0/servicePrincipals',
  body: { appId },
});

export const servicePrincipalByAppIdRequest = (appId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/servicePrincipals(appId='${literal(appId)}')?$select=id,appOwnerOrganizationId`,
});

export const createGrantRequest = (
  clientId: string,
  resourceId: string,
  scopes: readonly string[],
): GraphRequest => ({
  method: 'POST',
  path: '/v1.0/oauth2PermissionGrants',
  body: { clientId, consentType: 'AllPrincipals', principalId: null, resourceId, scope: scopes.join(' ') },
});

export const findGrantRequest = (clientId: string, resourceId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/oauth2PermissionGrants?$filter=${encodeURIComponent(
    `clientId eq '${literal(clientId)}' and consentType eq 'AllPrincipals' and resourceId eq '${literal(resourceId)}'`,
  )}`,
});

export const updateGrantRequest = (grantId: string, scope: string): GraphRequest => ({
  method: 'PATCH',
  path: `/v1.0/oauth2PermissionGrants/${encodeURIComponent(grantId)}`,
  body: { scope },
});

export const assignAppRoleRequest = (
  resourceId: string,
  principalId: string,
  appRoleId: string,
): GraphRequest => ({
  method: 'POST',
  path: `/v1.0/servicePrincipals/${resourceId}/appRoleAssignedTo`,
  body: { principalId, resourceId, appRoleId },
});

export const readBackRequest = (applicationId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications/${applicationId}?$select=id,appId,displayName,signInAudience,web,requiredResourceAccess,keyCredentials,passwordCredentials,servicePrincipalLockConfiguration,info`,
});

/** What the check reads of a registration: everything the checklist judges, credentials without their keys. */
const CHECK_SELECT = [
  'id',
  'appId',
  'displayName',
  'uniqueName',
  'signInAudience',
  'web',
  'requiredResourceAccess',
  'keyCredentials',
  'passwordCredentials',
  'servicePrincipalLockConfiguration',
  'verifiedPublisher',
  'publisherDomain',
].join(',');

/** The registration to check, by application (client) ID or, failing that, by object ID. */
export const checkedApplicationRequest = (ref: string, by: 'appId' | 'id'): GraphRequest => ({
  method: 'GET',
  path:
    by === 'appId'
      ? `/v1.0/applications(appId='${literal(ref)}')?$select=${CHECK_SELECT}`
      : `/v1.0/applications/${encodeURIComponent(ref)}?$select=${CHECK_SELECT}`,
});

/** The registrations the signed-in admin owns (User.Read lists them; reading their names needs Application.*). */
export const ownedApplicationsRequest: GraphRequest = {
  method: 'GET',
  path: '/v1.0/me/ownedObjects/microsoft.graph.application?$select=id,appId,displayName,uniqueName',
};

export const applicationOwnersRequest = (applicationId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/applications/${encodeURIComponent(applicationId)}/owners?$select=id,displayName,userPrincipalName`,
});

export const servicePrincipalGrantsRequest = (servicePrincipalId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/oauth2PermissionGrants`,
});

export const servicePrincipalAssignmentsRequest = (servicePrincipalId: string): GraphRequest => ({
  method: 'GET',
  path: `/v1.0/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignments`,
});

/** Updates a registration by object id; a collection in `body` replaces the whole collection. */
export const updateApplicationRequest = (applicationId: string, body: Application): GraphRequest => ({
  method: 'PATCH',
  path: `/v1.0/applications/${encodeURIComponent(applicationId)}`,
  body,
});
