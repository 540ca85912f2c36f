/**
 * `/policies/*`: the user consent settings (`authorizationPolicy` and the built-in permission grant policies), the
 * admin consent workflow and the app management policies, in Graph v1.0's shapes. What the tenant options choose
 * (`userConsent`, `appManagementPolicy`, `adminConsentRequestPolicy`) is what these answer and what the credential
 * writes enforce (`policy.ts`).
 */
import { findApplication } from './application-store';
import { requireScope } from './graph-auth';
import type { OperationKind } from './graph-auth';
import { collection, entity, graphError, graphJson, methodNotAllowed, notFound } from './graph-http';
import type { GraphContext } from './graph-http';
import type { Segment } from './graph-odata';
import { GRAPH_APP_ID } from './login-scopes';
import type { EmulatedAppManagementPolicy, EmulatorHttpResponse, UserConsentSetting } from './types';

/** The id Graph gives the tenant's default app management policy. */
export const DEFAULT_APP_MANAGEMENT_POLICY_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Microsoft Graph delegated permissions the Microsoft-managed policy (`microsoft-user-default-recommended`) keeps
 * from user consent, as public sources name them: `Files.Read.All`, `Files.ReadWrite.All`, `Sites.Read.All` and
 * `Sites.ReadWrite.All` from August 2025, then Mail and Calendar permissions among the about 20 Exchange and Teams
 * ones added from October 2025 (blog-en.topedia.com/?p=58770, which exports the policy's excludes; Microsoft's message
 * center posts MC1097272 and its follow-up). The emulator lists the ones that matter to the connectors; the wizard
 * never relies on this list, it reads the excludes from the tenant.
 */
export const RECOMMENDED_POLICY_EXCLUDED: Readonly<Record<string, string>> = {
  'Files.Read.All': 'df85f4d6-205c-4ac5-a5ea-6bf408dba283',
  'Files.ReadWrite.All': '863451e7-0667-486c-a5d6-d135439485f0',
  'Sites.Read.All': '205e70e5-aba6-4c52-a976-6d2d46c48043',
  'Sites.ReadWrite.All': '89fe6a52-be36-487e-b7d8-d061c450a026',
  'Calendars.Read': '465a38f9-76ea-45b9-9f34-9e8b0d4b0b42',
  'Calendars.ReadWrite': '1ec239c2-d7c9-4623-a91a-a9775856bb36',
  'Mail.Read': '570282fd-fa5c-430d-a7fd-fc8dc98a9dca',
  'Mail.ReadWrite': '024d486e-b451-40bb-833d-3e66d98c5c73',
};

const ASSIGNED: Readonly<Record<UserConsentSetting, readonly string[]>> = {
  off: [],
  legacy: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
  low: ['ManagePermissionGrantsForSelf.microsoft-user-default-low'],
  recommended: ['ManagePermissionGrantsForSelf.microsoft-user-default-recommended'],
};

/** A `permissionGrantConditionSet` with Graph's defaults. */
function conditionSet(id: string, values: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    permissionClassification: 'all',
    permissionType: 'delegated',
    resourceApplication: 'any',
    permissions: ['all'],
    clientApplicationIds: ['all'],
    clientApplicationTenantIds: ['all'],
    clientApplicationPublisherIds: ['all'],
    clientApplicationsFromVerifiedPublisherOnly: false,
    certifiedClientApplicationsOnly: false,
    ...values,
  };
}

