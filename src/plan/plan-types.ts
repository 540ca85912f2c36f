import type { Application } from '@microsoft/microsoft-graph-types';
import type { ConnectorId, ConnectorMode } from '../catalog/connectors';
import type { Correction } from '../catalog/corrections';
import type { Permission } from '../catalog/permissions';
import type { InfoLinkKey } from '../catalog/branding-links';
import type { LogoImage } from '../catalog/logo-image';
import type { ResourceApiId } from '../catalog/resource-apis';
import type { GraphKeyCredential } from '../crypto/key-credential';
import type { CredentialPolicyFacts } from './tenant-policy-types';

/**
 * Client secret lifetimes the wizard offers, in months (the portal allows at most 24). The shortest, 6, is exactly
 * {@link RECOMMENDED_SECRET_DAYS} days rather than six calendar months, which can reach 184 days.
 */
export const SECRET_LIFETIMES = [6, 12, 24] as const;
export type SecretLifetimeMonths = (typeof SECRET_LIFETIMES)[number];
/**
 * The longest secret lifetime Microsoft's Zero Trust assessment accepts: it flags client secrets that last longer than
 * 180 days. The default lifetime, 6, lasts exactly this long.
 */
export const RECOMMENDED_SECRET_DAYS = 180;
/** A new secret lasts {@link RECOMMENDED_SECRET_DAYS} days unless the admin chooses longer. */
export const DEFAULT_SECRET_LIFETIME: SecretLifetimeMonths = 6;

/** The secret lifetime in days when it is a fixed number of days (the recommended one), else null: calendar months. */
export function secretLifetimeDays(months: SecretLifetimeMonths): number | null {
  return months === 6 ? RECOMMENDED_SECRET_DAYS : null;
}

/** How the wizard names a lifetime in sentences: "180 days", "12 months". */
export function lifetimeWords(months: SecretLifetimeMonths): string {
  const days = secretLifetimeDays(months);
  return days === null ? `${months} months` : `${days} days`;
}

/** One connector the admin chose, and how its accounts will connect. */
export interface ConnectorSelection {
  readonly id: ConnectorId;
  readonly mode: ConnectorMode;
}

/** The admin's answers: everything the plan is computed from. */
export interface PlanInput {
  readonly connectors: readonly ConnectorSelection[];
  readonly displayName: string;
  /** Web redirect URIs, in the order the admin sees them. */
  readonly redirectUris: readonly string[];
  /** Automatic mode only: grant tenant-wide admin consent right after creating the registration. */
  readonly grantAdminConsent?: boolean;
  /** Turn on the app instance property lock ({@link INSTANCE_PROPERTY_LOCK}). Default true. */
  readonly lockInstanceProperties?: boolean;
  /** Automatic mode only: how long a new client secret lasts. Default {@link DEFAULT_SECRET_LIFETIME}. */
  readonly secretLifetimeMonths?: SecretLifetimeMonths;
  /**
   * Automatic mode only: the public part of the certificate the registration gets, when the plan needs one. Its
   * `customKeyIdentifier` is not sent: Graph then stores the real thumbprint.
   */
  readonly certificate?: GraphKeyCredential | null;
  /**
   * Automatic mode only: what the plan's unique name found in the tenant before any write. `null`: nothing, the run
   * creates the registration; `undefined`: not looked up (offline mode, or before the review's check).
   */
  readonly existing?: ExistingRegistration | null;
  /**
   * Automatic mode only: whether the run adds a client secret to the registration that exists. Default: only when it
   * has no secret that is still valid (the platform already holds that one). A new registration always gets one.
   */
  readonly newSecret?: boolean;
  /** 2, 3, …: a further registration with the same display name, instead of the one the name finds. Default 1. */
  readonly instance?: number;
  /**
   * Check and repair: the registration that exists (perhaps not made by the wizard) and what Repair changes on it.
   * The plan then updates that registration by its object id instead of creating or upserting one.
   */
  readonly repair?: RepairInput;
  /**
   * Check and repair: a client secret or certificate of the registration to rotate with overlap, one stage at a time.
   * The plan then adds the new credential beside it, or removes it once the platform uses the new one; `certificate`
   * is the new certificate's public part.
   */
  readonly rotation?: RotationInput;
  /**
   * Automatic mode only: the credential restrictions the review read from the tenant's app management policies. The
   * plan follows them, so the first write is accepted: a capped secret lifetime, no secret when secrets are
   * forbidden, no self-signed certificate when certificates must come from a trusted authority.
   */
  readonly credentialPolicy?: CredentialPolicyFacts;
  /** Automatic mode only: `certificate` is self-signed (the wizard generated it), not issued by an authority. */
  readonly certificateSelfSigned?: boolean;
  /** What the connector's users see on the consent prompt: the logo and the links. Default: none, left as they are. */
  readonly branding?: PlannedBranding;
}

