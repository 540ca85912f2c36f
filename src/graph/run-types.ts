/**
 * The contract between the plan runner (the only code that writes to Microsoft Graph) and the UI: options, progress,
 * errors explained in plain words, the result, and what is kept in sessionStorage to resume an interrupted run.
 */
import type { TenantPolicies } from '../plan/tenant-policy-types';
import type { GetToken } from '../config/get-token';
import type { ExistingRegistration, RegistrationPlan } from '../plan/plan-types';
import type { OwnedApplication, RegistrationSnapshot } from './registration-check';

/**
 * What a run needs beyond the plan, none of it a decision (every choice the admin made is in the plan): the signal
 * that stops it. The token source and the storage are the runner's ({@link PlanRunnerDeps}).
 */
export interface RunOptions {
  readonly signal?: AbortSignal;
}

/** `waiting`: about to send a request again; {@link WaitKind} says why. */
export type OperationStatus = 'pending' | 'running' | 'waiting' | 'done' | 'skipped' | 'failed';

/**
 * Why the runner waits before sending a request again:
 * - `replication`: Microsoft Entra has not made a new object visible everywhere yet (404, or a 400 naming it);
 * - `throttled`: Graph answered 429 Too Many Requests;
 * - `unavailable`: Graph answered 503 Service Unavailable or 504 Gateway Timeout;
 * - `connection`: no answer arrived (the connection dropped).
 */
export type WaitKind = 'replication' | 'throttled' | 'unavailable' | 'connection';

/** One line of the progress list: a planned operation and how far it got. */
export interface OperationProgress {
  /** The planned operation's id, e.g. `grant-app-roles:graph`. */
  readonly id: string;
  readonly title: string;
  readonly status: OperationStatus;
  /** A short non-secret note, e.g. "Updated the existing registration". */
  readonly detail?: string;
  readonly error?: ExplainedError;
  /** While `waiting`: why. */
  readonly waitKind?: WaitKind;
}

/** What kind of failure it is, so the UI can offer the matching remedy. */
export type ExplainedErrorKind =
  | 'consent-forbidden'
  | 'secret-lifetime-policy'
  | 'certificate-lifetime-policy'
  | 'insufficient-privileges'
  | 'replication-timeout'
  | 'network'
  | 'other';

/** A failure in plain words: Graph's code and message, what it means, and what the user can do. */
export interface ExplainedError {
  /** Graph's error code (e.g. `Authorization_RequestDenied`), or the wizard's own (e.g. `PermissionNotInTenant`). */
  readonly code: string;
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** Graph's message (never contains secrets or tokens). */
  readonly message: string;
  /** What it means. */
  readonly meaning: string;
  /** What the user can do. */
  readonly action: string;
  /** Graph's `request-id`, for a support ticket. */
  readonly requestId?: string;
  readonly kind: ExplainedErrorKind;
}

/** A property of the registration that does not read back as planned. */
export interface DriftEntry {
  readonly property: string;
  readonly expected: string;
  readonly actual: string;
}

/** One planned grant (one resource API, delegated or application permissions) and how it ended. */
export interface GrantOutcome {
  /** The grant operation's id, e.g. `grant-app-roles:graph`. */
  readonly id: string;
  /** What it grants, e.g. "Microsoft Graph application permissions". */
  readonly what: string;
  /** `not-run`: an earlier step did not finish (or the run was stopped) before it. */
  readonly status: 'granted' | 'failed' | 'not-run';
  readonly error?: ExplainedError;
}

/** The outcome of the optional admin consent. */
export interface ConsentOutcome {
  /**
   * - `granted`: every planned grant was made;
   * - `not-requested`: the admin chose not to grant consent now;
   * - `forbidden`: at least one grant failed because the signed-in account may not grant it;
   * - `failed`: at least one grant failed for another reason (e.g. replication outlasted the budget).
   */
  readonly status: 'granted' | 'not-requested' | 'forbidden' | 'failed';
  /** Each planned grant; empty when not requested. */
  readonly grants: readonly GrantOutcome[];
  /** The failure that explains it best (a 403 first). */
  readonly error?: ExplainedError;
}

