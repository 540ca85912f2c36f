/**
 * First-party resource service principals (Microsoft Graph, SharePoint, Office 365 Management APIs, Azure AD
 * Graph), seeded from the permission catalogue in `src/catalog/microsoft-permissions.source.json`.
 */
import type { AppRole, PermissionScope } from '@microsoft/microsoft-graph-types';
import type { StoredServicePrincipal } from './state';

/** The shape of `microsoft-permissions.source.json` that the emulator reads. */
export interface PermissionSource {
  readonly resources: readonly {
    readonly appId: string;
    readonly displayName: string;
    readonly permissions: readonly {
      readonly value: string;
      readonly type: string;
      readonly id: string | null;
      readonly exists: boolean;
      readonly adminConsentRequired?: boolean | null;
      readonly note?: string | null;
    }[];
  }[];
}

/** The tenant that owns Microsoft's first-party apps (`appOwnerOrganizationId` of their service principals). */
export const MICROSOFT_SERVICES_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

/**
 * The catalogue notes that Office 365 Management APIs (ActivityFeed.Read) and Azure AD Graph
 * (Directory.ReadWrite.All) expose a delegated scope with the same GUID as the app role; such a note on a
 * Role entry seeds the Scope too.
 */
function roleSharesIdWithScope(note: string | null | undefined): boolean {
  return (
    !!note &&
    /(share (?:the )?same GUID|share one GUID|same GUID)/i.test(note) &&
    /delegated|scope/i.test(note)
  );
}

function scope(id: string, value: string, admin: boolean): PermissionScope {
  return {
    id,
    value,
    type: admin ? 'Admin' : 'User',
    isEnabled: true,
    origin: 'Application',
    adminConsentDisplayName: value,
    adminConsentDescription: `Allows the app to use ${value} on behalf of the signed-in user.`,
    userConsentDisplayName: admin ? null : value,
    userConsentDescription: admin ? null : `Allows the app to use ${value} on your behalf.`,
  };
}

function role(id: string, value: string): AppRole {
  return {
    id,
    value,
    allowedMemberTypes: ['Application'],
    isEnabled: true,
    origin: 'Application',
    displayName: value,
    description: `Allows the app to use ${value} without a signed-in user.`,
  };
}

/** Builds the resource service principals; `newId` gives each its object id. */
export function seedServicePrincipals(
  source: PermissionSource,
  newId: () => string,
): StoredServicePrincipal[] {
  return source.resources.map((resource) => {
    const scopes = new Map<string, PermissionScope>();
    const roles = new Map<string, AppRole>();
    for (const p of resource.permissions) {
      if (!p.exists || !p.id) continue;
      if (p.type === 'Scope') {
        scopes.set(p.id, scope(p.id, p.value, p.adminConsentRequired ?? false));
      } else if (p.type === 'Role') {
        roles.set(p.id, role(p.id, p.value));
        if (roleSharesIdWithScope(p.note) && !scopes.has(p.id)) scopes.set(p.id, scope(p.id, p.value, true));
      }
    }
    const displayName = resource.displayName.replace(/\s*\(.*\)\s*$/, '');
    return {
      id: newId(),
      appId: resource.appId,
      displayName,
      appDisplayName: displayName,
      accountEnabled: true,
      appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
      servicePrincipalNames: [resource.appId],
      servicePrincipalType: 'Application',
      signInAudience: 'AzureADMultipleOrgs',
      appRoles: [...roles.values()],
      oauth2PermissionScopes: [...scopes.values()],
      keyCredentials: [],
      passwordCredentials: [],
      replyUrls: [],
      tags: [],
    };
  });
}
