/** The runner's observable state: immutable snapshots plus listeners, for React's `useSyncExternalStore`. */
import type {
  ExplainedError,
  OperationProgress,
  OperationStatus,
  RunResult,
  RunState,
  RunWaiting,
} from './run-types';

/** Mutations the runner makes; each one publishes a new snapshot. */
export interface RunStateStore {
  getState(): RunState;
  subscribe(listener: () => void): () => void;
  /**
   * A run starts with these operations. A retry keeps the last result on show (its secret and ids stay valid) until
   * it finishes with a new one.
   */
  start(operations: readonly OperationProgress[], keepResult?: boolean): void;
  setOperation(
    id: string,
    status: OperationStatus,
    extra?: { detail?: string; error?: ExplainedError },
  ): void;
  /** An operation starts (`waiting` given) or stops waiting before a retry. */
  setWaiting(id: string, waiting: RunWaiting | undefined): void;
  finish(outcome: { result: RunResult } | { error: ExplainedError }): void;
  /** Back to idle, with no operations and no result (nor the secret a result holds). */
  reset(): void;
}

/**
 * Several operations can wait at once: the one that retries next is shown, whole, so its kind, its next attempt and
 * its budget always belong together.
 */
function next(waits: ReadonlyMap<string, RunWaiting>): RunWaiting | undefined {
  let first: RunWaiting | undefined;
  for (const w of waits.values()) if (!first || w.until < first.until) first = w;
  return first;
}

/** Creates an idle store. */
export function createRunStateStore(): RunStateStore {
  let state: RunState = { status: 'idle', operations: [] };
  const listeners = new Set<() => void>();
  const waits = new Map<string, RunWaiting>();

  const publish = (next: RunState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const withoutWaiting = ({ waiting: _waiting, ...rest }: RunState): RunState => rest;
  const withWaiting = (s: RunState): RunState => {
    const waiting = next(waits);
    return waiting ? { ...withoutWaiting(s), waiting } : withoutWaiting(s);
  };
  const updateOperation = (id: string, update: (op: OperationProgress) => OperationProgress) =>
    state.operations.map((op) => (op.id === id ? update(op) : op));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(operations, keepResult = false) {
      waits.clear();
      const result = keepResult ? state.result : undefined;
      publish(result ? { status: 'running', operations, result } : { status: 'running', operations });
    },
    setOperation(id, status, extra = {}) {
      if (status !== 'waiting') waits.delete(id);
      const operations = updateOperation(id, (op) => ({
        id: op.id,
        title: op.title,
        status,
        ...((extra.detail ?? op.detail) !== undefined ? { detail: extra.detail ?? op.detail } : {}),
        ...(extra.error ? { error: extra.error } : {}),
      }));
      publish(withWaiting({ ...state, operations }));
    },
    setWaiting(id, waiting) {
      if (waiting) waits.set(id, waiting);
      else waits.delete(id);
      const operations = updateOperation(id, (op) => {
        if (op.status !== 'running' && op.status !== 'waiting') return op;
        const { waitKind: _kind, ...rest } = op;
        return waiting
          ? { ...rest, status: 'waiting', waitKind: waiting.kind }
          : { ...rest, status: 'running' };
      });
      publish(withWaiting({ ...state, operations }));
    },
    finish(outcome) {
      waits.clear();
      const base = withoutWaiting(state);
      const { result: kept, error: _e, ...rest } = base;
      // A failed retry leaves the earlier result (and the secret it holds) where the admin can still save it.
      publish(
        'result' in outcome
          ? { ...rest, status: 'succeeded', result: outcome.result }
          : { ...rest, status: 'failed', error: outcome.error, ...(kept ? { result: kept } : {}) },
      );
    },
    reset() {
      waits.clear();
      publish({ status: 'idle', operations: [] });
    },
  };
}