/** The built-in permission grant policies the user consent settings can assign. */
function builtInPolicies(tenantId: string): Record<string, Record<string, unknown>> {
  const policy = (
    id: string,
    displayName: string,
    description: string,
    includes: unknown[],
    excludes: unknown[],
  ) => ({
    id,
    displayName,
    description,
    includes,
    excludes,
  });
  return {
    'microsoft-user-default-legacy': policy(
      'microsoft-user-default-legacy',
      'Microsoft User Default Legacy Policy',
      'All delegated permissions that users can consent to, for any client application.',
      [conditionSet('8ce99f96-730c-4ebd-8397-07ee65942b97', { permissionType: 'delegatedUserConsentable' })],
      [],
    ),
    'microsoft-user-default-low': policy(
      'microsoft-user-default-low',
      'Microsoft User Default Low Policy',
      'All low risk permissions are consentable by member type users by default.',
      [
        conditionSet('5a3c5a3b-2e91-4a1c-8f3a-1d7a0c6b1a01', {
          permissionClassification: 'low',
          clientApplicationsFromVerifiedPublisherOnly: true,
        }),
        conditionSet('5a3c5a3b-2e91-4a1c-8f3a-1d7a0c6b1a02', {
          permissionClassification: 'low',
          clientApplicationTenantIds: [tenantId],
        }),
      ],
      [],
    ),
    'microsoft-user-default-recommended': policy(
      'microsoft-user-default-recommended',
      'Microsoft User Default Recommended Policy',
      "Permissions consentable based on Microsoft's current recommendations.",
      [conditionSet('9c1f2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e01', { permissionType: 'delegatedUserConsentable' })],
      [
        conditionSet('9c1f2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e02', {
          resourceApplication: GRAPH_APP_ID,
          permissions: Object.values(RECOMMENDED_POLICY_EXCLUDED),
        }),
      ],
    ),
  };
}

/** The emulated policy's restrictions in Graph's `appManagementConfiguration` shape. */
function restrictions(p: EmulatedAppManagementPolicy): Record<string, unknown> {
  const since = '2020-01-01T00:00:00Z';
  const password = [
    ...(p.secretsForbidden
      ? [
          {
            restrictionType: 'passwordAddition',
            maxLifetime: null,
            restrictForAppsCreatedAfterDateTime: since,
          },
        ]
      : []),
    ...(p.maxSecretLifetimeDays !== undefined
      ? [
          {
            restrictionType: 'passwordLifetime',
            maxLifetime: `P${p.maxSecretLifetimeDays}D`,
            restrictForAppsCreatedAfterDateTime: since,
          },
        ]
      : []),
  ];
  const key = [
    ...(p.trustedCertificateAuthority
      ? [
          {
            restrictionType: 'trustedCertificateAuthority',
            maxLifetime: null,
            restrictForAppsCreatedAfterDateTime: since,
            certificateBasedApplicationConfigurationIds: ['eec5ba11-2fc0-4113-83a2-ed986ed13743'],
          },
        ]
      : []),
    ...(p.maxCertificateLifetimeDays !== undefined
      ? [
          {
            restrictionType: 'asymmetricKeyLifetime',
            maxLifetime: `P${p.maxCertificateLifetimeDays}D`,
            restrictForAppsCreatedAfterDateTime: since,
          },
        ]
      : []),
  ];
  return { passwordCredentials: password, keyCredentials: key };
}

function guarded(g: GraphContext, kind: OperationKind): EmulatorHttpResponse | undefined {
  return requireScope(g, kind);
}

