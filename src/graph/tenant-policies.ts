/**
 * The review's read of the tenant's consent and credential policies, before any write. Each read that Graph refuses
 * (403: the admin's role cannot read it) is named in `unreadable` and the others go on.
 *
 * Shapes (Graph v1.0): `authorizationPolicy.defaultUserRolePermissions.permissionGrantPoliciesAssigned`,
 * `permissionGrantPolicy.includes/excludes` (`permissionGrantConditionSet`), `adminConsentRequestPolicy`
 * (`isEnabled`, `reviewers[].query`), `tenantAppManagementPolicy.applicationRestrictions` and
 * `appManagementPolicy.restrictions` (`passwordCredentials[]`, `keyCredentials[]` with `restrictionType`,
 * `maxLifetime` as an ISO 8601 duration, `restrictForAppsCreatedAfterDateTime`, `state`).
 */
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';
import type {
  ConsentPolicyFacts,
  CredentialPolicyFacts,
  GrantConditionSet,
  PermissionGrantPolicyFacts,
  TenantPolicies,
} from '../plan/tenant-policy-types';
import type { Send } from './existing-registration';
import { GraphResponseError } from './graph-errors';
import type { GraphRequest } from './graph-requests';

const permissions = WIZARD_PERMISSIONS.readPolicies;
const SELF = 'ManagePermissionGrantsForSelf.';

const get = (path: string): GraphRequest => ({ method: 'GET', path: `/v1.0${path}` });
export const authorizationPolicyRequest = get('/policies/authorizationPolicy');
export const permissionGrantPolicyRequest = (id: string) =>
  get(`/policies/permissionGrantPolicies/${encodeURIComponent(id)}?$expand=includes,excludes`);
export const adminConsentRequestPolicyRequest = get('/policies/adminConsentRequestPolicy');
export const defaultAppManagementPolicyRequest = get('/policies/defaultAppManagementPolicy');
export const appliedAppManagementPoliciesRequest = (applicationId: string) =>
  get(`/applications/${applicationId}/appManagementPolicies`);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === 'string');
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Days in an ISO 8601 duration (`P90D`, `P1Y`, `P6M`, `P2W`, `P1Y6M`), rounded down; null when it is none. */
export function durationDays(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/i.exec(value.trim());
  if (!m || m.slice(1, 5).every((g) => g === undefined)) return null;
  const [y, mo, w, d] = m.slice(1, 5).map((g) => Number(g ?? 0)) as [number, number, number, number];
  // Calendar months and years are at least this long, so the cap is never overstated.
  return y * 365 + mo * 28 + w * 7 + d;
}

function conditionSet(raw: unknown): GrantConditionSet {
  const c = obj(raw);
  return {
    permissionType: str(c['permissionType']),
    permissionClassification: str(c['permissionClassification']),
    permissions: strings(c['permissions']),
    resourceApplication: str(c['resourceApplication']),
    clientApplicationsFromVerifiedPublisherOnly: c['clientApplicationsFromVerifiedPublisherOnly'] === true,
    clientApplicationIds: strings(c['clientApplicationIds']),
    clientApplicationTenantIds: strings(c['clientApplicationTenantIds']),
    clientApplicationPublisherIds: strings(c['clientApplicationPublisherIds']),
  };
}

/** The permission grant policy as the evaluation needs it. */
export function toGrantPolicy(raw: unknown): PermissionGrantPolicyFacts {
  const p = obj(raw);
  return {
    id: str(p['id']) ?? '',
    displayName: str(p['displayName']) ?? str(p['id']) ?? '',
    includes: arr(p['includes']).map(conditionSet),
    excludes: arr(p['excludes']).map(conditionSet),
  };
}

