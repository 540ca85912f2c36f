/** The emulator's mutable directory and token state. Plain data, so tests can inspect it. */
import type {
  Application,
  AppRoleAssignment,
  KeyCredential,
  OAuth2PermissionGrant,
  PasswordCredential,
  RequiredResourceAccess,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import type { EmulatedTenant, EmulatedUser, RegisteredClient } from './types';

/** A stored key credential; `key` always holds the certificate (Graph hides it unless `$select`ed). */
export type StoredKeyCredential = KeyCredential & { keyId: string; key: string };

/** A stored client secret; unlike Graph's responses it keeps `secretText` so tests can compare it with the UI. */
export type StoredPasswordCredential = PasswordCredential & { keyId: string; secretText: string };

/** A stored application object. */
export type StoredApplication = Application & {
  id: string;
  appId: string;
  displayName: string;
  createdDateTime: string;
  keyCredentials: StoredKeyCredential[];
  passwordCredentials: StoredPasswordCredential[];
  requiredResourceAccess: RequiredResourceAccess[];
};

/** A stored service principal (first-party resource APIs are seeded, client apps are created). */
export type StoredServicePrincipal = ServicePrincipal & { id: string; appId: string; displayName: string };

/** A stored delegated permission grant. */
export type StoredGrant = OAuth2PermissionGrant & {
  id: string;
  clientId: string;
  resourceId: string;
  consentType: string;
  scope: string;
};

/** A stored app role assignment (application permission granted to a service principal). */
export type StoredAppRoleAssignment = AppRoleAssignment & {
  id: string;
  principalId: string;
  resourceId: string;
  appRoleId: string;
};

/** An authorization code waiting for redemption. */
export interface AuthCode {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string;
  readonly userOid: string;
  readonly loginHost: string;
  readonly createdAt: number;
  redeemed: boolean;
}

/** A refresh token the emulator issued. */
export interface RefreshTokenRecord {
  readonly token: string;
  readonly clientId: string;
  readonly userOid: string;
  readonly loginHost: string;
  readonly issuedAt: number;
  revoked: boolean;
}

/** An access token the emulator issued (Graph accepts only these). */
export interface IssuedAccessToken {
  readonly token: string;
  readonly clientId: string;
  readonly userOid: string;
  /** The Graph resource it is for, e.g. `https://graph.microsoft.com`. */
  readonly audience: string;
  /** The `scp` claim, split. */
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** An interactive sign-in waiting for the user to pick an account or cancel. */
export interface PendingSignIn {
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
  readonly tenantSegment: string;
  readonly loginHost: string;
  /** `adminConsent` for the `/v2.0/adminconsent` endpoint; otherwise an `/authorize` sign-in. */
  readonly kind?: 'authorize' | 'adminConsent';
}

/** A user's sign-in stopped at "Need admin approval" or "Approval required", waiting for their choice. */
export interface ConsentInterrupt {
  readonly id: string;
  /** The `/authorize` parameters, to redirect back to the client with. */
  readonly params: Readonly<Record<string, string>>;
  readonly tenantSegment: string;
  readonly loginHost: string;
  readonly userOid: string;
  /** The requested permissions the user has not consented to, some of which only an administrator can grant. */
  readonly permissions: readonly string[];
  /** Set once the user sent a request for approval from this page. */
  readonly requestId?: string;
}

/** A request a user sent through the admin consent workflow ("Request approval"). */
export interface AdminConsentRequest {
  readonly id: string;
  /** The client (application) id the user asked approval for. */
  readonly appId: string;
  readonly userOid: string;
  readonly userPrincipalName: string;
  /** Permission values, as requested (`Application.ReadWrite.All`). */
  readonly scopes: readonly string[];
  /** The justification the user typed (Graph `userConsentRequest.reason`); may be empty. */
  readonly reason: string;
  readonly createdDateTime: string;
}

/** A replication hold on one object: it is invisible while either counter still applies. */
export interface ReplicationHold {
  remainingRequests: number;
  readonly visibleAt: number;
}

/** Everything the emulator knows. */
export interface EmulatorState {
  readonly tenant: EmulatedTenant;
  readonly users: EmulatedUser[];
  readonly clients: RegisteredClient[];
  readonly applications: Map<string, StoredApplication>;
  readonly servicePrincipals: Map<string, StoredServicePrincipal>;
  readonly oauth2PermissionGrants: Map<string, StoredGrant>;
  readonly appRoleAssignments: Map<string, StoredAppRoleAssignment>;
  readonly authCodes: Map<string, AuthCode>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
  readonly accessTokens: Map<string, IssuedAccessToken>;
  readonly pendingSignIns: Map<string, PendingSignIn>;
  /** Sign-ins waiting on the "Need admin approval" or "Approval required" page, by transaction id. */
  readonly consentInterrupts: Map<string, ConsentInterrupt>;
  /** Requests sent through the admin consent workflow, oldest first. */
  readonly adminConsentRequests: AdminConsentRequest[];
  /** Users with a live session on the emulated sign-in service (what `prompt=none` relies on). */
  readonly sessions: Set<string>;
  /** Scopes each user consented to per client: key `${clientId}|${userOid}`. */
  readonly userConsents: Map<string, Set<string>>;
  /** Replication holds by object id. */
  readonly holds: Map<string, ReplicationHold>;
  /** The owners (user object ids) of each application, by application object id; the creator becomes one. */
  readonly applicationOwners: Map<string, string[]>;
  /** Each application's logo as uploaded (`PUT /applications/{id}/logo`), by application object id. */
  readonly applicationLogos: Map<string, StoredLogo>;
}

/** An application's logo: the bytes and the type they were sent with. */
export interface StoredLogo {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** An empty state for a tenant and its users. */
export function createState(
  tenant: EmulatedTenant,
  users: readonly EmulatedUser[],
  clients: readonly RegisteredClient[],
): EmulatorState {
  return {
    tenant,
    users: [...users],
    clients: [...clients],
    applications: new Map(),
    servicePrincipals: new Map(),
    oauth2PermissionGrants: new Map(),
    appRoleAssignments: new Map(),
    authCodes: new Map(),
    refreshTokens: new Map(),
    accessTokens: new Map(),
    pendingSignIns: new Map(),
    consentInterrupts: new Map(),
    adminConsentRequests: [],
    sessions: new Set(),
    userConsents: new Map(),
    holds: new Map(),
    applicationOwners: new Map(),
    applicationLogos: new Map(),
  };
}

/** The consent key for a client and user. */
export function consentKey(clientId: string, userOid: string): string {
  return `${clientId.toLowerCase()}|${userOid}`;
}
