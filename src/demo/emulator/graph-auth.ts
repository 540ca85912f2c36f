/** Bearer-token checks and the delegated permissions each Graph operation needs. */
import { graphError } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

/**
 * Delegated scopes accepted per kind of operation. Writes accept only the least-privileged permission the
 * wizard asks for, so a missing consent shows up as a 403 exactly as it would for the app in a real tenant.
 */
export const REQUIRED_SCOPES = {
  readApplications: ['Application.Read.All', 'Application.ReadWrite.All', ...DIRECTORY_READ],
  writeApplications: ['Application.ReadWrite.All'],
  readGrants: [
    'DelegatedPermissionGrant.Read.All',
    'DelegatedPermissionGrant.ReadWrite.All',
    'Application.Read.All',
    'Application.ReadWrite.All',
    ...DIRECTORY_READ,
  ],
  writeGrants: ['DelegatedPermissionGrant.ReadWrite.All'],
  readAssignments: [
    'Application.Read.All',
    'Application.ReadWrite.All',
    'AppRoleAssignment.ReadWrite.All',
    ...DIRECTORY_READ,
  ],
  writeAssignments: ['AppRoleAssignment.ReadWrite.All'],
  readMe: [
    'User.Read',
    'User.ReadWrite',
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    ...DIRECTORY_READ,
  ],
  readOrganization: ['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', ...DIRECTORY_READ],
  // learn.microsoft.com/graph/api/authorizationpolicy-get, adminconsentrequestpolicy-get
  readAuthorizationPolicy: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'],
  readConsentRequestPolicy: [
    'Policy.Read.All',
    'Policy.ReadWrite.ConsentRequest',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  // permissiongrantpolicy-get
  readPermissionGrantPolicies: [
    'Policy.Read.PermissionGrant',
    'Policy.Read.All',
    'Policy.ReadWrite.PermissionGrant',
  ],
  // tenantappmanagementpolicy-get, appmanagementpolicy-list, application-list-appmanagementpolicies
  readAppManagementPolicies: [
    'Policy.Read.All',
    'Policy.Read.ApplicationConfiguration',
    'Policy.ReadWrite.ApplicationConfiguration',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The kinds of operation in {@link REQUIRED_SCOPES}. */
export type OperationKind = keyof typeof REQUIRED_SCOPES;

function unauthorized(g: GraphContext, message: string): EmulatorHttpResponse {
  return graphError(g, 401, 'InvalidAuthenticationToken', message, {
    headers: {
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
        'client_id="00000003-0000-0000-c000-000000000000"',
    },
  });
}

/** Accepts only access tokens this emulator issued, for this Graph host, not expired. */
export function authenticate(g: GraphContext): EmulatorHttpResponse | undefined {
  const auth = g.req.headers['authorization'] ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
  if (!m?.[1]) return unauthorized(g, 'Access token is empty.');
  const token = g.rt.state.accessTokens.get(m[1]);
  if (!token) return unauthorized(g, 'Access token validation failure. Invalid signature or token format.');
  if (token.audience !== `https://${g.req.host}`) {
    return unauthorized(g, 'Access token validation failure. Invalid audience.');
  }
  if (g.rt.now() >= token.expiresAt)
    return unauthorized(g, 'Lifetime validation failed, the token is expired.');
  g.token = token;
  const user = g.rt.state.users.find((u) => u.oid === token.userOid);
  if (user) g.user = user;
  return undefined;
}

/** 403 Authorization_RequestDenied unless the token's `scp` has one of the scopes the operation needs. */
export function requireScope(g: GraphContext, kind: OperationKind): EmulatorHttpResponse | undefined {
  const have = new Set((g.token?.scopes ?? []).map((s) => s.toLowerCase()));
  const ok = REQUIRED_SCOPES[kind].some((s) => have.has(s.toLowerCase()));
  return ok
    ? undefined
    : graphError(g, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}