/** The client secret. `secretText` exists only in memory: it is shown once and never stored. */
export interface CreatedSecret {
  readonly keyId: string;
  readonly secretText: string;
  /** The first characters of the secret, as the portal shows them. */
  readonly hint: string;
  readonly endDateTime: string;
  readonly displayName: string;
}

/** What a successful run created or updated. */
export interface RunResult {
  /** The tenant the registration lives in (the service principal's owner organization). */
  readonly tenantId?: string;
  readonly application: { readonly id: string; readonly appId: string; readonly displayName: string };
  /**
   * Object id of the app's service principal (enterprise application); null when the run neither made nor looked
   * for it (a repair without the service principal or consent, a credential rotation).
   */
  readonly servicePrincipalId: string | null;
  /** The new client secret; null when the plan added none (the registration keeps the secret the platform has). */
  readonly secret: CreatedSecret | null;
  readonly consent: ConsentOutcome;
  /** `customKeyIdentifier` Graph stored for the wizard's certificate (base64 SHA-1 thumbprint); null without one. */
  readonly storedCustomKeyIdentifier: string | null;
  /** Differences between the registration as read back and the plan; empty when it matches. */
  readonly drift: readonly DriftEntry[];
  /** Where the tenant's permission ids differ from the catalog's (the tenant's were used), found before any write. */
  readonly permissionDifferences: readonly string[];
  /** The registration as the run found it before writing (its credentials then); null when the run created it. */
  readonly before: ExistingRegistration | null;
}

/** Shown while the runner waits before retrying. */
export interface RunWaiting {
  readonly kind: WaitKind;
  /** Epoch ms of the next attempt. */
  readonly until: number;
  /** Epoch ms when the runner gives up: the end of the replication budget; `until` for the other kinds. */
  readonly budgetEndsAt: number;
}

/** The runner's state for `useSyncExternalStore`: a new object on every change. */
export interface RunState {
  readonly status: 'idle' | 'running' | 'succeeded' | 'failed';
  readonly operations: readonly OperationProgress[];
  readonly waiting?: RunWaiting;
  readonly result?: RunResult;
  readonly error?: ExplainedError;
}

/**
 * The non-secret progress kept in sessionStorage so that a run interrupted by a reload can be resumed without
 * creating anything twice. Never holds a secret's text, a token or a key.
 */
export interface StoredRun {
  readonly version: 1;
  /** Names this run's secrets (`Entra Setup Wizard <runId> <date>`), so a resumed run can find and replace them. */
  readonly runId: string;
  readonly uniqueName: string;
  /** Hash of the plan; differs when the same registration is re-run with other answers. */
  readonly planFingerprint: string;
  readonly applicationId: string | null;
  readonly appId: string | null;
  readonly servicePrincipalId: string | null;
  readonly secret: { readonly keyId: string; readonly displayName: string; readonly saved: boolean } | null;
  /** Ids of the operations that finished. */
  readonly finished: readonly string[];
  readonly updatedAt: number;
}

/** The slice of Web Storage the runner uses (sessionStorage in the app). */
export type RunStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Dependencies of `createPlanRunner`; everything but the base URL and the token source has a default. */
export interface PlanRunnerDeps {
  /** Graph host of the cloud, e.g. `https://graph.microsoft.com` (`clouds[id].graph`). */
  readonly graphBaseUrl: string;
  /** Silent: the UI asks for the run's permissions interactively first (see `runPermissions`). */
  readonly getToken: GetToken;
  readonly fetch?: typeof fetch;
  /** Where progress is kept for resuming; null or absent keeps nothing. */
  readonly storage?: RunStorage | null;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  /** The id that names a run's secrets (`newRunId`: 8 random hex digits). */
  readonly newRunId?: () => string;
  /** How long to keep retrying calls that fail because Entra has not replicated a new object yet (`DEFAULT_REPLICATION_BUDGET_MS`). */
  readonly replicationBudgetMs?: number;
  /** Gather the requests of each level of the run into one JSON batch. Default true. */
  readonly batch?: boolean;
}

