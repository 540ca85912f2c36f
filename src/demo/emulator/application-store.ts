/** Application objects: defaults for a new one, lookup by id/appId/uniqueName, and the shape Graph returns. */
import type { Application } from '@microsoft/microsoft-graph-types';
import type { GraphContext } from './graph-http';
import type { Segment } from './graph-odata';
import { isVisible } from './replication';
import { isoSeconds } from './runtime';
import type { Runtime } from './runtime';
import type { StoredApplication } from './state';

/** A new application with every property Graph returns on create, at its default. */
export function newApplication(rt: Runtime, displayName: string): StoredApplication {
  return {
    id: rt.newId(),
    deletedDateTime: null,
    appId: rt.newId(),
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: isoSeconds(rt.now()),
    displayName,
    description: null,
    groupMembershipClaims: null,
    identifierUris: [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: null,
    nativeAuthenticationApisEnabled: null,
    notes: null,
    publisherDomain: rt.state.tenant.initialDomain,
    serviceManagementReference: null,
    signInAudience: 'AzureADandPersonalMicrosoftAccount',
    tags: [],
    tokenEncryptionKeyId: null,
    uniqueName: null,
    samlMetadataUrl: null,
    defaultRedirectUri: null,
    certification: null,
    optionalClaims: null,
    requestSignatureVerification: null,
    servicePrincipalLockConfiguration: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: null,
      oauth2PermissionScopes: [],
      preAuthorizedApplications: [],
    },
    appRoles: [],
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null,
    },
    keyCredentials: [],
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    passwordCredentials: [],
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: null,
      logoutUrl: null,
      redirectUris: [],
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
      redirectUriSettings: [],
    },
    spa: { redirectUris: [] },
  };
}

/**
 * The application as Graph returns it: secrets never carry `secretText`, and certificates carry `key` only
 * when `includeKeys` (a single object read with `$select=keyCredentials`).
 */
export function renderApplication(app: StoredApplication, includeKeys: boolean): Application {
  const copy = structuredClone(app);
  return {
    ...copy,
    keyCredentials: copy.keyCredentials.map((k) => ({ ...k, key: includeKeys ? k.key : null })),
    passwordCredentials: copy.passwordCredentials.map((p) => ({ ...p, secretText: null })),
  };
}

/** The application a path segment addresses (`applications/{id}` or `applications(appId|uniqueName='…')`). */
export function findApplication(
  g: GraphContext,
  property: string,
  value: string,
): StoredApplication | undefined {
  const lower = value.toLowerCase();
  const app = [...g.rt.state.applications.values()].find((a) => {
    if (property === 'id') return a.id === lower;
    if (property === 'appId') return a.appId === lower;
    if (property === 'uniqueName') return a.uniqueName?.toLowerCase() === lower;
    return false;
  });
  return app && isVisible(g, app.id) ? app : undefined;
}

/** The key (property and value) a path addresses: `[applications, {id}]` or `[applications(key)]`. */
export function addressedKey(segments: readonly Segment[]): { property: string; value: string } | undefined {
  const [first, second] = segments;
  if (first?.key) return first.key;
  return second ? { property: 'id', value: second.name } : undefined;
}
