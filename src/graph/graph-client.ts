/**
 * The typed fetch wrapper every Graph call goes through: bearer token, JSON, and the retries of G15/G16. It never
 * logs or stores bodies or tokens.
 */
import {
  GraphNetworkError,
  GraphResponseError,
  isAbortError,
  ReplicationTimeoutError,
  TokenUnavailableError,
} from './graph-errors';
import type { GraphRequest } from './graph-requests';
import {
  fullJitterDelay,
  NETWORK_BACKOFF,
  parseRetryAfter,
  replicationDelay,
  isRetryableStatus,
  THROTTLE_BACKOFF,
} from './retry-policy';
import type { GetToken, RunWaiting, WaitKind } from './run-types';

/** Per-operation replication budget: starts at the operation's first lag answer. */
export interface ReplicationBudget {
  endsAt?: number;
}

/** How one request may be retried. */
export interface SendOptions {
  /** Delegated permissions the call needs (passed to `getToken`). */
  readonly permissions: readonly string[];
  /** The request may be sent again after a lost answer: it is idempotent, or Graph reports a repeat (409). */
  readonly retryOnNetworkError: boolean;
  /** Answers that mean "the object this request names has not replicated yet". */
  readonly isReplicationLag?: (error: GraphResponseError) => boolean;
  readonly signal?: AbortSignal;
  /** Told when a wait starts (with its times) and ends (undefined). */
  readonly onWait?: (waiting: RunWaiting | undefined) => void;
  readonly budget?: ReplicationBudget;
}

/** A successful answer; `body` is undefined for 204. */
export interface GraphResponse<T> {
  readonly status: number;
  readonly body: T | undefined;
  readonly requestId: string | undefined;
}

/** Sends Graph requests. */
export interface GraphClient {
  send<T>(request: GraphRequest, options: SendOptions): Promise<GraphResponse<T>>;
}

/** Dependencies of {@link createGraphClient}. */
export interface GraphClientDeps {
  readonly graphBaseUrl: string;
  readonly getToken: GetToken;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
  readonly replicationBudgetMs: number;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Creates the client. */
export function createGraphClient(deps: GraphClientDeps): GraphClient {
  const base = deps.graphBaseUrl.replace(/\/+$/, '');

  async function wait(ms: number, kind: WaitKind, budgetEndsAt: number | undefined, options: SendOptions) {
    const until = deps.now() + ms;
    options.onWait?.({ kind, until, budgetEndsAt: budgetEndsAt ?? until });
    try {
      await deps.sleep(ms, options.signal);
    } finally {
      options.onWait?.(undefined);
    }
  }

  async function token(permissions: readonly string[]): Promise<string> {
    try {
      return await deps.getToken(permissions);
    } catch (error) {
      throw isAbortError(error) ? error : new TokenUnavailableError(error);
    }
  }

  async function send<T>(request: GraphRequest, options: SendOptions): Promise<GraphResponse<T>> {
    let throttled = 0;
    let dropped = 0;
    let lagged = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await token(options.permissions)}`,
        Accept: 'application/json',
        ...request.headers,
      };
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      try {
        response = await deps.fetch(`${base}${request.path}`, {
          method: request.method,
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        if (isAbortError(error) || options.signal?.aborted) throw error;
        dropped++;
        if (!options.retryOnNetworkError || dropped >= NETWORK_BACKOFF.maxAttempts) {
          throw new GraphNetworkError(error);
        }
        await wait(
          fullJitterDelay(dropped - 1, NETWORK_BACKOFF, deps.random),
          'connection',
          undefined,
          options,
        );
        continue;
      }
      const body = await readBody(response);
      const requestId = response.headers.get('request-id') ?? undefined;
      if (response.ok) return { status: response.status, body: body as T | undefined, requestId };

      const error = GraphResponseError.fromBody(response.status, body, response.headers.get('request-id'));
      if (isRetryableStatus(response.status) && ++throttled < THROTTLE_BACKOFF.maxAttempts) {
        // Browsers cannot read Retry-After (Graph does not expose it to CORS); then back off on our own.
        const delay =
          parseRetryAfter(response.headers.get('Retry-After'), deps.now()) ??
          fullJitterDelay(throttled - 1, THROTTLE_BACKOFF, deps.random);
        await wait(delay, response.status === 429 ? 'throttled' : 'unavailable', undefined, options);
        continue;
      }
      if (options.isReplicationLag?.(error)) {
        const budget = options.budget ?? {};
        const now = deps.now();
        budget.endsAt ??= now + deps.replicationBudgetMs;
        const left = budget.endsAt - now;
        if (left <= 0)
          throw new ReplicationTimeoutError(error, now - (budget.endsAt - deps.replicationBudgetMs));
        await wait(
          Math.min(replicationDelay(lagged++, deps.random), left),
          'replication',
          budget.endsAt,
          options,
        );
        continue;
      }
      throw error;
    }
  }

  return { send };
}
