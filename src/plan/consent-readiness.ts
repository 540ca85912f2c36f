/**
 * Whether each connector's users will be able to consent for themselves, from the tenant's user consent settings
 * (the permission grant policies assigned to the default user role, each with its includes and excludes).
 *
 * A permission is covered by a policy when one of its includes matches and none of its excludes does; a user can
 * consent when every permission the connector asks for is covered by one of the assigned policies
 * (learn.microsoft.com/entra/identity/enterprise-apps/manage-app-consent-policies). Conditions the wizard cannot
 * evaluate exactly (the tenant's own "low impact" classification of permissions) make the answer "this depends on …".
 */
import { connector, type ConnectorId, type ConnectorMode } from '../catalog/connectors';
import type { Permission } from '../catalog/permissions';
import { resolveConnectorMode } from '../catalog/resolve';
import { resourceApi } from '../catalog/resource-apis';
import type { ConnectorSelection } from './plan-types';
import type {
  ConsentPolicyFacts,
  GrantConditionSet,
  PermissionGrantPolicyFacts,
} from './tenant-policy-types';

/** Three-valued: known to match, known not to, or cannot be told from what Graph returned. */
type Tri = 'yes' | 'no' | 'unknown';

const and = (values: readonly Tri[]): Tri =>
  values.includes('no') ? 'no' : values.includes('unknown') ? 'unknown' : 'yes';
const or = (values: readonly Tri[]): Tri =>
  values.includes('yes') ? 'yes' : values.includes('unknown') ? 'unknown' : 'no';
const not = (value: Tri): Tri => (value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'unknown');

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const listed = (list: readonly string[], value: string) => list.some((v) => same(v, 'all') || same(v, value));

/** Why a condition could not be evaluated, collected for the "this depends on …" text. */
type Unknowns = Set<string>;

const CLASSIFICATION =
  'which permissions your tenant classifies as low impact (Enterprise applications › Consent and permissions › ' +
  'Permission classifications)';

function matches(cond: GrantConditionSet, permission: Permission, tenantId: string, unknowns: Unknowns): Tri {
  const resourceAppId = resourceApi(permission.api).appId;
  const type = cond.permissionType?.toLowerCase() ?? null;
  let typeMatch: Tri = 'yes';
  if (type === 'application') typeMatch = permission.kind === 'application' ? 'yes' : 'no';
  else if (type === 'delegated') typeMatch = permission.kind === 'delegated' ? 'yes' : 'no';
  else if (type === 'delegateduserconsentable')
    typeMatch = permission.kind === 'delegated' && !permission.adminConsentRequired ? 'yes' : 'no';
  const resource = cond.resourceApplication;
  const resourceMatch: Tri =
    !resource || same(resource, 'any') || same(resource, resourceAppId) ? 'yes' : 'no';
  const permissionMatch: Tri = listed(cond.permissions, permission.id) ? 'yes' : 'no';
  // A registration the wizard makes has no verified publisher and is not named in a list of client apps or
  // publishers; it is registered in this organization.
  const clientMatch: Tri = and([
    cond.clientApplicationsFromVerifiedPublisherOnly ? 'no' : 'yes',
    cond.clientApplicationIds.some((v) => same(v, 'all')) ? 'yes' : 'no',
    listed(cond.clientApplicationTenantIds, tenantId) ? 'yes' : 'no',
    cond.clientApplicationPublisherIds.some((v) => same(v, 'all')) ? 'yes' : 'no',
  ]);
  const classification = cond.permissionClassification?.toLowerCase() ?? 'all';
  const classificationMatch: Tri = classification === 'all' ? 'yes' : 'unknown';
  const result = and([typeMatch, resourceMatch, permissionMatch, clientMatch, classificationMatch]);
  if (result === 'unknown') unknowns.add(CLASSIFICATION);
  return result;
}

/** Whether the policy lets a user consent to this permission for the wizard's registration. */
function covers(
  policy: PermissionGrantPolicyFacts,
  permission: Permission,
  tenantId: string,
  unknowns: Unknowns,
): Tri {
  const included = or(policy.includes.map((c) => matches(c, permission, tenantId, unknowns)));
  if (included === 'no') return 'no';
  const excluded = or(policy.excludes.map((c) => matches(c, permission, tenantId, unknowns)));
  return and([included, not(excluded)]);
}

/** Can the connector's accounts consent for themselves? */
export type ConsentOutcome =
  /** Yes: every permission is covered by the user consent settings. */
  | 'users-can-consent'
  /** No: the settings leave some permission out (or user consent is off). */
  | 'users-cannot-consent'
  /** No, whatever the settings: some permission needs an administrator (application permissions, admin-only scopes). */
  | 'admin-consent-required'
  /** The settings could not be evaluated exactly: see `dependsOn`. */
  | 'depends';

export interface ConnectorConsentReadiness {
  readonly id: ConnectorId;
  readonly mode: ConnectorMode;
  readonly outcome: ConsentOutcome;
  /** The permissions that stop users, by name. */
  readonly blocking: readonly string[];
  /** What the answer depends on, when `outcome` is `depends`. */
  readonly dependsOn: readonly string[];
  /** The answer in words, for the review. */
  readonly text: string;
}

