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
  /** A run starts with these operations. */
  start(operations: readonly OperationProgress[]): void;
  setOperation(
    id: string,
    status: OperationStatus,
    extra?: { detail?: string; error?: ExplainedError },
  ): void;
  /** An operation starts (`waiting` given) or stops waiting before a retry. */
  setWaiting(id: string, waiting: RunWaiting | undefined): void;
  finish(outcome: { result: RunResult } | { error: ExplainedError }): void;
}

/** Several operations can wait at once: show the next retry and the latest give-up time. */
function combine(waits: ReadonlyMap<string, RunWaiting>): RunWaiting | undefined {
  let combined: RunWaiting | undefined;
  for (const w of waits.values()) {
    combined = combined
      ? {
          reason: w.budgetEndsAt > w.until ? w.reason : combined.reason,
          until: Math.min(combined.until, w.until),
          budgetEndsAt: Math.max(combined.budgetEndsAt, w.budgetEndsAt),
        }
      : w;
  }
  return combined;
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
    const waiting = combine(waits);
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
    start(operations) {
      waits.clear();
      publish({ status: 'running', operations });
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
      const operations = updateOperation(id, (op) =>
        op.status === 'running' || op.status === 'waiting'
          ? { ...op, status: waiting ? 'waiting' : 'running' }
          : op,
      );
      publish(withWaiting({ ...state, operations }));
    },
    finish(outcome) {
      waits.clear();
      const base = withoutWaiting(state);
      const { result: _r, error: _e, ...rest } = base;
      publish(
        'result' in outcome
          ? { ...rest, status: 'succeeded', result: outcome.result }
          : { ...rest, status: 'failed', error: outcome.error },
      );
    },
  };
}
