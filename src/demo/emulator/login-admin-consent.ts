/**
 * `GET /{tenant}/v2.0/adminconsent`: the admin-consent hand-off URL. An administrator picks an account and
 * the emulator grants tenant-wide what the application's `requiredResourceAccess` lists (delegated scopes
 * as AllPrincipals grants, application permissions as app role assignments), then returns to
 * `redirect_uri?admin_consent=True&tenant=…&scope=…&state=…`.
 */
import { bytesToBase64Url } from './encoding';
import { errorPage, redirectError, redirectToClient } from './login-http';
import { signInPage } from './login-sign-in-page';
import { randomString } from './random';
import { isoSeconds } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import { newServicePrincipal } from './service-principal-store';
import type { StoredApplication, StoredServicePrincipal } from './state';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

function registeredRedirectUris(app: StoredApplication): string[] {
  return [
    ...(app.web?.redirectUris ?? []),
    ...(app.spa?.redirectUris ?? []),
    ...(app.publicClient?.redirectUris ?? []),
  ];
}

/** Validates the request and shows the account picker. */
export function handleAdminConsent(
  rt: Runtime,
  ctx: RequestContext,
  tenantSegment: string,
): EmulatorHttpResponse {
  const params = Object.fromEntries(ctx.url.searchParams.entries());
  const clientId = params['client_id']?.toLowerCase();
  if (!clientId)
    return errorPage(rt, 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = [...rt.state.applications.values()].find((a) => a.appId === clientId);
  if (!app) {
    return errorPage(
      rt,
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${rt.state.tenant.displayName}'.`,
    );
  }
  const redirectUri = params['redirect_uri'];
  if (!redirectUri || !registeredRedirectUris(app).includes(redirectUri)) {
    return errorPage(
      rt,
      50011,
      `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
    );
  }
  if (!params['scope']) {
    return redirectError(
      rt,
      { ...params, response_mode: 'query' },
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  const id = randomString(rt.random, 32);
  rt.state.pendingSignIns.set(id, {
    id,
    params: { ...params, response_mode: 'query' },
    tenantSegment,
    loginHost: ctx.host,
    kind: 'adminConsent',
  });
  return signInPage(rt, id, tenantSegment, { ...params, client_id: clientId });
}

function servicePrincipalFor(rt: Runtime, app: StoredApplication): StoredServicePrincipal {
  const existing = [...rt.state.servicePrincipals.values()].find((s) => s.appId === app.appId);
  if (existing) return existing;
  const sp = newServicePrincipal(rt, app, {});
  rt.state.servicePrincipals.set(sp.id, sp);
  return sp;
}

/** Grants every permission in the application's `requiredResourceAccess`, tenant-wide. */
function grantRequiredAccess(rt: Runtime, app: StoredApplication): void {
  const client = servicePrincipalFor(rt, app);
  const state = rt.state;
  for (const rra of app.requiredResourceAccess) {
    const resource = [...state.servicePrincipals.values()].find((s) => s.appId === rra.resourceAppId);
    if (!resource) continue;
    const access = rra.resourceAccess ?? [];
    const scopes = access
      .filter((a) => a.type === 'Scope')
      .map((a) => resource.oauth2PermissionScopes?.find((s) => s.id === a.id)?.value)
      .filter((v): v is string => !!v);
    if (scopes.length > 0) {
      const grant = [...state.oauth2PermissionGrants.values()].find(
        (g) => g.clientId === client.id && g.resourceId === resource.id && g.consentType === 'AllPrincipals',
      );
      if (grant) grant.scope = [...new Set([...grant.scope.split(' ').filter(Boolean), ...scopes])].join(' ');
      else {
        const id = bytesToBase64Url(rt.random(32));
        state.oauth2PermissionGrants.set(id, {
          id,
          clientId: client.id,
          consentType: 'AllPrincipals',
          principalId: null,
          resourceId: resource.id,
          scope: scopes.join(' '),
        });
      }
    }
    for (const a of access.filter((x) => x.type === 'Role')) {
      const role = resource.appRoles?.find((r) => r.id === a.id);
      const assigned = [...state.appRoleAssignments.values()].some(
        (x) => x.principalId === client.id && x.resourceId === resource.id && x.appRoleId === a.id,
      );
      if (!role?.id || assigned) continue;
      const id = bytesToBase64Url(rt.random(32));
      state.appRoleAssignments.set(id, {
        id,
        deletedDateTime: null,
        appRoleId: role.id,
        createdDateTime: isoSeconds(rt.now()),
        principalDisplayName: client.displayName,
        principalId: client.id,
        principalType: 'ServicePrincipal',
        resourceDisplayName: resource.displayName,
        resourceId: resource.id,
      });
    }
  }
}

/** After the account was picked: a non-admin gets AADSTS90094; an admin grants and returns `admin_consent=True`. */
export function completeAdminConsent(
  rt: Runtime,
  params: Record<string, string>,
  user: EmulatedUser,
): EmulatorHttpResponse {
  if (!user.isAdmin || rt.faults.signInError === 'AADSTS90094') {
    return redirectError(rt, params, 'access_denied', 90094, 'The grant requires admin permission.');
  }
  const app = [...rt.state.applications.values()].find((a) => a.appId === params['client_id']?.toLowerCase());
  if (app) grantRequiredAccess(rt, app);
  rt.state.sessions.add(user.oid);
  return redirectToClient(params['redirect_uri'] ?? '', 'query', [
    ['admin_consent', 'True'],
    ['tenant', rt.state.tenant.id],
    ['scope', params['scope']],
    ['state', params['state']],
  ]);
}
