/**
 * What one run knows while it executes (ids, the tenant's permission ids, the secret in memory), and the context
 * each operation gets: a `send` bound to the run's signal and to the operation's waiting state and budget.
 */
import type { Application, PasswordCredential, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import type { LogoImage } from '../catalog/logo-image';
import type { RegistrationPlan } from '../plan/plan-types';
import type { ReadBackReport } from './drift';
import type { GraphResponse, SendOptions } from './graph-client';
import type { ApplicationBody, GraphRequest } from './graph-requests';
import type { ResolvedPermissions } from './resolve-permissions';
import type { CreatedSecret, StoredRun } from './run-types';

/**
 * What the review's check of the tenant read moments before the run (see `PlanRunner.inspect`): the registration the
 * unique name finds, and the resource service principals, so the run does not read them again.
 */
export interface PrefetchedReads {
  readonly uniqueName: string;
  readonly application: Application | null;
  readonly servicePrincipals?: ReadonlyMap<string, ServicePrincipal | null>;
  /** When they were read (epoch ms). */
  readonly at: number;
}

/** The mutable knowledge of one run; `retry` continues with the same session. */
export interface RunSession {
  /** What runs; a retry may replace it with the same registration's plan after a changed choice. */
  plan: RegistrationPlan;
  /** Names this run's secrets; a resumed run keeps the interrupted run's id to find what it left behind. */
  readonly runId: string;
  /** The interrupted run this one resumes, if any. */
  readonly resumed: StoredRun | null;
  /** Reads the review made moments before this run, for its unique name. */
  readonly prefetched?: PrefetchedReads;
  resolved?: ResolvedPermissions;
  /** The registration as read before any write (with its certificates' keys); null when none had the unique name. */
  current?: Application | null;
  /** When `current` was read (epoch ms), to tell which of its credentials had expired. */
  readAt?: number;
  application?: { id: string; appId: string; displayName: string };
  /** The upsert updated an existing registration (204): its service principal probably exists too. */
  applicationExisted?: boolean;
  /** The application's secrets as read after a 204 upsert, when cleanup is due (saves add-password a request). */
  knownSecrets?: readonly PasswordCredential[];
  /** A secret of this run may exist that the runner does not hold: a resumed run, or an addPassword without answer. */
  secretCleanupNeeded: boolean;
  /** In memory only: never persisted. */
  secret?: CreatedSecret;
  secretSaved: boolean;
  servicePrincipalId?: string;
  /** The service principal existed before this run: its grants may exist too. */
  servicePrincipalExisted?: boolean;
  tenantId?: string;
  /** The application body last sent, and the keyId of the plan's certificate on the registration, for the read-back. */
  sentBody?: ApplicationBody;
  sentCertificateKeyId: string | null;
  /** keyId of the certificate the last upsert was for (the plan's), to tell whether a retry must send another. */
  upsertedFor?: string | null;
  readBack?: ReadBackReport;
  /** The body the read-back compared with. */
  readBackOf?: ApplicationBody;
  /** The logo the last upload sent, to tell whether the plan now has another. */
  uploadedLogo?: LogoImage;
  /** Operations finished in this session. */
  readonly finished: Set<string>;
  /** Non-secret notes per operation, shown in the progress list. */
  readonly details: Map<string, string>;
}

/**
 * Creates the session of a new run. A run resuming a record whose secret was not saved keeps that run's id, so its
 * leftover secrets are found by name and replaced; after a saved secret a new id keeps the saved one out of reach.
 */
export function createSession(
  plan: RegistrationPlan,
  resumed: StoredRun | null,
  newRunId: () => string,
  prefetched?: PrefetchedReads,
): RunSession {
  const continues = resumed !== null && !resumed.secret?.saved;
  return {
    plan,
    ...(prefetched ? { prefetched } : {}),
    runId: continues ? resumed.runId : newRunId(),
    resumed,
    secretCleanupNeeded: continues,
    secretSaved: false,
    sentCertificateKeyId: null,
    finished: new Set(),
    details: new Map(),
  };
}

/** What an operation may do. */
export interface OperationContext {
  readonly session: RunSession;
  readonly now: () => number;
  send<T>(
    request: GraphRequest,
    options: Pick<SendOptions, 'permissions' | 'retryOnNetworkError' | 'isReplicationLag'>,
  ): Promise<GraphResponse<T>>;
  /** A short non-secret note for the progress list. */
  detail(text: string): void;
  /** Writes the resume record now (e.g. right after a secret exists). */
  persist(): void;
}

/** The value an earlier operation must have produced; a missing one is a bug in the operation order. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The run has no ${what} yet.`);
  return value;
}
