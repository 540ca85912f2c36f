/** Service principal objects for applications of the emulated tenant. */
import type { Runtime } from './runtime';
import type { StoredApplication, StoredServicePrincipal } from './state';

/**
 * A new service principal for an application (what `POST /servicePrincipals` and admin consent create):
 * names, roles and scopes copied from the application, `body` properties on top.
 */
export function newServicePrincipal(
  rt: Runtime,
  app: StoredApplication,
  body: Record<string, unknown>,
): StoredServicePrincipal {
  return {
    id: rt.newId(),
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: [],
    appDescription: app.description ?? null,
    appDisplayName: app.displayName,
    appId: app.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: rt.state.tenant.id,
    appRoleAssignmentRequired: false,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: app.displayName,
    homepage: app.web?.homePageUrl ?? null,
    loginUrl: null,
    logoutUrl: app.web?.logoutUrl ?? null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: [
      ...(app.web?.redirectUris ?? []),
      ...(app.spa?.redirectUris ?? []),
      ...(app.publicClient?.redirectUris ?? []),
    ],
    servicePrincipalNames: [app.appId, ...(app.identifierUris ?? [])],
    servicePrincipalType: 'Application',
    signInAudience: app.signInAudience ?? null,
    tags: [],
    tokenEncryptionKeyId: null,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    addIns: [],
    appRoles: structuredClone(app.appRoles ?? []),
    info: structuredClone(app.info ?? {}),
    keyCredentials: [],
    oauth2PermissionScopes: structuredClone(app.api?.oauth2PermissionScopes ?? []),
    passwordCredentials: [],
    ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'appId')),
  };
}