/** "2 users, 1 group": who reviews admin consent requests, from the reviewers' queries. */
function reviewerSummary(raw: unknown): string[] {
  const counts = new Map<string, number>();
  for (const r of arr(raw)) {
    const query = str(obj(r)['query']) ?? '';
    const kind = /\/groups\//i.test(query)
      ? 'group'
      : /roleManagement|directoryRoles|roleDefinition/i.test(query)
        ? 'role'
        : 'user';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
}

interface Restrictions {
  readonly passwordCredentials: unknown[];
  readonly keyCredentials: unknown[];
}

/** The restrictions of one policy that apply to a registration created now (`state` not `disabled`). */
function activeRestrictions(raw: unknown, now: number): { type: string; days: number | null }[] {
  const r = obj(raw);
  const all = [...arr(r['passwordCredentials']), ...arr(r['keyCredentials'])];
  return all.flatMap((entry) => {
    const e = obj(entry);
    if (str(e['state'])?.toLowerCase() === 'disabled') return [];
    const after = str(e['restrictForAppsCreatedAfterDateTime']);
    // Apps created after that date are restricted; the registration is created now (or was, for an update).
    if (after && Date.parse(after) > now) return [];
    const type = str(e['restrictionType']);
    return type ? [{ type: type.toLowerCase(), days: durationDays(e['maxLifetime']) }] : [];
  });
}

const minDays = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/** The credential facts from the policies that apply: the tenant default, or the ones applied to the application. */
export function credentialFacts(
  policies: readonly { readonly name: string; readonly restrictions: Restrictions | Json }[],
  now: number,
): CredentialPolicyFacts {
  let facts: CredentialPolicyFacts = {
    readable: true,
    secretsForbidden: false,
    maxSecretLifetimeDays: null,
    trustedCertificateAuthorityRequired: false,
    maxCertificateLifetimeDays: null,
    sources: [],
  };
  for (const policy of policies) {
    const found = activeRestrictions(policy.restrictions, now);
    if (found.length === 0) continue;
    const has = (type: string) => found.some((r) => r.type === type);
    const days = (type: string) =>
      found.filter((r) => r.type === type).reduce<number | null>((m, r) => minDays(m, r.days), null);
    facts = {
      ...facts,
      secretsForbidden: facts.secretsForbidden || has('passwordaddition'),
      maxSecretLifetimeDays: minDays(facts.maxSecretLifetimeDays, days('passwordlifetime')),
      trustedCertificateAuthorityRequired:
        facts.trustedCertificateAuthorityRequired || has('trustedcertificateauthority'),
      maxCertificateLifetimeDays: minDays(facts.maxCertificateLifetimeDays, days('asymmetrickeylifetime')),
      sources: [...facts.sources, policy.name],
    };
  }
  return facts;
}

/** Reads one policy; null when Graph refuses it (the reason goes to `unreadable`). */
async function readOrNote(send: Send, request: GraphRequest, what: string, unreadable: string[]) {
  try {
    const res = await send<Json>(request, { permissions, retryOnNetworkError: true });
    return obj(res.body);
  } catch (error) {
    if (error instanceof GraphResponseError && (error.status === 403 || error.status === 404)) {
      unreadable.push(`${what}: Microsoft Graph answered ${error.status} ${error.code}`);
      return null;
    }
    throw error;
  }
}

/**
 * Reads the consent and credential policies, writing nothing. `applicationId`: the registration the plan updates,
 * whose own app management policies replace the tenant default.
 */
export async function readTenantPolicies(
  send: Send,
  { tenantId, applicationId, now }: { tenantId: string; applicationId?: string; now: number },
): Promise<TenantPolicies> {
  const unreadable: string[] = [];
  const [authorization, workflow, tenantDefault, applied] = await Promise.all([
    readOrNote(
      send,
      authorizationPolicyRequest,
      'the user consent settings (authorizationPolicy)',
      unreadable,
    ),
    readOrNote(
      send,
      adminConsentRequestPolicyRequest,
      'the admin consent workflow (adminConsentRequestPolicy)',
      unreadable,
    ),
    readOrNote(
      send,
      defaultAppManagementPolicyRequest,
      'the tenant’s credential policy (defaultAppManagementPolicy)',
      unreadable,
    ),
    applicationId
      ? readOrNote(
          send,
          appliedAppManagementPoliciesRequest(applicationId),
          'the credential policies applied to the registration (appManagementPolicies)',
          unreadable,
        )
      : Promise.resolve(null),
  ]);
  const assigned = authorization
    ? strings(obj(authorization['defaultUserRolePermissions'])['permissionGrantPoliciesAssigned'])
        .filter((id) => id.toLowerCase().startsWith(SELF.toLowerCase()))
        .map((id) => id.slice(SELF.length))
    : null;
  const grantPolicies = await Promise.all(
    (assigned ?? []).map(async (id) => {
      const raw = await readOrNote(
        send,
        permissionGrantPolicyRequest(id),
        `the consent policy ${id} (permissionGrantPolicies)`,
        unreadable,
      );
      return [id, raw ? toGrantPolicy(raw) : null] as const;
    }),
  );
  const consent: ConsentPolicyFacts = {
    userConsentPolicyIds: assigned,
    policies: Object.fromEntries(grantPolicies),
    adminConsentWorkflow: workflow
      ? { enabled: workflow['isEnabled'] === true, reviewers: reviewerSummary(workflow['reviewers']) }
      : null,
    tenantId,
  };
  // A policy applied to the registration replaces the tenant default for it.
  const appliedPolicies = arr(applied?.['value'])
    .map(obj)
    .filter((p) => p['isEnabled'] !== false);
  const credentialSources =
    appliedPolicies.length > 0
      ? appliedPolicies.map((p) => ({
          name: str(p['displayName']) ?? 'an app management policy',
          restrictions: obj(p['restrictions']),
        }))
      : tenantDefault && tenantDefault['isEnabled'] === true
        ? [
            {
              name: str(tenantDefault['displayName']) ?? 'the default app management policy',
              restrictions: obj(tenantDefault['applicationRestrictions']),
            },
          ]
        : [];
  const credentials = tenantDefault
    ? credentialFacts(credentialSources, now)
    : { ...credentialFacts([], now), readable: false };
  return { consent, credentials, unreadable };
}
