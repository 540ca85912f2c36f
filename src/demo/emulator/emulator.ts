/**
 * An emulator of login.microsoftonline.com and graph.microsoft.com (and their national-cloud twins) for
 * end-to-end tests: a pure request handler with state, written against WebCrypto and web APIs only, so the
 * same module can run in Node (Playwright routes, Vitest) or in a browser.
 */
import permissionCatalogue from '../../catalog/microsoft-permissions.source.json' with { type: 'json' };
import { DEFAULT_ADMIN, DEFAULT_TENANT } from './defaults';
import { createDispatcher } from './dispatch';
import { FaultSwitches } from './faults';
import type { FaultSettings } from './faults';
import { TokenSigner } from './jwt';
import { cryptoRandom, newGuid } from './random';
import type { RandomSource } from './random';
import { createQueries } from './queries';
import type { EmulatorQueries } from './queries';
import { countRoundTrips } from './request-log';
import type { LogEntry, RoundTripOptions, RoundTripReport } from './request-log';
import type { Runtime } from './runtime';
import { seedServicePrincipals } from './seed';
import type { PermissionSource } from './seed';
import { seedApplication } from './seed-applications';
import type { SeededApplication } from './seed-applications';
import { createState } from './state';
import type { EmulatorState, StoredApplication } from './state';
import type {
  EmulatedTenant,
  EmulatedUser,
  EmulatorRequest,
  EmulatorResponse,
  RegisteredClient,
} from './types';

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** Tenant id (shortcut for `tenant.id`). */
  readonly tenantId?: string;
  readonly tenant?: Partial<EmulatedTenant>;
  /** Accounts on the sign-in page. Default: {@link DEFAULT_ADMIN} only. */
  readonly users?: readonly EmulatedUser[];
  /** Known clients; without any, every GUID client id and redirect URI is accepted. */
  readonly clients?: readonly RegisteredClient[];
  /** The permission catalogue to seed the first-party service principals from. Default: the repository's copy. */
  readonly seedPermissions?: PermissionSource;
  /** Clock (epoch ms) for tokens, logs, expiry and replication. Default `Date.now`. */
  readonly now?: () => number;
  /** Random bytes for ids and secrets. Default WebCrypto; see `seededRandom`. */
  readonly random?: RandomSource;
  /** How latency is waited for. Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Initial fault switches. */
  readonly faults?: FaultSettings;
  /** Keep request and response bodies in the log. Default true. */
  readonly logBodies?: boolean;
  /** `expires_in` of access tokens. Default 3599. */
  readonly accessTokenLifetimeSeconds?: number;
  /** Authorization code lifetime. Default 600000 (10 minutes). */
  readonly authCodeLifetimeMs?: number;
  /** Revoke a refresh token once redeemed (Entra does not). Default false. */
  readonly revokeRedeemedRefreshTokens?: boolean;
  /** Put before every client secret's text (the demo marks its secrets as made up). Default none. */
  readonly secretPrefix?: string;
  /** Registrations that exist from the start (made in the portal, with drift). */
  readonly applications?: readonly SeededApplication[];
}

/** One emulator instance. */
export interface Emulator extends EmulatorQueries {
  /** Answers one request. Never throws: handler errors become a 500. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse>;
  /** Mutable fault switches. */
  readonly faults: FaultSwitches;
  /** Every request, in arrival order (batch items follow their batch). */
  readonly log: readonly LogEntry[];
  /** The live state (inspect; mutate only if you know what you do). */
  readonly state: EmulatorState;
  readonly tenantId: string;
  /** The first configured user (the default admin unless `users` was given). */
  readonly defaultUser: EmulatedUser;
  /** URLs of requests to hosts outside the app and Microsoft, as recorded by the transport. */
  readonly outsideRequests: string[];
  /** Records an outside-host request (the Playwright fixture calls this before aborting it). */
  recordOutsideRequest(url: string): void;
  /** Sequential round trips of the logged requests (Graph only by default). */
  roundTrips(options?: RoundTripOptions): RoundTripReport;
  /** Empties the log (e.g. after sign-in, before measuring). */
  clearLog(): void;
  /** Adds a registration as if made earlier in the portal; returns it as stored. */
  seedApplication(spec: SeededApplication): StoredApplication;
  /** The owners (user object ids) of an application (object id). */
  ownersOf(applicationId: string): string[];
  /**
   * Replication catches up at once: every object held by the replication delay becomes visible to the next request,
   * and new objects are no longer held. A test that has seen the wait need not sit out the rest of it.
   */
  replicateNow(): void;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates an emulator with fresh state. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const random = options.random ?? cryptoRandom;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  const tenant: EmulatedTenant = {
    ...DEFAULT_TENANT,
    ...options.tenant,
    ...(options.tenantId ? { id: options.tenantId } : {}),
  };
  const users = options.users && options.users.length > 0 ? options.users : [DEFAULT_ADMIN];
  const state = createState(tenant, users, options.clients ?? []);
  const faults = new FaultSwitches();
  if (options.faults) faults.apply(options.faults);
  const newId = () => newGuid(random);
  const permissionSource = options.seedPermissions ?? (permissionCatalogue as PermissionSource);
  for (const sp of seedServicePrincipals(permissionSource, newId)) state.servicePrincipals.set(sp.id, sp);
  const rt: Runtime = {
    state,
    faults,
    signer: new TokenSigner(random),
    now,
    random,
    newId,
    permissionSource,
    settings: {
      accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3599,
      authCodeLifetimeMs: options.authCodeLifetimeMs ?? 600_000,
      revokeRedeemedRefreshTokens: options.revokeRedeemedRefreshTokens ?? false,
      secretPrefix: options.secretPrefix ?? '',
    },
  };
  for (const spec of options.applications ?? []) seedApplication(rt, spec);
  const log: LogEntry[] = [];
  const outsideRequests: string[] = [];
  const logBodies = options.logBodies ?? true;

  return {
    ...createQueries(rt),
    handle: createDispatcher(rt, { log, sleep, logBodies }),
    faults,
    log,
    state,
    tenantId: tenant.id,
    defaultUser: users[0] ?? DEFAULT_ADMIN,
    outsideRequests,
    recordOutsideRequest: (url) => {
      outsideRequests.push(url);
    },
    roundTrips: (opts) => countRoundTrips(log, opts),
    clearLog: () => {
      log.length = 0;
    },
    seedApplication: (spec) => seedApplication(rt, spec),
    ownersOf: (applicationId) => [...(state.applicationOwners.get(applicationId) ?? [])],
    replicateNow: () => {
      faults.replicationDelay = undefined;
      state.holds.clear();
    },
  };
}
