/**
 * Judges a registration that exists against what the chosen connectors need: one checklist item per question a
 * support engineer asks, each ok, a warning or an error, with what it means and what Repair does about it. Pure:
 * the reads are in `registration-check.ts`, the fixes in `repair-body.ts`.
 */
import type { ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { graphAccessType } from '../catalog/permissions';
import { resourceApi } from '../catalog/resource-apis';
import type { PlannedPermission, RegistrationPlan, RepairFix } from '../plan/plan-types';
import { credentialsItem, type CredentialExpiry } from './checklist-credentials';
import type { RegistrationSnapshot } from './registration-check';
import { AZURE_AD_GRAPH_APP_ID, isUnsafeRedirectUri } from './repair-body';

export type CheckStatus = 'ok' | 'warning' | 'error';

export type CheckId =
  | 'service-principal'
  | 'permissions-missing'
  | 'permissions-extra'
  | 'azure-ad-graph'
  | 'consent'
  | 'redirect-uris'
  | 'id-tokens'
  | 'sign-in-audience'
  | 'credentials'
  | 'unique-name'
  | 'lock'
  | 'owners'
  | 'implicit-access-tokens'
  | 'unsafe-redirect-uris'
  | 'publisher';

/** One line of a detail list (a permission and its consent, say). */
export interface CheckDetail {
  readonly label: string;
  readonly status: CheckStatus;
  readonly note?: string;
}

export interface ChecklistItem {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** What the check found, in plain words. */
  readonly finding: string;
  /** Why it matters for the connectors. */
  readonly meaning: string;
  /** What Repair does about it, or what the admin does instead when Repair cannot. */
  readonly remedy: string;
  /** The fix Repair applies for it; absent when Repair cannot fix it (or nothing is wrong). */
  readonly fix?: RepairFix;
  /**
   * The fix removes something, or cannot be undone: Repair applies it only when the admin ticks it, never by
   * default.
   */
  readonly optIn?: boolean;
  readonly details?: readonly CheckDetail[];
  readonly link?: { readonly href: string; readonly label: string };
  /** For the credentials item: each credential with its expiry (rotation's hook). */
  readonly credentials?: readonly CredentialExpiry[];
  /** For the credentials item: the kinds the platform needs that the registration has none of. */
  readonly missingCredentials?: readonly CredentialExpiry['type'][];
}

const PUBLISHER_VERIFICATION_URL =
  'https://learn.microsoft.com/entra/identity-platform/mark-app-as-publisher-verified';
const OWNERS_URL = 'https://learn.microsoft.com/entra/identity/enterprise-apps/assign-app-owners';
const LOCK_URL =
  'https://learn.microsoft.com/entra/identity-platform/howto-configure-app-instance-property-locks';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const kindWord = (p: PlannedPermission) => (p.kind === 'delegated' ? 'delegated' : 'application');
const label = (p: PlannedPermission) => `${resourceApi(p.api).displayName} ${p.name} (${kindWord(p)})`;

function requested(snapshot: RegistrationSnapshot): Set<string> {
  return new Set(
    (snapshot.application.requiredResourceAccess ?? []).flatMap((r) =>
      (r.resourceAccess ?? []).map((a) =>
        `${r.resourceAppId ?? ''}|${a.id ?? ''}|${a.type ?? ''}`.toLowerCase(),
      ),
    ),
  );
}

/** The tenant's id of a planned permission (by name on the resource's service principal), else the catalog's. */
function tenantIdOf(p: PlannedPermission, resource: ServicePrincipal | null | undefined): string {
  const found =
    p.kind === 'delegated'
      ? resource?.oauth2PermissionScopes?.find((s) => s.value === p.name)?.id
      : resource?.appRoles?.find((r) => r.value === p.name)?.id;
  return (found ?? p.id).toLowerCase();
}

const keyOf = (p: PlannedPermission, snapshot: RegistrationSnapshot) => {
  const appId = resourceApi(p.api).appId;
  return `${appId}|${tenantIdOf(p, snapshot.resources.get(appId))}|${graphAccessType[p.kind]}`.toLowerCase();
};

/** The name of a permission the registration requests, from its resource's service principal. */
function nameOf(snapshot: RegistrationSnapshot, resourceAppId: string, id: string, type: string): string {
  const sp = snapshot.resources.get(resourceAppId);
  const name =
    type === 'Scope'
      ? sp?.oauth2PermissionScopes?.find((s) => s.id?.toLowerCase() === id.toLowerCase())?.value
      : sp?.appRoles?.find((r) => r.id?.toLowerCase() === id.toLowerCase())?.value;
  const api = sp?.displayName ?? resourceAppId;
  return `${api} ${name ?? id} (${type === 'Scope' ? 'delegated' : 'application'})`;
}

function servicePrincipalItem(s: RegistrationSnapshot): ChecklistItem {
  const ok = s.servicePrincipal !== null;
  return {
    id: 'service-principal',
    title: 'Enterprise application (service principal)',
    status: ok ? 'ok' : 'error',
    finding: ok ? 'It exists in this tenant.' : 'The registration has no service principal in this tenant.',
    meaning: 'Without it nobody in the tenant can sign in to the connectors, and no consent can be granted.',
    remedy: ok ? 'Nothing to do.' : 'Repair creates it.',
    ...(ok ? {} : { fix: 'servicePrincipal' as const }),
  };
}

function missingPermissionsItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const have = requested(s);
  const missing = plan.permissions.filter((p) => !have.has(keyOf(p, s)));
  return {
    id: 'permissions-missing',
    title: 'Permissions the connectors need',
    status: missing.length ? 'error' : 'ok',
    finding: missing.length
      ? `${plural(missing.length, 'permission')} missing: ${missing.map(label).join(', ')}.`
      : `All ${plural(plan.permissions.length, 'permission')} are requested.`,
    meaning: 'A connector whose permission is missing fails when it reads or writes that data.',
    remedy: missing.length
      ? 'Repair adds them, keeping every permission the registration has.'
      : 'Nothing to do.',
    ...(missing.length ? { fix: 'addPermissions' as const } : {}),
    details: plan.permissions.map((p) => ({
      label: label(p),
      status: have.has(keyOf(p, s)) ? ('ok' as const) : ('error' as const),
    })),
  };
}

