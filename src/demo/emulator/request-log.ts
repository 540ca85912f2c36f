/** The emulator's request log, and the sequential round-trip count a benchmark prints. */

/** Which service a request went to. */
export type RequestKind = 'login' | 'graph' | 'other';

/** One logged request. Batch items are logged too, after their `$batch`, with `batchItem: true`. */
export interface LogEntry {
  /** 1-based order of arrival. */
  readonly seq: number;
  readonly kind: RequestKind;
  readonly method: string;
  readonly url: string;
  readonly host: string;
  /** Path and query, e.g. `/v1.0/applications?$filter=...`. */
  readonly path: string;
  /** The HTTP status, or `'aborted'` when the network-failure switch dropped it. */
  status: number | 'aborted';
  /** Clock time when the request arrived. */
  readonly startedAt: number;
  /** Clock time when the answer was ready (after any injected latency). */
  endedAt: number;
  readonly requestBody?: string;
  responseBody?: string;
  /** True for a sub-request of a `$batch`. */
  readonly batchItem: boolean;
  /** For a batch item: the `seq` of its `$batch` request. */
  readonly batchSeq?: number;
  /** For a batch item: its `id` in the batch. */
  readonly batchItemId?: string;
  /** The injected fault that decided the answer, if any. */
  fault?:
    'throttle' | 'unavailable' | 'network' | 'replication' | 'signInError' | 'consentForbidden' | 'policy';
}

/** Options for {@link countRoundTrips}. */
export interface RoundTripOptions {
  /** Only requests that started at or after this clock time. */
  readonly from?: number;
  /** Only requests that started at or before this clock time. */
  readonly to?: number;
  /** Which kinds count. Default: Graph only. */
  readonly kinds?: readonly RequestKind[];
  /** Further filtering, e.g. by path. */
  readonly filter?: (entry: LogEntry) => boolean;
}

/** The result of {@link countRoundTrips}. */
export interface RoundTripReport {
  /** Number of sequential waves: the round trips on the critical path. */
  readonly roundTrips: number;
  /** Top-level requests counted (batch items are not counted separately). */
  readonly requests: number;
  /** Each wave's requests, in order. */
  readonly waves: readonly (readonly LogEntry[])[];
}

/**
 * Counts sequential round trips: the longest chain of top-level requests (batch items never count on their own)
 * in which each one started only after the one before it had ended. That is the critical path: requests that ran
 * concurrently share a wave, even when a later wave starts before a slower request of the previous one ends.
 */
export function countRoundTrips(
  entries: readonly LogEntry[],
  options: RoundTripOptions = {},
): RoundTripReport {
  const kinds = options.kinds ?? ['graph'];
  const picked = entries
    .filter(
      (e) =>
        !e.batchItem &&
        kinds.includes(e.kind) &&
        (options.from === undefined || e.startedAt >= options.from) &&
        (options.to === undefined || e.startedAt <= options.to) &&
        (options.filter === undefined || options.filter(e)),
    )
    .sort((a, b) => a.startedAt - b.startedAt || a.seq - b.seq);
  const depth = new Map<LogEntry, number>();
  for (const entry of picked) {
    let before = 0;
    for (const earlier of picked) {
      if (earlier === entry || earlier.startedAt > entry.startedAt) continue;
      if (earlier.endedAt <= entry.startedAt) before = Math.max(before, depth.get(earlier) ?? 0);
    }
    depth.set(entry, before + 1);
  }
  const waves: LogEntry[][] = [];
  for (const entry of picked) {
    const d = depth.get(entry) ?? 1;
    (waves[d - 1] ??= []).push(entry);
  }
  return { roundTrips: waves.length, requests: picked.length, waves };
}

/**
 * The Graph requests as the client made them: the items of each `$batch` in place of the batch (an item of a batch
 * whose connection dropped counts as dropped), and any request sent on its own.
 */
export function clientRequests(entries: readonly LogEntry[]): LogEntry[] {
  const graph = entries.filter((e) => e.kind === 'graph');
  const isBatch = (e: LogEntry) => !e.batchItem && /\/\$batch$/.test(e.path);
  const batches = new Map(graph.filter(isBatch).map((e) => [e.seq, e]));
  return graph
    .filter((e) => !isBatch(e))
    .map((e) =>
      e.batchItem && e.batchSeq !== undefined && batches.get(e.batchSeq)?.status === 'aborted'
        ? { ...e, status: 'aborted' as const }
        : e,
    );
}