/**
 * The links of Graph's `informationalUrl` the wizard sets (`logoUrl` is Graph's, read-only). Only links the admin
 * gave are present.
 */
export type PlannedInfo = { readonly [K in InfoLinkKey]?: string };

/** The branding the admin chose on "How it looks to your users". */
export interface PlannedBranding {
  readonly info: PlannedInfo;
  /** `web.homePageUrl`; null leaves the registration's as it is. */
  readonly homePageUrl: string | null;
  /** Uploaded with `PUT /applications/{id}/logo`; its bytes stay in the page's memory. Null: no logo is sent. */
  readonly logo: LogoImage | null;
}

/** What Repair can change, each one a choice the admin sees ticked or not in the checklist. */
export const REPAIR_FIXES = [
  'addPermissions',
  'removeExtraPermissions',
  'removeAzureAdGraph',
  'addRedirectUris',
  'removeUnsafeRedirectUris',
  'idTokens',
  'signInAudience',
  'disableAccessTokens',
  'lock',
  'uniqueName',
  'servicePrincipal',
  'consent',
] as const;
export type RepairFix = (typeof REPAIR_FIXES)[number];

/** The fixes that change the application object itself (one merged PATCH). */
export const APPLICATION_FIXES: readonly RepairFix[] = [
  'addPermissions',
  'removeExtraPermissions',
  'removeAzureAdGraph',
  'addRedirectUris',
  'removeUnsafeRedirectUris',
  'idTokens',
  'signInAudience',
  'disableAccessTokens',
  'lock',
];

/** A registration to repair, as the check read it, and the fixes the admin chose. */
export interface RepairInput {
  /** Object ID. */
  readonly applicationId: string;
  /** Application (client) ID. */
  readonly appId: string;
  readonly displayName: string;
  /**
   * The registration as the check read it: the review shows the merged collections built from it. The run reads it
   * again right before writing, and merges with that read, so a change made meanwhile is kept.
   */
  readonly current: Application;
  readonly fixes: readonly RepairFix[];
}

/** The credential a rotation replaces. */
export interface RotatedCredential {
  readonly type: 'secret' | 'certificate';
  readonly keyId: string;
  /** Its description in the portal, or null. */
  readonly displayName: string | null;
  readonly endDateTime: string | null;
}

/**
 * A rotation with overlap of one credential of a registration that exists (perhaps not made by the wizard): first
 * `add` the new one beside the old one, which keeps working while the platform changes over; then, once the admin
 * confirms that the platform uses the new one, `remove` the old one.
 */
export type RotationInput = {
  /** Object ID. */
  readonly applicationId: string;
  /** Application (client) ID. */
  readonly appId: string;
  readonly displayName: string;
  /**
   * The registration as the check read it (certificates with their keys), for the review's requests. The run reads it
   * again right before writing, and sends back the certificates it holds at that moment.
   */
  readonly current: Application;
  readonly old: RotatedCredential;
} & (
  | { readonly stage: 'add' }
  | {
      readonly stage: 'remove';
      /** The new credential's keyId: the old one goes only while the new one is on the registration. */
      readonly newKeyId: string;
    }
);