export interface ConsentReadiness {
  readonly connectors: readonly ConnectorConsentReadiness[];
  /** Some connector's accounts may not be able to consent: "grant admin consent now" is the recommended choice. */
  readonly recommendConsentNow: boolean;
  /**
   * Only the tenant's settings stop (or may stop) some connector's accounts: news the plan alone could not give. An
   * admin-only permission is not, since the review says admin consent is needed before anything is read.
   */
  readonly settingsDecide: boolean;
  /** The user consent setting in words ("User consent is off", "Microsoft-managed (recommended) policy", …). */
  readonly setting: string;
}

const SETTING_NAMES: Readonly<Record<string, string>> = {
  'microsoft-user-default-legacy': 'users can consent to any permission that needs no administrator (legacy)',
  'microsoft-user-default-low':
    'users can consent to permissions classified as low impact, for apps from verified publishers or registered in ' +
    'this organization',
  'microsoft-user-default-recommended':
    'Microsoft manages the consent settings (microsoft-user-default-recommended)',
  'microsoft-user-default-allow-consent-apps':
    'Microsoft manages the consent settings, with popular mail clients allowed',
};

function settingText(facts: ConsentPolicyFacts): string {
  const ids = facts.userConsentPolicyIds;
  if (ids === null) return 'The user consent settings could not be read.';
  if (ids.length === 0) return 'User consent is off: users cannot consent to any application.';
  return `User consent: ${ids.map((id) => SETTING_NAMES[id] ?? `the custom policy ${facts.policies[id]?.displayName ?? id}`).join('; ')}.`;
}

/** The readiness of one connector and mode under the tenant's user consent settings. */
export function connectorConsentReadiness(
  selection: ConnectorSelection,
  facts: ConsentPolicyFacts,
): ConnectorConsentReadiness {
  const { id, mode } = selection;
  const name = connector(id).name;
  const accounts = mode === 'admin' ? 'admin accounts' : 'users';
  const { permissions } = resolveConnectorMode(id, mode);
  const adminOnly = permissions.filter((p) => p.adminConsentRequired).map((p) => p.name);
  const base = { id, mode };
  if (adminOnly.length > 0) {
    return {
      ...base,
      outcome: 'admin-consent-required',
      blocking: adminOnly,
      dependsOn: [],
      text:
        `${name} (${mode === 'admin' ? 'admin accounts' : 'users'}): only an administrator can consent to ` +
        `${adminOnly.join(', ')}, whatever the user consent settings.`,
    };
  }
  const ids = facts.userConsentPolicyIds;
  if (ids === null) {
    return {
      ...base,
      outcome: 'depends',
      blocking: [],
      dependsOn: ['the user consent settings, which could not be read'],
      text: `${name}: whether ${accounts} can consent themselves depends on the user consent settings, which could not be read.`,
    };
  }
  if (ids.length === 0) {
    return {
      ...base,
      outcome: 'users-cannot-consent',
      blocking: permissions.map((p) => p.name),
      dependsOn: [],
      text: `${name}: ${accounts} cannot consent themselves, because user consent is off in your tenant.`,
    };
  }
  const unknowns: Unknowns = new Set();
  const unreadable = ids.filter((pid) => !facts.policies[pid]);
  const perPermission = permissions.map((p) => ({
    name: p.name,
    covered: or(
      ids.map((pid) => {
        const policy = facts.policies[pid];
        return policy ? covers(policy, p, facts.tenantId, unknowns) : 'unknown';
      }),
    ),
  }));
  for (const pid of unreadable) unknowns.add(`the consent policy ${pid}, which could not be read`);
  const outcome = and(perPermission.map((p) => p.covered));
  const blocking = perPermission.filter((p) => p.covered === 'no').map((p) => p.name);
  if (outcome === 'yes') {
    return {
      ...base,
      outcome: 'users-can-consent',
      blocking: [],
      dependsOn: [],
      text: `${name}: ${accounts} can consent themselves when they first connect.`,
    };
  }
  if (outcome === 'no') {
    return {
      ...base,
      outcome: 'users-cannot-consent',
      blocking,
      dependsOn: [],
      text:
        `${name}: ${accounts} cannot consent themselves: your tenant's user consent settings leave out ` +
        `${blocking.join(', ')}. They would see "Need admin approval".`,
    };
  }
  const dependsOn = [...unknowns];
  return {
    ...base,
    outcome: 'depends',
    blocking,
    dependsOn,
    text: `${name}: whether ${accounts} can consent themselves depends on ${dependsOn.join(' and ')}.`,
  };
}

/** Every chosen connector's readiness, and whether granting admin consent now is the recommended choice. */
export function consentReadiness(
  selections: readonly ConnectorSelection[],
  facts: ConsentPolicyFacts,
): ConsentReadiness {
  const connectors = selections.map((s) => connectorConsentReadiness(s, facts));
  return {
    connectors,
    recommendConsentNow: connectors.some((c) => c.outcome !== 'users-can-consent'),
    settingsDecide: connectors.some((c) => c.outcome === 'users-cannot-consent' || c.outcome === 'depends'),
    setting: settingText(facts),
  };
}
