/**
 * The one PATCH that repairs the application object, merged with the registration as it was read. Microsoft Graph
 * replaces a whole collection (`requiredResourceAccess`, `web.redirectUris`) on update, so each collection is sent
 * in full: what the registration has, plus what the connectors need, minus only what the admin ticked for removal.
 * Pure.
 */
import type { Application, RequiredResourceAccess } from '@microsoft/microsoft-graph-types';
import { resourceApi } from '../catalog/resource-apis';
import { INSTANCE_PROPERTY_LOCK, type RegistrationPlan, type RepairFix } from '../plan/plan-types';

/** Azure AD Graph: retired, yet old registrations still request it. */
export const AZURE_AD_GRAPH_APP_ID = resourceApi('aad-graph').appId;

const accessKey = (resourceAppId: string, id: string, type: string) =>
  `${resourceAppId} ${id} ${type}`.toLowerCase();

/** `http:` (other than a loopback address) and wildcard redirect URIs: Microsoft advises against both. */
export function isUnsafeRedirectUri(uri: string): boolean {
  if (uri.includes('*')) return true;
  return /^http:\/\//i.test(uri) && !/^http:\/\/(localhost|127\.0\.0\.1)([:/]|$)/i.test(uri);
}

/** The requiredResourceAccess to send: current entries kept (less ticked removals), needed ones added. */
export function mergedResourceAccess(
  current: readonly RequiredResourceAccess[],
  wanted: readonly RequiredResourceAccess[],
  fixes: readonly RepairFix[],
): RequiredResourceAccess[] {
  const wantedKeys = new Set(
    wanted.flatMap((r) =>
      (r.resourceAccess ?? []).map((a) => accessKey(r.resourceAppId ?? '', a.id ?? '', a.type ?? '')),
    ),
  );
  const out = new Map<string, { resourceAppId: string; resourceAccess: { id: string; type: string }[] }>();
  const add = (resourceAppId: string, id: string, type: string) => {
    const entry = out.get(resourceAppId.toLowerCase()) ?? { resourceAppId, resourceAccess: [] };
    if (
      !entry.resourceAccess.some(
        (a) => accessKey(resourceAppId, a.id, a.type) === accessKey(resourceAppId, id, type),
      )
    )
      entry.resourceAccess.push({ id, type });
    out.set(resourceAppId.toLowerCase(), entry);
  };
  for (const r of current) {
    const appId = r.resourceAppId ?? '';
    const aadGraph = appId.toLowerCase() === AZURE_AD_GRAPH_APP_ID;
    for (const a of r.resourceAccess ?? []) {
      const needed = wantedKeys.has(accessKey(appId, a.id ?? '', a.type ?? ''));
      if (!needed && aadGraph && fixes.includes('removeAzureAdGraph')) continue;
      if (!needed && !aadGraph && fixes.includes('removeExtraPermissions')) continue;
      add(appId, a.id ?? '', a.type ?? '');
    }
  }
  if (fixes.includes('addPermissions')) {
    for (const r of wanted)
      for (const a of r.resourceAccess ?? []) add(r.resourceAppId ?? '', a.id ?? '', a.type ?? '');
  }
  return [...out.values()].filter((r) => r.resourceAccess.length > 0);
}

const sameAccess = (a: readonly RequiredResourceAccess[], b: readonly RequiredResourceAccess[]) => {
  const keys = (list: readonly RequiredResourceAccess[]) =>
    list
      .flatMap((r) =>
        (r.resourceAccess ?? []).map((x) => accessKey(r.resourceAppId ?? '', x.id ?? '', x.type ?? '')),
      )
      .sort()
      .join('\n');
  return keys(a) === keys(b);
};

/**
 * The update body for the chosen fixes, or null when the registration needs none of them. `wanted` is the plan's
 * requiredResourceAccess with the tenant's permission ids (the catalog's in the review).
 */
export function repairApplicationBody(
  current: Application,
  plan: RegistrationPlan,
  wanted: readonly RequiredResourceAccess[],
): Application | null {
  const fixes = plan.repair?.fixes ?? [];
  const body: Application = {};
  const currentAccess = current.requiredResourceAccess ?? [];
  const access = mergedResourceAccess(currentAccess, wanted, fixes);
  if (!sameAccess(access, currentAccess)) body.requiredResourceAccess = access;

  const currentUris = current.web?.redirectUris ?? [];
  let uris = [...currentUris];
  if (fixes.includes('removeUnsafeRedirectUris')) uris = uris.filter((u) => !isUnsafeRedirectUri(u));
  if (fixes.includes('addRedirectUris')) {
    for (const uri of plan.application.web.redirectUris) if (!uris.includes(uri)) uris.push(uri);
  }
  const implicit = current.web?.implicitGrantSettings;
  const idTokens =
    Boolean(implicit?.enableIdTokenIssuance) || (fixes.includes('idTokens') && plan.idTokens.enabled);
  const accessTokens = Boolean(implicit?.enableAccessTokenIssuance) && !fixes.includes('disableAccessTokens');
  const urisChanged = uris.join('\n') !== currentUris.join('\n');
  const implicitChanged =
    idTokens !== Boolean(implicit?.enableIdTokenIssuance) ||
    accessTokens !== Boolean(implicit?.enableAccessTokenIssuance);
  if (urisChanged || implicitChanged) {
    // The web object goes as a whole with what the registration has, so nothing in it is reset.
    body.web = {
      ...(current.web?.homePageUrl ? { homePageUrl: current.web.homePageUrl } : {}),
      ...(current.web?.logoutUrl ? { logoutUrl: current.web.logoutUrl } : {}),
      redirectUris: uris,
      implicitGrantSettings: { enableIdTokenIssuance: idTokens, enableAccessTokenIssuance: accessTokens },
    };
  }
  if (fixes.includes('signInAudience') && current.signInAudience !== plan.application.signInAudience) {
    body.signInAudience = plan.application.signInAudience;
  }
  if (fixes.includes('lock') && current.servicePrincipalLockConfiguration?.isEnabled !== true) {
    // Locks every sensitive property of the service principals made from this registration in other tenants.
    body.servicePrincipalLockConfiguration = INSTANCE_PROPERTY_LOCK;
  }
  return Object.keys(body).length > 0 ? body : null;
}
