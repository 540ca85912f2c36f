/**
 * Registrations that exist before the wizard arrives, made "by hand" with drift: a permission missing, ID tokens off,
 * a secret about to expire, no consent, no service principal, one owner. Check-and-repair tests and the demo's
 * `?demo=drifted` start from these. They carry no `uniqueName` unless one is given: the portal never sets it.
 */
import { newApplication } from './application-store';
import { randomString, SECRET_ALPHABET } from './random';
import type { Runtime } from './runtime';
import { isoSeconds } from './runtime';
import { newServicePrincipal } from './service-principal-store';
import type { StoredApplication } from './state';

const DAY_MS = 86_400_000;

/** One permission the seeded registration requests, by its value on the resource API. */
export interface SeededPermission {
  readonly resourceAppId: string;
  readonly value: string;
  readonly type: 'Scope' | 'Role';
}

/** What a seeded registration looks like. Every field but `displayName` is optional. */
export interface SeededApplication {
  readonly displayName: string;
  /** Default none (a registration made in the portal). */
  readonly uniqueName?: string;
  /** Default `AzureADMultipleOrgs`. */
  readonly signInAudience?: string;
  readonly redirectUris?: readonly string[];
  readonly idTokens?: boolean;
  readonly accessTokens?: boolean;
  readonly permissions?: readonly SeededPermission[];
  /** Client secrets, each ending this many days from now (negative: expired). */
  readonly secrets?: readonly { readonly displayName: string; readonly expiresInDays: number }[];
  /** Default true. */
  readonly servicePrincipal?: boolean;
  /** Grant every requested permission tenant-wide. Needs the service principal. Default false. */
  readonly consent?: boolean;
  /** Owners' user object ids. Default: the tenant's first user. */
  readonly owners?: readonly string[];
  /** The app instance property lock. Default off. */
  readonly lock?: boolean;
}

/** Adds the registration to the tenant, visible at once, and returns it as stored. */
export function seedApplication(rt: Runtime, spec: SeededApplication): StoredApplication {
  const { state } = rt;
  const app = newApplication(rt, spec.displayName);
  app.signInAudience = spec.signInAudience ?? 'AzureADMultipleOrgs';
  if (spec.uniqueName) app.uniqueName = spec.uniqueName;
  app.web = {
    ...app.web,
    redirectUris: [...(spec.redirectUris ?? [])],
    implicitGrantSettings: {
      enableIdTokenIssuance: spec.idTokens ?? false,
      enableAccessTokenIssuance: spec.accessTokens ?? false,
    },
  };
  if (spec.lock) app.servicePrincipalLockConfiguration = { isEnabled: true, allProperties: true };
  const resources = [...state.servicePrincipals.values()];
  const ids = (p: SeededPermission): string => {
    const sp = resources.find((r) => r.appId === p.resourceAppId);
    const found =
      p.type === 'Scope'
        ? sp?.oauth2PermissionScopes?.find((s) => s.value === p.value)?.id
        : sp?.appRoles?.find((r) => r.value === p.value)?.id;
    if (!found) throw new Error(`The emulated tenant has no ${p.type} ${p.value} on ${p.resourceAppId}.`);
    return found;
  };
  const byResource = new Map<string, { id: string; type: string }[]>();
  for (const p of spec.permissions ?? []) {
    const list = byResource.get(p.resourceAppId) ?? [];
    list.push({ id: ids(p), type: p.type });
    byResource.set(p.resourceAppId, list);
  }
  app.requiredResourceAccess = [...byResource].map(([resourceAppId, resourceAccess]) => ({
    resourceAppId,
    resourceAccess,
  }));
  const now = rt.now();
  app.passwordCredentials = (spec.secrets ?? []).map((s) => {
    const secretText = randomString(rt.random, 40, SECRET_ALPHABET);
    return {
      customKeyIdentifier: null,
      displayName: s.displayName,
      startDateTime: isoSeconds(now - 300 * DAY_MS),
      endDateTime: isoSeconds(now + s.expiresInDays * DAY_MS),
      hint: secretText.slice(0, 3),
      keyId: rt.newId(),
      secretText,
    };
  });
  state.applications.set(app.id, app);
  const firstUser = state.users[0]?.oid;
  state.applicationOwners.set(app.id, [...(spec.owners ?? (firstUser ? [firstUser] : []))]);
  if (spec.servicePrincipal ?? true) {
    const sp = newServicePrincipal(rt, app, {});
    state.servicePrincipals.set(sp.id, sp);
    if (spec.consent) {
      for (const [resourceAppId] of byResource) {
        const resource = resources.find((r) => r.appId === resourceAppId);
        if (!resource) continue;
        const perms = (spec.permissions ?? []).filter((p) => p.resourceAppId === resourceAppId);
        const scopes = perms.filter((p) => p.type === 'Scope').map((p) => p.value);
        if (scopes.length) {
          const id = rt.newId();
          state.oauth2PermissionGrants.set(id, {
            id,
            clientId: sp.id,
            consentType: 'AllPrincipals',
            principalId: null,
            resourceId: resource.id,
            scope: scopes.join(' '),
          });
        }
        for (const p of perms.filter((q) => q.type === 'Role')) {
          const id = rt.newId();
          state.appRoleAssignments.set(id, {
            id,
            principalId: sp.id,
            principalType: 'ServicePrincipal',
            principalDisplayName: sp.displayName,
            resourceId: resource.id,
            resourceDisplayName: resource.displayName,
            appRoleId: ids(p),
            createdDateTime: isoSeconds(now),
          });
        }
      }
    }
  }
  return app;
}
