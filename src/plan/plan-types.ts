import type { Application } from '@microsoft/microsoft-graph-types';
import type { ConnectorId, ConnectorMode } from '../catalog/connectors';
import type { Correction } from '../catalog/corrections';
import type { Permission } from '../catalog/permissions';
import type { ResourceApiId } from '../catalog/resource-apis';

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
  };
  readonly requiredResourceAccess: readonly PlannedRequiredResourceAccess[];
}

/** A permission in the plan, with the connectors that need it. */
export interface PlannedPermission extends Permission {
  readonly neededBy: readonly ConnectorId[];
}

export interface PlannedCorrection extends Correction {
  readonly connectors: readonly ConnectorId[];
}

export type PlanNotice =
  | { readonly kind: 'retired-api'; readonly api: ResourceApiId; readonly message: string }
  | { readonly kind: 'teams-activity-monitoring'; readonly message: string };

interface OperationBase<K extends string> {
  readonly id: string;
  readonly kind: K;
  /** What the step does, in plain words, for the progress list. */
  readonly title: string;
  /** Operations that must finish first; operations with no path between them may run at the same time. */
  readonly dependsOn: readonly string[];
}

/** The ordered work a runner executes to make the registration match the plan. */
export type PlannedOperation =
  | (OperationBase<'resolve-permissions'> & { readonly resourceAppIds: readonly string[] })
  | (OperationBase<'upsert-application'> & { readonly withCertificate: boolean })
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
  | OperationBase<'read-back'>;

/** Everything that will be created, computed purely from the answers. Review shows it, exports render it, the runner executes it. */
export interface RegistrationPlan {
  readonly connectors: readonly ConnectorSelection[];
  readonly application: PlannedApplication;
  readonly permissions: readonly PlannedPermission[];
  readonly credentials: {
    /** Always: every connector signs in with the client secret. */
    readonly clientSecret: true;
    /** Admin accounts of Teams, OneDrive, OneDrive for Business and SharePoint also use a certificate. */
    readonly certificate: { readonly required: boolean; readonly neededBy: readonly ConnectorId[] };
  };
  readonly idTokens: { readonly enabled: boolean; readonly neededBy: readonly ConnectorId[] };
  readonly adminConsent: {
    readonly required: boolean;
    /** The permissions that only an administrator can consent to. */
    readonly permissions: readonly PlannedPermission[];
    readonly grantNow: boolean;
  };
  readonly corrections: readonly PlannedCorrection[];
  readonly notices: readonly PlanNotice[];
  readonly operations: readonly PlannedOperation[];
}

// The planned application must stay assignable to Graph's own type.
export type AssertGraphCompatible = PlannedApplication extends Application ? true : never;