/** A client secret or certificate that is on the registration already, as the wizard found it before any write. */
export interface ExistingCredential {
  readonly keyId: string;
  /** The description shown in the portal, e.g. `Entra Setup Wizard 1a2b3c4d 2026-12-02`. */
  readonly displayName: string | null;
  /** Secrets: the first characters Entra keeps (`hint`). Certificates: the SHA-1 thumbprint in hex. */
  readonly hint: string;
  readonly startDateTime: string | null;
  readonly endDateTime: string | null;
  /** Its end date has passed. */
  readonly expired: boolean;
  /** The wizard made it (its description starts with the wizard's name). */
  readonly madeByWizard: boolean;
}

/** The registration that the plan's unique name finds in the tenant. */
export interface ExistingRegistration {
  /** Object ID. */
  readonly id: string;
  /** Application (client) ID. */
  readonly appId: string;
  readonly displayName: string;
  readonly uniqueName: string;
  readonly secrets: readonly ExistingCredential[];
  readonly certificates: readonly ExistingCredential[];
}

export interface PlannedResourceAccess {
  readonly id: string;
  readonly type: 'Scope' | 'Role';
}

export interface PlannedRequiredResourceAccess {
  readonly resourceAppId: string;
  readonly resourceAccess: readonly PlannedResourceAccess[];
}

/** The application object exactly as Microsoft Graph receives it (without credentials, which come later). */
export interface PlannedApplication {
  readonly displayName: string;
  /** Alternate key for `PATCH /applications(uniqueName='…')`: the same answers update the same registration. */
  readonly uniqueName: string;
  readonly signInAudience: 'AzureADMultipleOrgs';
  readonly web: {
    readonly redirectUris: readonly string[];
    readonly implicitGrantSettings: {
      readonly enableIdTokenIssuance: boolean;
      readonly enableAccessTokenIssuance: false;
    };
    /** The home page users reach from the consent prompt and My Apps; absent leaves the registration's. */
    readonly homePageUrl?: string;
  };
  readonly requiredResourceAccess: readonly PlannedRequiredResourceAccess[];
  /**
   * The app instance property lock: the service principals made from this registration in other tenants cannot have
   * their credentials and other sensitive properties changed there. Null: the admin turned the lock off, and the run
   * leaves the registration's setting as it is.
   */
  readonly servicePrincipalLockConfiguration: InstancePropertyLock | null;
  /** The terms of service, privacy statement, support and marketing links; absent when the admin gave none. */
  readonly info?: PlannedInfo;
}

/** `servicePrincipalLockConfiguration` as the wizard sets it: every sensitive property locked. */
export interface InstancePropertyLock {
  readonly isEnabled: true;
  readonly allProperties: true;
}

/** The lock a new registration gets unless the admin unticks it (Microsoft recommends it for every app). */
export const INSTANCE_PROPERTY_LOCK: InstancePropertyLock = { isEnabled: true, allProperties: true };

/** A permission in the plan, with the connectors that need it. */
export interface PlannedPermission extends Permission {
  readonly neededBy: readonly ConnectorId[];
}

export interface PlannedCorrection extends Correction {
  readonly connectors: readonly ConnectorId[];
}

export type PlanNotice =
  | { readonly kind: 'retired-api'; readonly api: ResourceApiId; readonly message: string }
  | { readonly kind: 'teams-activity-monitoring'; readonly message: string }
  /** The tenant's credential policy changed the plan (a capped lifetime, no secret, no self-signed certificate). */
  | {
      readonly kind: 'secret-lifetime-capped' | 'secret-forbidden' | 'trusted-ca-required';
      readonly message: string;
    };

interface OperationBase<K extends string> {
  /** Unique in the plan, e.g. `grant-app-roles:graph`; the resume record and the progress list name it. */
  readonly id: string;
  readonly kind: K;
}

/** What a rotation's removal removes, and what must stay. */
interface RemovalTarget {
  /** The credential to remove. */
  readonly keyId: string;
  /** The credential that replaces it, which must be on the registration: otherwise nothing is removed. */
  readonly keepKeyId: string;
}

/**
 * The work a runner executes to make the registration match the plan. Only `buildPlan` decides which operations
 * exist; what each kind sends, needs and waits for is its entry in the runner's registry (`graph/operation-kinds.ts`).
 */
