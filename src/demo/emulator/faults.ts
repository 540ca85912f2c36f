/**
 * Fault switches. Tests flip them at any time (`emu.faults.throttle = { count: 2 }`); assigning a counted
 * switch restarts its count, so "the next N" and "the Nth call" are counted from the moment it was set.
 */

/** 429 TooManyRequests for Graph operations (each `$batch` item counts as one operation). */
export interface ThrottleFault {
  /** Throttle the next `count` operations, then switch off. */
  readonly count?: number;
  /** Throttle every `every`-th operation (the Nth, 2Nth, ...) until switched off. Takes precedence over `count`. */
  readonly every?: number;
  /** `Retry-After` in seconds (may be fractional, like Graph's `2.128`). Default 1. */
  readonly retryAfterSeconds?: number;
}

/** 503 (or 504) for the next `count` Graph operations. */
export interface UnavailableFault {
  readonly count: number;
  readonly status?: 503 | 504;
  /** When set, a `Retry-After` header is sent too (Graph sometimes does on 503). */
  readonly retryAfterSeconds?: number;
}

/**
 * Eventual consistency: an application or service principal created while this is set stays invisible to
 * other requests until both conditions are met: `requests` requests that referenced it were refused, and
 * `ms` milliseconds passed since it was created.
 */
export interface ReplicationDelay {
  readonly requests?: number;
  readonly ms?: number;
}

/** The `call`-th top-level Graph HTTP call (1-based, a `$batch` counts once) fails at the network level. */
export interface NetworkFailureFault {
  readonly call: number;
  /** The server did the work before the connection dropped (a POST's object exists). Default false. */
  readonly effectApplied?: boolean;
}

/** Sign-in errors the emulated sign-in page can be made to return. */
export type SignInErrorCode = 'AADSTS90094' | 'AADSTS65001';

/** The mutable fault switches of one emulator. */
export class FaultSwitches {
  /** Added to every response, login and Graph alike. */
  latencyMs = 0;
  /** Send `Access-Control-Expose-Headers: Retry-After` (real Graph does not, so browser JS cannot read it). */
  exposeRetryAfter = false;
  /** 403 Authorization_RequestDenied on writes to oauth2PermissionGrants and appRoleAssignedTo/appRoleAssignments. */
  consentForbidden = false;
  /** Every interactive sign-in (and `prompt=none`) ends with this error until it is cleared. */
  signInError: SignInErrorCode | undefined = undefined;
  /** Send `Cross-Origin-Opener-Policy: same-origin` on the sign-in page, except when MSAL sent `pocd=1`. */
  coop = false;
  /** See {@link ReplicationDelay}. Read when an object is created. */
  replicationDelay: ReplicationDelay | undefined = undefined;
  /** Tenant app management policy: the longest client secret lifetime allowed, in days. */
  maxSecretLifetimeDays: number | undefined = undefined;
  /** Tenant app management policy: the longest certificate (keyCredential) lifetime allowed, in days. */
  maxCertificateLifetimeDays: number | undefined = undefined;
  /**
   * 403 Authorization_RequestDenied on the consent policy reads (`authorizationPolicy`, `permissionGrantPolicies`),
   * whatever the token holds: a role that cannot read them (Application Administrator, for `authorizationPolicy`).
   */
  consentPolicyReadDenied = false;

  #throttle: ThrottleFault | undefined;
  #throttleSeen = 0;
  #unavailable: UnavailableFault | undefined;
  #unavailableSeen = 0;
  #networkFailure: NetworkFailureFault | undefined;
  #networkSeen = 0;

  /** See {@link ThrottleFault}. */
  get throttle(): ThrottleFault | undefined {
    return this.#throttle;
  }
  set throttle(value: ThrottleFault | undefined) {
    this.#throttle = value;
    this.#throttleSeen = 0;
  }

  /** See {@link UnavailableFault}. */
  get unavailable(): UnavailableFault | undefined {
    return this.#unavailable;
  }
  set unavailable(value: UnavailableFault | undefined) {
    this.#unavailable = value;
    this.#unavailableSeen = 0;
  }

  /** See {@link NetworkFailureFault}; a bare number means `{ call: n }`. */
  get networkFailureOnCall(): NetworkFailureFault | undefined {
    return this.#networkFailure;
  }
  set networkFailureOnCall(value: NetworkFailureFault | number | undefined) {
    this.#networkFailure = typeof value === 'number' ? { call: value } : value;
    this.#networkSeen = 0;
  }

  /** Counts one Graph operation against the throttle switch; returns it when this operation is throttled. */
  takeThrottle(): ThrottleFault | undefined {
    const t = this.#throttle;
    if (!t) return undefined;
    this.#throttleSeen++;
    if (t.every !== undefined && t.every > 0) return this.#throttleSeen % t.every === 0 ? t : undefined;
    const count = t.count ?? 0;
    if (this.#throttleSeen >= count) this.#throttle = undefined;
    return this.#throttleSeen <= count ? t : undefined;
  }

  /** Counts one Graph operation against the unavailable switch; returns it when this operation fails. */
  takeUnavailable(): UnavailableFault | undefined {
    const u = this.#unavailable;
    if (!u) return undefined;
    this.#unavailableSeen++;
    if (this.#unavailableSeen >= u.count) this.#unavailable = undefined;
    return this.#unavailableSeen <= u.count ? u : undefined;
  }

  /** Counts one top-level Graph call; returns the switch when this call must fail at the network level. */
  takeNetworkFailure(): NetworkFailureFault | undefined {
    const n = this.#networkFailure;
    if (!n) return undefined;
    this.#networkSeen++;
    if (this.#networkSeen < n.call) return undefined;
    this.#networkFailure = undefined;
    return n;
  }

  /** Applies several settings at once (used for the `faults` creation option). */
  apply(settings: FaultSettings): void {
    Object.assign(this, settings);
  }
}

/** Plain settings for {@link FaultSwitches}, e.g. as an emulator creation option. */
export type FaultSettings = Partial<
  Pick<
    FaultSwitches,
    | 'latencyMs'
    | 'exposeRetryAfter'
    | 'consentForbidden'
    | 'signInError'
    | 'coop'
    | 'replicationDelay'
    | 'maxSecretLifetimeDays'
    | 'maxCertificateLifetimeDays'
    | 'consentPolicyReadDenied'
    | 'throttle'
    | 'unavailable'
  > & { networkFailureOnCall: NetworkFailureFault | number }
>;
