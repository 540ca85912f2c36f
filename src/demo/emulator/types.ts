/** The request and response shapes of the emulator's handler, and the directory it emulates. */

/** One HTTP request as the transport (Playwright route, a fetch shim, a test) sees it. */
export interface EmulatorRequest {
  readonly method: string;
  /** Absolute URL, e.g. `https://graph.microsoft.com/v1.0/me`. */
  readonly url: string;
  /** Header names in any case; the emulator compares them case-insensitively. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** The body's bytes as sent, for a body that is not text (an application's logo); `body` is then its UTF-8 reading. */
  readonly bodyBytes?: Uint8Array | undefined;
}

/** An HTTP answer. Header names are as Microsoft's services spell them. */
export interface EmulatorHttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The connection failed: the transport must drop the request (Playwright `route.abort('failed')`). */
export interface EmulatorAbort {
  readonly abort: 'failed';
}

/** What {@link Emulator.handle} returns. */
export type EmulatorResponse = EmulatorHttpResponse | EmulatorAbort;

/** True when the handler asks the transport to fail the connection. */
export function isAbort(response: EmulatorResponse): response is EmulatorAbort {
  return 'abort' in response;
}

/** A user who can sign in on the emulated sign-in page. */
export interface EmulatedUser {
  /** Object id: the `oid` claim and `/me` id. */
  readonly oid: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string;
  /**
   * Whether the user can consent to permissions that need an administrator. A user who is not one sees Entra's
   * "Need admin approval" page (or "Approval required", with the admin consent workflow on) when an interactive
   * sign-in asks for an admin-only scope nobody has consented to yet.
   */
  readonly isAdmin: boolean;
}

/** The tenant behind the emulator. */
export interface EmulatedTenant {
  readonly id: string;
  readonly displayName: string;
  /** The initial `*.onmicrosoft.com` domain; also accepted as `{tenant}` in login URLs. */
  readonly initialDomain: string;
  /**
   * The tenant's admin consent workflow (Graph `adminConsentRequestPolicy`). With `isEnabled`, a user who cannot
   * consent sees "Approval required" and can send a request; without it (the default), "Need admin approval".
   */
  readonly adminConsentRequestPolicy?: {
    readonly isEnabled: boolean;
    /** Graph `accessReviewReviewerScope` queries, e.g. `/users/{id}`; default: the first admin. */
    readonly reviewers?: readonly { readonly query: string }[];
  };
  /**
   * The user consent setting (`permissionGrantPoliciesAssigned` of the default user role): `off` (none), `legacy`
   * (`microsoft-user-default-legacy`, the default here), `low` (`microsoft-user-default-low`) or `recommended`
   * (Microsoft-managed, `microsoft-user-default-recommended`). Read by the policy endpoints only: the sign-in page does
   * not apply it.
   */
  readonly userConsent?: UserConsentSetting;
  /** The tenant's default app management policy; enforced on `addPassword` and `keyCredentials`. Default: none. */
  readonly appManagementPolicy?: EmulatedAppManagementPolicy;
}

export type UserConsentSetting = 'off' | 'legacy' | 'low' | 'recommended';

/** Restrictions of the emulated `defaultAppManagementPolicy.applicationRestrictions`. */
export interface EmulatedAppManagementPolicy {
  /** `passwordAddition`: `addPassword` answers 400 `CredentialTypeNotAllowedAsPerAppPolicy`. */
  readonly secretsForbidden?: boolean;
  /** `passwordLifetime`: longer secrets answer 400 `CredentialInvalidLifetimeAsPerAppPolicy`. */
  readonly maxSecretLifetimeDays?: number;
  /** `trustedCertificateAuthority`: a self-signed certificate answers 400 `CredentialTypeNotAllowedAsPerAppPolicy`. */
  readonly trustedCertificateAuthority?: boolean;
  /** `asymmetricKeyLifetime`: longer certificates answer 400 `CredentialInvalidLifetimeAsPerAppPolicy`. */
  readonly maxCertificateLifetimeDays?: number;
}

/** A client (app) that may sign users in. Without any, every GUID `client_id` and any redirect URI is accepted. */
export interface RegisteredClient {
  readonly clientId: string;
  /** Exact redirect URIs; when given, `/authorize` rejects others with AADSTS50011. */
  readonly redirectUris?: readonly string[];
  readonly displayName?: string;
}
