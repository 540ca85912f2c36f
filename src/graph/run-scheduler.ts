/**
 * Runs planned operations as soon as their dependencies are done, independent ones at the same time, so the
 * critical path is as short as the kinds' `after` allows (resolve ∥ read → upsert → secret ∥ SP → grants ∥ read-back).
 */
import type { PlannedOperation } from '../plan/plan-types';
import { dependenciesOf } from './operation-kinds';

/** Callbacks of {@link runOperations}. */
export interface SchedulerHooks {
  readonly execute: (op: PlannedOperation) => Promise<void>;
  readonly onStart: (op: PlannedOperation) => void;
  readonly onDone: (op: PlannedOperation) => void;
  readonly onFail: (op: PlannedOperation, error: unknown) => void;
}

/**
 * Resolves when nothing more can run: every operation finished, failed, or waits on one that failed. A failure
 * does not stop independent operations (all of them are safe to run again). After an abort nothing new starts.
 * Returns the ids of the operations that never started.
 */
export function runOperations(
  operations: readonly PlannedOperation[],
  alreadyDone: ReadonlySet<string>,
  hooks: SchedulerHooks,
  signal?: AbortSignal,
): Promise<string[]> {
  const state = new Map<string, 'pending' | 'running' | 'done' | 'failed'>(
    operations.map((op) => [op.id, alreadyDone.has(op.id) ? 'done' : 'pending']),
  );
  const dependencies = new Map(operations.map((op) => [op.id, dependenciesOf(op, operations)]));
  const ready = (op: PlannedOperation) =>
    (dependencies.get(op.id) ?? []).every((d) => state.get(d) === 'done');

  return new Promise((resolve) => {
    let running = 0;
    const pump = () => {
      if (!signal?.aborted) {
        for (const op of operations) {
          if (state.get(op.id) === 'pending' && ready(op)) start(op);
        }
      }
      if (running === 0)
        resolve(operations.filter((op) => state.get(op.id) === 'pending').map((op) => op.id));
    };
    const start = (op: PlannedOperation) => {
      state.set(op.id, 'running');
      running++;
      hooks.onStart(op);
      void hooks
        .execute(op)
        .then(
          () => {
            state.set(op.id, 'done');
            hooks.onDone(op);
          },
          (error: unknown) => {
            state.set(op.id, 'failed');
            hooks.onFail(op, error);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    };
    pump();
  });
}
