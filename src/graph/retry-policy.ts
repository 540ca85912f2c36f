/**
 * When and how long to wait before sending a request again: throttling and outages (429, 503, 504), lost
 * connections, and Entra's replication lag right after an object was created (no documented SLA, so a visible budget).
 */
import type { GraphResponseError } from './graph-errors';

/** Capped exponential backoff settings. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
}

/** 429/503/504 without a readable Retry-After (browsers cannot read it: Graph does not expose it to CORS). */
export const THROTTLE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, maxAttempts: 6 };

/** A request that may be repeated after a lost connection. */
export const NETWORK_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 8_000, maxAttempts: 4 };

/**
 * Replication lag: polls soon and often, so the run goes on within half a second of the object becoming visible
 * (0.3 s, then every 0.45 and 0.5 s). Entra usually catches up within seconds; after 30 s of waiting, polls space
 * out to 5 s. Each poll is one small request; the budget bounds the total.
 */
export const REPLICATION_POLL = {
  baseMs: 300,
  factor: 1.5,
  capMs: 500,
  laterAfterMs: 30_000,
  laterCapMs: 5_000,
} as const;

/** How long to keep retrying replication lag before giving up. */
export const DEFAULT_REPLICATION_BUDGET_MS = 180_000;

/** A Retry-After longer than this is cut short: the user is watching a progress list. */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * Milliseconds a `Retry-After` value asks for: delta-seconds (Graph sends fractions such as `2.128`) or an
 * HTTP-date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Math.round(Number(text) * 1000), MAX_RETRY_AFTER_MS);
  // An HTTP-date names the day and month; anything else (e.g. "-3") is not a date Graph would send.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** The exponential ceiling for 0-based `attempt`: base × factor^attempt (factor 2 unless given), at most the cap. */
export function backoffCeiling(
  attempt: number,
  policy: { baseMs: number; capMs: number; factor?: number },
): number {
  return Math.min(policy.capMs, policy.baseMs * (policy.factor ?? 2) ** Math.max(0, attempt));
}

/** "Full jitter": a random wait up to the ceiling, so many clients do not retry in step. */
export function fullJitterDelay(
  attempt: number,
  policy: { baseMs: number; capMs: number },
  random: () => number,
): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}

/**
 * The wait before the next poll of an object that is not visible yet, after `waitedMs` of waiting. No jitter: the
 * requests that failed together (one grant per permission) poll together, so they keep sharing one batch.
 */
export function replicationDelay(attempt: number, waitedMs = 0): number {
  const p = REPLICATION_POLL;
  const cap = waitedMs >= p.laterAfterMs ? p.laterCapMs : p.capMs;
  return Math.round(backoffCeiling(attempt, { baseMs: p.baseMs, capMs: cap, factor: p.factor }));
}

/** True for the statuses that mean "try again later". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** 404 `Request_ResourceNotFound`: an object created moments ago is not visible yet (or, rarely, is gone). */
export function isNotFoundLag(error: GraphResponseError): boolean {
  return error.status === 404;
}

/** POST /servicePrincipals right after the application was created (G7). */
export function isServicePrincipalLag(error: GraphResponseError): boolean {
  return (
    error.status === 400 &&
    (error.mentions('NoBackingApplicationObject') ||
      error.mentions('does not reference a valid application object'))
  );
}

/** 400 messages that say a referenced object is not there (yet), without naming it. */
const REFERENCE_LAG = [
  /invalid value specified for property '(clientId|principalId|resourceId)'/i,
  /one of its queried reference-property objects are not present/i,
  /not a valid reference update/i,
];

/**
 * Consent calls right after the service principal was created. Entra answers them for a while with 404, or with a
 * 400 that names an object the run created or depends on (its id in the message), or a property that references one:
 * "Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'", "one of its queried
 * reference-property objects are not present", "Not a valid reference update." (G9, G16). Those are waited out
 * within the replication budget. Other 400s, such as a scope that "does not exist on resource application", are real
 * errors.
 */
export function consentLag(objectIds: readonly string[]): (error: GraphResponseError) => boolean {
  return (error) => {
    if (error.status === 404) return true;
    if (error.status !== 400) return false;
    const text = [error.message, ...error.detailCodes].join(' ');
    return (
      REFERENCE_LAG.some((pattern) => pattern.test(text)) ||
      objectIds.some((id) => id.length > 0 && error.mentions(id))
    );
  };
}

/** `setTimeout` as a promise that rejects with the signal's reason when the run is aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
