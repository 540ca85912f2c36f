/** The errors the Graph client throws, and the one the runner rejects with. */
import type { ExplainedError } from './run-types';

interface GraphErrorEnvelope {
  readonly error?: {
    readonly code?: unknown;
    readonly message?: unknown;
    readonly details?: unknown;
    readonly innerError?: Record<string, unknown>;
  };
}

/** Microsoft Graph answered with an error status. Holds the envelope's fields, never the request's body. */
export class GraphResponseError extends Error {
  override readonly name = 'GraphResponseError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** `error.details[].code`, e.g. `NoBackingApplicationObject`. */
    readonly detailCodes: readonly string[],
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  /** Reads Graph's `{"error":{"code","message","details","innerError"}}` envelope from a parsed body. */
  static fromBody(status: number, body: unknown, requestIdHeader: string | null): GraphResponseError {
    const error =
      (typeof body === 'object' && body !== null ? (body as GraphErrorEnvelope).error : undefined) ?? {};
    const code = typeof error.code === 'string' && error.code ? error.code : `Http${status}`;
    const message = typeof error.message === 'string' ? error.message : `Microsoft Graph answered ${status}.`;
    const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
    const detailCodes = details.flatMap((d) =>
      typeof d === 'object' && d !== null && typeof (d as { code?: unknown }).code === 'string'
        ? [(d as { code: string }).code]
        : [],
    );
    const inner = error.innerError?.['request-id'];
    const requestId = requestIdHeader ?? (typeof inner === 'string' ? inner : undefined);
    return new GraphResponseError(status, code, message, detailCodes, requestId);
  }

  /** True when the code, a detail code or the message mentions `text` (case-insensitive). */
  mentions(text: string): boolean {
    const t = text.toLowerCase();
    return [this.code, this.message, ...this.detailCodes].some((s) => s.toLowerCase().includes(t));
  }
}

/** No answer arrived (fetch threw), after any retries the request allowed. */
export class GraphNetworkError extends Error {
  override readonly name = 'GraphNetworkError';

  constructor(override readonly cause: unknown) {
    super('Microsoft Graph could not be reached.');
  }
}

/** Entra did not replicate a new object within the budget; `last` is the final lag answer. */
export class ReplicationTimeoutError extends Error {
  override readonly name = 'ReplicationTimeoutError';

  constructor(
    readonly last: GraphResponseError,
    readonly waitedMs: number,
  ) {
    super(last.message);
  }
}

/** The token source failed (e.g. the sign-in session ended). */
export class TokenUnavailableError extends Error {
  override readonly name = 'TokenUnavailableError';

  constructor(override readonly cause: unknown) {
    super('No Microsoft Graph access token is available.');
  }
}

/** A check before any write failed (a permission or resource API the tenant lacks, a missing certificate). */
export class PreflightError extends Error {
  override readonly name = 'PreflightError';

  constructor(readonly explained: ExplainedError) {
    super(explained.message);
  }
}

/** What `PlanRunner.run` and `retry` reject with. */
export class RunFailure extends Error {
  override readonly name = 'RunFailure';

  constructor(readonly explained: ExplainedError) {
    super(explained.message);
  }
}

/** True for the error `fetch` and `sleep` throw when the run's AbortSignal fires. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