export type PlannedOperation =
  | (OperationBase<'resolve-permissions'> & { readonly resourceAppIds: readonly string[] })
  | OperationBase<'read-existing'>
  | OperationBase<'upsert-application'>
  | OperationBase<'add-password'>
  | OperationBase<'ensure-service-principal'>
  | (OperationBase<'grant-delegated'> & {
      readonly api: ResourceApiId;
      readonly resourceAppId: string;
      readonly scopes: readonly string[];
    })
  | (OperationBase<'grant-app-roles'> & {
      readonly api: ResourceApiId;
      readonly resourceAppId: string;
      readonly roles: readonly { readonly name: string; readonly id: string }[];
    })
  | OperationBase<'read-back'>
  | OperationBase<'read-registration'>
  | OperationBase<'update-application'>
  | OperationBase<'set-unique-name'>
  | OperationBase<'add-certificate'>
  | (OperationBase<'remove-password'> & RemovalTarget)
  | (OperationBase<'remove-certificate'> & RemovalTarget)

  /** The plan's `logo` to `PUT /applications/{id}/logo`. */
  | OperationBase<'upload-logo'>;

export type OperationKind = PlannedOperation['kind'];
/** The planned operation of one kind. */
export type OperationOf<K extends OperationKind> = Extract<PlannedOperation, { kind: K }>;

/** Everything that will be created, computed purely from the answers. Review shows it, exports render it, the runner executes it. */
export interface RegistrationPlan {
  /** The answers it was computed from: a change of one choice (a retry with a shorter secret) rebuilds from them. */
  readonly input: PlanInput;
  readonly connectors: readonly ConnectorSelection[];
  readonly application: PlannedApplication;
  readonly permissions: readonly PlannedPermission[];
  readonly credentials: {
    /**
     * Every connector signs in with a client secret. `add`: the run creates one; false when the registration has a
     * valid one already (the platform holds it) and the admin did not ask for another.
     */
    readonly clientSecret: {
      readonly add: boolean;
      readonly lifetimeMonths: SecretLifetimeMonths;
      /**
       * The tenant's longest allowed secret lifetime in days, when it is shorter than `lifetimeMonths`: the secret
       * then ends that many days after it is made. Null: `lifetimeMonths` applies.
       */
      readonly maxLifetimeDays: number | null;
      /** The tenant's app management policy forbids client secrets: the run adds none (`add` is false). */
      readonly forbidden: boolean;
    };
    /**
     * Admin accounts of Teams, OneDrive, OneDrive for Business and SharePoint also use a certificate. `credential`:
     * the public part the run sends (automatic mode), null when none was given or none is needed.
     */
    readonly certificate: {
      readonly required: boolean;
      readonly neededBy: readonly ConnectorId[];
      readonly credential: GraphKeyCredential | null;
      /**
       * The tenant only accepts certificates issued by a certificate authority it trusts: a self-signed one is not
       * sent (`credential` is null); the admin brings one issued by the authority.
       */
      readonly mustBeCaIssued: boolean;
    };
  };
  readonly idTokens: { readonly enabled: boolean; readonly neededBy: readonly ConnectorId[] };
  readonly adminConsent: {
    readonly required: boolean;
    /** The permissions that only an administrator can consent to. */
    readonly permissions: readonly PlannedPermission[];
    readonly grantNow: boolean;
  };
  /** Automatic mode: the registration the run updates (null: it creates one; undefined: not looked up). */
  readonly existing: ExistingRegistration | null | undefined;
  /** Check and repair: the registration Repair changes, and how; null for a setup. */
  readonly repair: RepairInput | null;
  /** Check and repair: the credential being rotated, and which stage this plan runs; null otherwise. */
  readonly rotation: RotationInput | null;
  readonly corrections: readonly PlannedCorrection[];
  readonly notices: readonly PlanNotice[];
  readonly operations: readonly PlannedOperation[];
  /** The logo the run uploads (and offline mode's portal steps name); null when none was chosen. */
  readonly logo: LogoImage | null;
}

// The planned application must stay assignable to Graph's own type.
export type AssertGraphCompatible = PlannedApplication extends Application ? true : never;