function extraPermissions(s: RegistrationSnapshot, plan: RegistrationPlan, aadGraph: boolean): string[] {
  const wanted = new Set(plan.permissions.map((p) => keyOf(p, s)));
  return (s.application.requiredResourceAccess ?? []).flatMap((r) => {
    const appId = (r.resourceAppId ?? '').toLowerCase();
    if ((appId === AZURE_AD_GRAPH_APP_ID) !== aadGraph) return [];
    return (r.resourceAccess ?? []).flatMap((a) =>
      wanted.has(`${appId}|${a.id ?? ''}|${a.type ?? ''}`.toLowerCase())
        ? []
        : [nameOf(s, r.resourceAppId ?? '', a.id ?? '', a.type ?? '')],
    );
  });
}

function extraPermissionsItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const extra = extraPermissions(s, plan, false);
  return {
    id: 'permissions-extra',
    title: 'Permissions beyond what the connectors need',
    status: extra.length ? 'warning' : 'ok',
    finding: extra.length
      ? `${plural(extra.length, 'permission')} the chosen connectors do not use: ${extra.join(', ')}.`
      : 'None.',
    meaning:
      'Extra permissions widen what a leaked secret can reach. Another connector or tool may still use them: check before removing.',
    remedy: extra.length ? 'Repair removes them only if you tick it; otherwise they stay.' : 'Nothing to do.',
    ...(extra.length ? { fix: 'removeExtraPermissions' as const, optIn: true } : {}),
  };
}

function azureAdGraphItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const old = extraPermissions(s, plan, true);
  return {
    id: 'azure-ad-graph',
    title: 'Azure AD Graph permissions',
    status: old.length ? 'warning' : 'ok',
    finding: old.length ? `Still requested: ${old.join(', ')}.` : 'None requested.',
    meaning: 'Azure AD Graph is retired: these permissions no longer give access to anything.',
    remedy: old.length ? 'Repair removes them if you tick it.' : 'Nothing to do.',
    ...(old.length ? { fix: 'removeAzureAdGraph' as const, optIn: true } : {}),
  };
}

function consentItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const sp = s.servicePrincipal;
  const details: CheckDetail[] = plan.permissions.map((p) => {
    const resource = s.resources.get(resourceApi(p.api).appId);
    let granted = false;
    if (sp && resource?.id) {
      if (p.kind === 'delegated') {
        granted = s.delegatedGrants.some(
          (g) =>
            g.consentType === 'AllPrincipals' &&
            g.resourceId === resource.id &&
            (g.scope ?? '').split(' ').some((scope) => scope.toLowerCase() === p.name.toLowerCase()),
        );
      } else {
        const roleId = tenantIdOf(p, resource);
        granted = s.appRoleAssignments.some(
          (a) => a.resourceId === resource.id && a.appRoleId?.toLowerCase() === roleId,
        );
      }
    }
    if (granted) return { label: label(p), status: 'ok' };
    return p.adminConsentRequired
      ? { label: label(p), status: 'error', note: 'only an administrator can consent' }
      : { label: label(p), status: 'warning', note: 'each user is asked at first sign-in' };
  });
  const missing = details.filter((d) => d.status !== 'ok');
  const status: CheckStatus = missing.some((d) => d.status === 'error')
    ? 'error'
    : missing.length
      ? 'warning'
      : 'ok';
  return {
    id: 'consent',
    title: 'Admin consent',
    status,
    finding: missing.length
      ? `${plural(missing.length, 'permission')} of ${plan.permissions.length} not granted tenant-wide.`
      : `All ${plural(plan.permissions.length, 'permission')} are granted tenant-wide.`,
    meaning:
      'Without tenant-wide consent, a permission only an administrator can grant stops every user at "Need admin approval"; the others ask each user.',
    remedy: missing.length
      ? 'Repair grants tenant-wide admin consent for every permission the connectors need (what is granted stays).'
      : 'Nothing to do.',
    ...(missing.length ? { fix: 'consent' as const } : {}),
    details,
  };
}

function redirectUrisItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const have = s.application.web?.redirectUris ?? [];
  const missing = plan.application.web.redirectUris.filter((u) => !have.includes(u));
  return {
    id: 'redirect-uris',
    title: 'Redirect URIs',
    status: missing.length ? 'error' : 'ok',
    finding: missing.length
      ? `Missing: ${missing.join(', ')}.`
      : `Every redirect URI the connectors use is registered (${have.length} in all).`,
    meaning: 'Sign-in fails with AADSTS50011 (redirect URI mismatch) for a connector whose URI is missing.',
    remedy: missing.length ? 'Repair adds them, keeping the URIs the registration has.' : 'Nothing to do.',
    ...(missing.length ? { fix: 'addRedirectUris' as const } : {}),
  };
}

function idTokensItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const on = Boolean(s.application.web?.implicitGrantSettings?.enableIdTokenIssuance);
  const needed = plan.idTokens.enabled;
  const bad = needed && !on;
  return {
    id: 'id-tokens',
    title: 'ID tokens',
    status: bad ? 'error' : 'ok',
    finding: `ID tokens are ${on ? 'on' : 'off'}${needed ? '; admin accounts need them' : '; no chosen connector needs them'}.`,
    meaning: 'Admin-account connections sign in with an ID token; with it off they fail.',
    remedy: bad ? 'Repair turns ID tokens on.' : 'Nothing to do.',
    ...(bad ? { fix: 'idTokens' as const } : {}),
  };
}

function audienceItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const audience = s.application.signInAudience ?? '(not set)';
  const bad = audience !== plan.application.signInAudience;
  return {
    id: 'sign-in-audience',
    title: 'Supported account types (signInAudience)',
    status: bad ? 'error' : 'ok',
    finding: `It is ${audience}.`,
    meaning:
      'The connectors sign in work and school accounts of any organization (AzureADMultipleOrgs), never personal Microsoft accounts.',
    remedy: bad ? `Repair sets it to ${plan.application.signInAudience}.` : 'Nothing to do.',
    ...(bad ? { fix: 'signInAudience' as const } : {}),
  };
}

function uniqueNameItem(s: RegistrationSnapshot, plan: RegistrationPlan): ChecklistItem {
  const name = s.application.uniqueName;
  return {
    id: 'unique-name',
    title: 'Unique name',
    status: name ? 'ok' : 'warning',
    finding: name ? `It is ${name}.` : 'The registration has no unique name: the wizard did not create it.',
    meaning:
      'Later runs of the wizard find a registration by its unique name, and update it instead of creating another.',
    remedy: name
      ? 'Nothing to do.'
      : `Repair sets it to ${plan.application.uniqueName} if you tick it. A unique name can be set once and never changed.`,
    ...(name ? {} : { fix: 'uniqueName' as const, optIn: true }),
  };
}

function lockItem(s: RegistrationSnapshot): ChecklistItem {
  const on = s.application.servicePrincipalLockConfiguration?.isEnabled === true;
  return {
    id: 'lock',
    title: 'App instance property lock',
    status: on ? 'ok' : 'warning',
    finding: on ? 'It is on.' : 'It is off.',
    meaning:
      'With the lock off, an administrator of another tenant where the app is used can add credentials to its service principal there.',
    remedy: on ? 'Nothing to do.' : 'Repair turns it on for every sensitive property.',
    ...(on ? {} : { fix: 'lock' as const }),
    link: { href: LOCK_URL, label: 'About the app instance property lock' },
  };
}

