/** Scope parsing and the consent model of the emulated sign-in service. */
import { defaultGraphResource, isGraphHost } from './hosts';
import type { Runtime } from './runtime';
import { consentKey } from './state';

/** The Microsoft Graph application id. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

/** A `scope` parameter split into the Graph resource and its permissions. */
export interface ParsedScopes {
  /** e.g. `https://graph.microsoft.com`. */
  readonly resource: string;
  /** Permission values without the resource prefix (may include `.default`). */
  readonly permissions: readonly string[];
  /** Whether `offline_access` was asked for (a refresh token is issued only then). */
  readonly offlineAccess: boolean;
}

/** The reason a `scope` parameter is rejected. */
export interface ScopeError {
  readonly code: number;
  readonly error: string;
  readonly description: string;
}

/** Splits a space-separated `scope`; only Graph (of any cloud) is an emulated resource. */
export function parseScopes(scopeParam: string, loginHost: string): ParsedScopes | ScopeError {
  let resource: string | undefined;
  const permissions: string[] = [];
  let offlineAccess = false;
  for (const raw of scopeParam.split(/\s+/).filter(Boolean)) {
    const lower = raw.toLowerCase();
    if (OIDC_SCOPES.has(lower)) {
      if (lower === 'offline_access') offlineAccess = true;
      continue;
    }
    const m = /^(https:\/\/[^/]+)\/(.+)$/i.exec(raw);
    const res = m?.[1]?.toLowerCase() ?? defaultGraphResource(loginHost);
    const value = m?.[2] ?? raw;
    if (m && !isGraphHost(new URL(res).host)) {
      return {
        code: 500011,
        error: 'invalid_resource',
        description: `The resource principal named ${res} was not found in the tenant.`,
      };
    }
    if (resource !== undefined && resource !== res) {
      return {
        code: 28000,
        error: 'invalid_scope',
        description:
          'Provided value for the input parameter scope is not valid because it contains more than one resource.',
      };
    }
    resource = res;
    permissions.push(value);
  }
  return { resource: resource ?? defaultGraphResource(loginHost), permissions, offlineAccess };
}

/** True when parsing failed. */
export function isScopeError(value: ParsedScopes | ScopeError): value is ScopeError {
  return 'error' in value;
}

/** Graph's delegated permission with this value, if the seeded Graph service principal has it. */
export function graphScope(rt: Runtime, value: string): { value: string; admin: boolean } | undefined {
  const graph = [...rt.state.servicePrincipals.values()].find((sp) => sp.appId === GRAPH_APP_ID);
  const found = graph?.oauth2PermissionScopes?.find((s) => s.value?.toLowerCase() === value.toLowerCase());
  return found?.value ? { value: found.value, admin: found.type === 'Admin' } : undefined;
}

/**
 * The Graph scopes a user has consented to for a client: the user's own consents plus tenant-wide
 * (AllPrincipals) grants to the client's service principal, if it exists in the emulated directory.
 */
export function consentedScopes(rt: Runtime, clientId: string, userOid: string): Set<string> {
  const out = new Set(rt.state.userConsents.get(consentKey(clientId, userOid)) ?? []);
  const clientSp = [...rt.state.servicePrincipals.values()].find(
    (sp) => sp.appId.toLowerCase() === clientId.toLowerCase(),
  );
  const graph = [...rt.state.servicePrincipals.values()].find((sp) => sp.appId === GRAPH_APP_ID);
  if (clientSp && graph) {
    for (const g of rt.state.oauth2PermissionGrants.values()) {
      const forUser = g.consentType === 'AllPrincipals' || g.principalId === userOid;
      if (g.clientId === clientSp.id && g.resourceId === graph.id && forUser) {
        for (const s of g.scope.split(' ').filter(Boolean)) out.add(s);
      }
    }
  }
  return out;
}

/** Canonical spelling of a permission value (the Graph SP's casing when known). */
export function canonicalScope(rt: Runtime, value: string): string {
  return graphScope(rt, value)?.value ?? value;
}

/** The requested permissions not yet consented (`.default` never needs new consent). */
export function missingConsent(
  rt: Runtime,
  clientId: string,
  userOid: string,
  permissions: readonly string[],
) {
  const have = new Set([...consentedScopes(rt, clientId, userOid)].map((s) => s.toLowerCase()));
  return permissions.filter((p) => p !== '.default' && !have.has(p.toLowerCase()));
}

/** Records the user's consent to the requested permissions. */
export function recordConsent(
  rt: Runtime,
  clientId: string,
  userOid: string,
  permissions: readonly string[],
): void {
  const key = consentKey(clientId, userOid);
  const set = rt.state.userConsents.get(key) ?? new Set<string>();
  for (const p of permissions) if (p !== '.default') set.add(canonicalScope(rt, p));
  if (set.size === 0) set.add('User.Read');
  rt.state.userConsents.set(key, set);
}