/** Executes a registration plan against Microsoft Graph. */
export interface PlanRunner {
  /** Runs the plan; rejects with a `RunFailure` (see `graph-errors.ts`) carrying an {@link ExplainedError}. */
  run(plan: RegistrationPlan, options?: RunOptions): Promise<RunResult>;
  getState(): RunState;
  subscribe(listener: () => void): () => void;
  /** The user saved the secret (downloaded/copied the credentials): a later interrupted run must not remove it. */
  markSecretSaved(): void;
  /**
   * The admin finished: forgets the last run (its session, the client secret it holds, its result) and the review's
   * reads, and goes back to idle. The resume record in storage holds nothing secret and stays: it still names a secret
   * nobody saved, so that a later run replaces it. Does nothing and returns false while a run is in progress.
   */
  forget(): boolean;
  /** Non-secret progress of an interrupted (or unsaved) run of this registration, if any, for a "resume" banner. */
  interruptedRun(plan: RegistrationPlan): StoredRun | null;
  /**
   * Runs the failed and not-yet-run operations of the last run again, for this plan of the same registration: the
   * last run's plan, or one with a changed choice (a shorter secret lifetime after a policy error, another
   * certificate, consent after an administrator got the right role). Finished work that still stands is kept.
   */
  retry(plan: RegistrationPlan, options?: RunOptions): Promise<RunResult>;
  /**
   * Reads, without writing anything, the registration this unique name finds (its name and credentials), or null.
   * Needs a token for `Application.ReadWrite.All`, as the run does. With `resourceAppIds` it also reads those
   * resource service principals; a run of this unique name that starts within 30 s uses both reads instead of its
   * own.
   */
  inspect(
    uniqueName: string,
    options?: {
      readonly signal?: AbortSignal;
      readonly onWait?: (waiting: RunWaiting | undefined) => void;
      readonly resourceAppIds?: readonly string[];
    },
  ): Promise<ExistingRegistration | null>;
  /**
   * Check and repair: reads a registration by client ID (or object ID), its service principal, consent and owners,
   * writing nothing. Null when no registration has that ID.
   */
  checkRegistration(
    ref: string,
    resourceAppIds: readonly string[],
    options?: { readonly signal?: AbortSignal },
  ): Promise<RegistrationSnapshot | null>;
  /** The registrations the signed-in admin owns. */
  ownedApplications(options?: { readonly signal?: AbortSignal }): Promise<OwnedApplication[]>;
  /**
   * Reads the tenant's consent and credential policies, writing nothing (`Policy.Read.All`, asked for with Create's
   * permissions). With `applicationId`, the app management policies applied to that registration replace the tenant
   * default. A read Graph refuses is named in `unreadable`; the others go on.
   */
  readPolicies(options: {
    readonly tenantId: string;
    readonly applicationId?: string;
    readonly signal?: AbortSignal;
    readonly onWait?: (waiting: RunWaiting | undefined) => void;
  }): Promise<TenantPolicies>;
  /**
   * One small read with the sign-in token (`User.Read`), for while the admin answers a permission window: the
   * browser's CORS check of Graph (one round trip, kept about 5 s) is then done before the run needs it. Never
   * rejects; a failure changes nothing.
   */
  warmUp(): void;
  /**
   * Removes these credentials from the last run's registration: secrets by `removePassword`, certificates by sending
   * the certificate list without them. Only ever called with the admin's explicit choice.
   */
  removeCredentials(selection: CredentialRemoval, signal?: AbortSignal): Promise<CredentialRemovalResult>;
}

/** keyIds of the credentials to remove. */
export interface CredentialRemoval {
  readonly secrets: readonly string[];
  readonly certificates: readonly string[];
}

/** What was removed, and what could not be (with why). */
export interface CredentialRemovalResult {
  readonly removed: readonly string[];
  readonly failed: readonly { readonly keyId: string; readonly error: ExplainedError }[];
}
