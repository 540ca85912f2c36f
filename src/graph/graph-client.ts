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
import { batchTransport, directTransport } from './graph-transport';
import type { GraphExchange } from './graph-transport';
import {
  fullJitterDelay,
  NETWORK_BACKOFF,
  parseRetryAfter,
  replicationDelay,
  isRetryableStatus,
  THROTTLE_BACKOFF,
} from './retry-policy';
import type { GetToken } from '../config/get-token';
import type { RunWaiting, WaitKind } from './run-types';

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
  /** Gather concurrent requests into JSON batches (see `graph-transport.ts`). Default true. */
  readonly batch?: boolean;
}

/** Creates the client. */
export function createGraphClient(deps: GraphClientDeps): GraphClient {
  const base = deps.graphBaseUrl.replace(/\/+$/, '');
  const transportDeps = { base, getToken: deps.getToken, fetch: deps.fetch };
  const transport = deps.batch === false ? directTransport(transportDeps) : batchTransport(transportDeps);

  async function wait(ms: number, kind: WaitKind, budgetEndsAt: number | undefined, options: SendOptions) {
    const until = deps.now() + ms;
    options.onWait?.({ kind, until, budgetEndsAt: budgetEndsAt ?? until });
    try {
      await deps.sleep(ms, options.signal);
    } finally {
      options.onWait?.(undefined);
    }
  }

  async function send<T>(request: GraphRequest, options: SendOptions): Promise<GraphResponse<T>> {
    let throttled = 0;
    let dropped = 0;
    let lagged = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      let answer: GraphExchange;
      try {
        answer = await transport(request, options.permissions, options.signal);
      } catch (error) {
        if (isAbortError(error) || options.signal?.aborted || error instanceof TokenUnavailableError)
          throw error;
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
      const { status, body } = answer;
      const requestId = answer.header('request-id') ?? undefined;
      if (status >= 200 && status < 300) return { status, body: body as T | undefined, requestId };

      const error = GraphResponseError.fromBody(status, body, answer.header('request-id'));
      if (isRetryableStatus(status) && ++throttled < THROTTLE_BACKOFF.maxAttempts) {
        // A plain answer's Retry-After is unreadable in browsers (Graph does not expose it to CORS); a batch item's
        // is. Without one, back off on our own.
        const delay =
          parseRetryAfter(answer.header('Retry-After'), deps.now()) ??
          fullJitterDelay(throttled - 1, THROTTLE_BACKOFF, deps.random);
        await wait(delay, status === 429 ? 'throttled' : 'unavailable', undefined, options);
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
          Math.min(replicationDelay(lagged++, now - (budget.endsAt - deps.replicationBudgetMs)), left),
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