function ownersItem(s: RegistrationSnapshot): ChecklistItem {
  const owners = s.owners;
  const status: CheckStatus = owners === null || owners.length < 2 ? 'warning' : 'ok';
  return {
    id: 'owners',
    title: 'Owners',
    status,
    finding:
      owners === null
        ? 'The owners could not be read.'
        : `${plural(owners.length, 'owner')}${owners.length ? `: ${owners.map((o) => o.displayName ?? o.id).join(', ')}` : ''}.`,
    meaning: 'With fewer than two owners, nobody else can look after the registration when its owner leaves.',
    remedy:
      status === 'ok' ? 'Nothing to do.' : 'Add a second owner in the Microsoft Entra admin center (Owners).',
    link: { href: OWNERS_URL, label: 'How to assign owners' },
  };
}

function implicitAccessItem(s: RegistrationSnapshot): ChecklistItem {
  const on = Boolean(s.application.web?.implicitGrantSettings?.enableAccessTokenIssuance);
  return {
    id: 'implicit-access-tokens',
    title: 'Implicit grant of access tokens',
    status: on ? 'warning' : 'ok',
    finding: on ? 'Access tokens can be issued by the implicit flow.' : 'Off.',
    meaning: 'No connector uses it; Microsoft advises against the implicit flow for access tokens.',
    remedy: on ? 'Repair turns it off.' : 'Nothing to do.',
    ...(on ? { fix: 'disableAccessTokens' as const } : {}),
  };
}

function unsafeUrisItem(s: RegistrationSnapshot): ChecklistItem {
  const unsafe = (s.application.web?.redirectUris ?? []).filter(isUnsafeRedirectUri);
  return {
    id: 'unsafe-redirect-uris',
    title: 'http and wildcard redirect URIs',
    status: unsafe.length ? 'warning' : 'ok',
    finding: unsafe.length ? `Found: ${unsafe.join(', ')}.` : 'None.',
    meaning: 'An http or wildcard redirect URI can send sign-in codes somewhere they can be intercepted.',
    remedy: unsafe.length ? 'Repair removes them if you tick it.' : 'Nothing to do.',
    ...(unsafe.length ? { fix: 'removeUnsafeRedirectUris' as const, optIn: true } : {}),
  };
}

function publisherItem(s: RegistrationSnapshot): ChecklistItem {
  const verified = Boolean(s.application.verifiedPublisher?.verifiedPublisherId);
  return {
    id: 'publisher',
    title: 'Publisher verification',
    status: verified ? 'ok' : 'warning',
    finding: verified
      ? `Verified as ${s.application.verifiedPublisher?.displayName ?? 'a Microsoft partner'}.`
      : 'The publisher is not verified.',
    meaning:
      'Users of other organizations cannot consent to an unverified multitenant app that asks for more than basic sign-in; their administrators still can.',
    remedy: verified
      ? 'Nothing to do.'
      : "Verify the publisher with your Microsoft Partner Network ID: add a verified domain as the publisher domain, then associate the ID on the registration's Branding & properties page.",
    link: { href: PUBLISHER_VERIFICATION_URL, label: 'Publisher verification steps' },
  };
}

/** The checklist of a registration against the plan of the connectors it should serve, at `now` (epoch ms). */
export function evaluateChecklist(
  snapshot: RegistrationSnapshot,
  plan: RegistrationPlan,
  now: number,
): ChecklistItem[] {
  return [
    servicePrincipalItem(snapshot),
    missingPermissionsItem(snapshot, plan),
    consentItem(snapshot, plan),
    redirectUrisItem(snapshot, plan),
    idTokensItem(snapshot, plan),
    audienceItem(snapshot, plan),
    credentialsItem(snapshot, plan, now),
    extraPermissionsItem(snapshot, plan),
    azureAdGraphItem(snapshot, plan),
    uniqueNameItem(snapshot, plan),
    lockItem(snapshot),
    implicitAccessItem(snapshot),
    unsafeUrisItem(snapshot),
    ownersItem(snapshot),
    publisherItem(snapshot),
  ];
}

/** The fixes Repair applies unless the admin changes them: every failing item's, except those that are opt-in. */
export function defaultFixes(items: readonly ChecklistItem[]): RepairFix[] {
  return [...new Set(items.flatMap((i) => (i.fix && !i.optIn && i.status !== 'ok' ? [i.fix] : [])))];
}

/** Every fix the checklist offers (failing items only). */
export function offeredFixes(items: readonly ChecklistItem[]): RepairFix[] {
  return [...new Set(items.flatMap((i) => (i.fix && i.status !== 'ok' ? [i.fix] : [])))];
}
