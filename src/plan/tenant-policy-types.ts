/**
 * What the review read of the tenant's consent and credential policies before any write, as plain facts. The Graph
 * layer reads and normalises them (`graph/tenant-policies.ts`); the plan adapts to them (`buildPlan`) and the review
 * explains them (`consent-readiness.ts`).
 */

/**
 * One `permissionGrantConditionSet` of a permission grant policy (Graph v1.0), the parts that decide whether a
 * permission of a client application matches it.
 */
export interface GrantConditionSet {
  /** `delegated`, `application` or `delegatedUserConsentable` (delegated permissions a user may consent to). */
  readonly permissionType: string | null;
  /** `low`, `medium`, `high` (the tenant's own classification) or `all`. */
  readonly permissionClassification: string | null;
  /** Permission ids, or `['all']`. */
  readonly permissions: readonly string[];
  /** The resource's appId, or `any`. */
  readonly resourceApplication: string | null;
  readonly clientApplicationsFromVerifiedPublisherOnly: boolean;
  /** Client appIds, or `['all']`. */
  readonly clientApplicationIds: readonly string[];
  /** Tenant ids of the client's home tenant, or `['all']`. */
  readonly clientApplicationTenantIds: readonly string[];
  /** MPN ids of the client's verified publisher, or `['all']`. */
  readonly clientApplicationPublisherIds: readonly string[];
}

/** A permission grant policy (app consent policy): a permission is covered when an include matches and no exclude. */
export interface PermissionGrantPolicyFacts {
  readonly id: string;
  readonly displayName: string;
  readonly includes: readonly GrantConditionSet[];
  readonly excludes: readonly GrantConditionSet[];
}

/** Who may consent for themselves, and what happens when they may not. */
export interface ConsentPolicyFacts {
  /**
   * The ids of the permission grant policies assigned to the default user role for their own consent
   * (`ManagePermissionGrantsForSelf.{id}` in `permissionGrantPoliciesAssigned`); empty: user consent is off. Null when
   * `policies/authorizationPolicy` could not be read.
   */
  readonly userConsentPolicyIds: readonly string[] | null;
  /** Each assigned policy as read; null for one that could not be read. */
  readonly policies: Readonly<Record<string, PermissionGrantPolicyFacts | null>>;
  /** `policies/adminConsentRequestPolicy`; null when it could not be read. */
  readonly adminConsentWorkflow: {
    readonly enabled: boolean;
    /** Who reviews, in words: "2 users, 1 group". */
    readonly reviewers: readonly string[];
  } | null;
  /** The directory (tenant) id the registration is made in: the condition "apps registered in this organization". */
  readonly tenantId: string;
}

/** The credential restrictions that apply to the registration the plan writes (app management policies). */
export interface CredentialPolicyFacts {
  /** Whether the policies could be read at all; false: nothing below is known. */
  readonly readable: boolean;
  /** `passwordAddition`: no client secret may be added. */
  readonly secretsForbidden: boolean;
  /** `passwordLifetime`: the longest client secret lifetime, in days; null: no cap. */
  readonly maxSecretLifetimeDays: number | null;
  /** `trustedCertificateAuthority`: certificates must be issued by a certificate authority the tenant trusts. */
  readonly trustedCertificateAuthorityRequired: boolean;
  /** `asymmetricKeyLifetime`: the longest certificate lifetime, in days; null: no cap. */
  readonly maxCertificateLifetimeDays: number | null;
  /** The policies the restrictions come from, by display name (the tenant default, or one applied to the app). */
  readonly sources: readonly string[];
}

/** Everything the review's policy read found, with what it could not check. */
export interface TenantPolicies {
  readonly consent: ConsentPolicyFacts;
  readonly credentials: CredentialPolicyFacts;
  /** What could not be checked, in words ("the user consent settings (policies/authorizationPolicy): 403 …"). */
  readonly unreadable: readonly string[];
}