const roleDenied = (g: GraphContext) =>
  graphError(g, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

/** Answers `/policies/…` (reads only). */
export function handlePolicies(g: GraphContext, segments: readonly Segment[]): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const tenant = g.rt.state.tenant;
  const [, what, child, ...rest] = segments;
  const name = what?.name.toLowerCase();
  if (rest.length > 0)
    return graphError(g, 400, 'BadRequest', `Resource not found for the segment '${rest[0]?.name}'.`);
  switch (name) {
    case 'authorizationpolicy': {
      if (child) break;
      const denied =
        guarded(g, 'readAuthorizationPolicy') ??
        (g.rt.faults.consentPolicyReadDenied ? roleDenied(g) : undefined);
      if (denied) return denied;
      return graphJson(
        g,
        200,
        entity(g, 'policies/authorizationPolicy/$entity', {
          id: 'authorizationPolicy',
          displayName: 'Authorization Policy',
          description: 'Used to manage authorization related settings across the company.',
          allowInvitesFrom: 'everyone',
          allowedToUseSSPR: true,
          allowEmailVerifiedUsersToJoinOrganization: false,
          blockMsolPowerShell: false,
          guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
          defaultUserRolePermissions: {
            allowedToCreateApps: true,
            allowedToCreateSecurityGroups: true,
            allowedToCreateTenants: true,
            allowedToReadOtherUsers: true,
            allowedToReadBitlockerKeysForOwnedDevice: true,
            permissionGrantPoliciesAssigned: [
              ...ASSIGNED[tenant.userConsent ?? 'legacy'],
              'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
            ],
          },
        }),
      );
    }
    case 'permissiongrantpolicies': {
      const denied =
        guarded(g, 'readPermissionGrantPolicies') ??
        (g.rt.faults.consentPolicyReadDenied ? roleDenied(g) : undefined);
      if (denied) return denied;
      const all = builtInPolicies(tenant.id);
      if (!child) return collection(g, 'policies/permissionGrantPolicies', Object.values(all));
      const policy = all[child.name];
      if (!policy) return notFound(g, child.name);
      return graphJson(g, 200, entity(g, 'policies/permissionGrantPolicies/$entity', policy));
    }
    case 'adminconsentrequestpolicy': {
      if (child) break;
      const denied = guarded(g, 'readConsentRequestPolicy');
      if (denied) return denied;
      const workflow = tenant.adminConsentRequestPolicy;
      const admin = g.rt.state.users.find((u) => u.isAdmin);
      return graphJson(
        g,
        200,
        entity(g, 'policies/adminConsentRequestPolicy/$entity', {
          isEnabled: workflow?.isEnabled ?? false,
          notifyReviewers: workflow?.isEnabled ?? false,
          remindersEnabled: workflow?.isEnabled ?? false,
          requestDurationInDays: workflow?.isEnabled ? 30 : 0,
          version: 1,
          reviewers: workflow?.isEnabled
            ? (workflow.reviewers ?? (admin ? [{ query: `/users/${admin.oid}` }] : [])).map((r) => ({
                query: r.query,
                queryType: 'MicrosoftGraph',
                queryRoot: null,
              }))
            : [],
        }),
      );
    }
    case 'defaultappmanagementpolicy': {
      if (child) break;
      const denied = guarded(g, 'readAppManagementPolicies');
      if (denied) return denied;
      const p = tenant.appManagementPolicy;
      return graphJson(
        g,
        200,
        entity(g, 'policies/defaultAppManagementPolicy/$entity', {
          id: DEFAULT_APP_MANAGEMENT_POLICY_ID,
          displayName: 'Default app management tenant policy',
          description:
            'Default tenant policy that enforces app management restrictions on applications and service principals.',
          isEnabled: p !== undefined,
          applicationRestrictions: restrictions(p ?? {}),
          servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
        }),
      );
    }
    case 'appmanagementpolicies': {
      if (child) break;
      const denied = guarded(g, 'readAppManagementPolicies');
      if (denied) return denied;
      // The emulated tenant has no custom policies: only the default one applies.
      return collection(g, 'policies/appManagementPolicies', []);
    }
    default:
      break;
  }
  return graphError(
    g,
    400,
    'BadRequest',
    `Resource not found for the segment '${(child ?? what)?.name ?? ''}'.`,
  );
}

/** `GET /applications/{id}/appManagementPolicies`: the custom policies applied to it (none in the emulated tenant). */
export function handleAppliedPolicies(
  g: GraphContext,
  key: { property: string; value: string },
): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const denied = guarded(g, 'readAppManagementPolicies') ?? guarded(g, 'readApplications');
  if (denied) return denied;
  const app = findApplication(g, key.property, key.value);
  if (!app) return notFound(g, key.value);
  return collection(g, 'appManagementPolicies', []);
}

/** The tenant's credential restrictions, for the writes to enforce. */
export function tenantCredentialPolicy(g: GraphContext): EmulatedAppManagementPolicy {
  return g.rt.state.tenant.appManagementPolicy ?? {};
}
