import { describe, expect, it } from 'vitest';
import { createRunStateStore } from './run-state';

describe('run state store', () => {
  it('publishes a new snapshot on every change and shows waiting operations', () => {
    const store = createRunStateStore();
    const snapshots: unknown[] = [];
    const unsubscribe = store.subscribe(() => snapshots.push(store.getState()));
    expect(store.getState()).toEqual({ status: 'idle', operations: [] });
    store.start([
      { id: 'a', title: 'A', status: 'pending' },
      { id: 'b', title: 'B', status: 'pending' },
    ]);
    const before = store.getState();
    store.setOperation('a', 'running');
    store.setOperation('b', 'running');
    expect(store.getState()).not.toBe(before);
    store.setWaiting('a', { kind: 'replication', until: 10, budgetEndsAt: 100 });
    store.setWaiting('b', { kind: 'throttled', until: 5, budgetEndsAt: 5 });
    // The wait that retries next is shown whole: its kind never meets another wait's budget.
    expect(store.getState().waiting).toEqual({ kind: 'throttled', until: 5, budgetEndsAt: 5 });
    expect(store.getState().operations.map((op) => [op.status, op.waitKind])).toEqual([
      ['waiting', 'replication'],
      ['waiting', 'throttled'],
    ]);
    store.setWaiting('b', undefined);
    expect(store.getState().waiting).toEqual({ kind: 'replication', until: 10, budgetEndsAt: 100 });
    store.setOperation('a', 'done', { detail: 'ok' });
    expect(store.getState().waiting).toBeUndefined();
    expect(store.getState().operations).toEqual([
      { id: 'a', title: 'A', status: 'done', detail: 'ok' },
      { id: 'b', title: 'B', status: 'running' },
    ]);
    store.finish({
      error: { code: 'X', status: 0, message: 'm', meaning: 'mm', action: 'a', kind: 'other' },
    });
    expect(store.getState().status).toBe('failed');
    unsubscribe();
    const count = snapshots.length;
    store.start([]);
    expect(snapshots).toHaveLength(count);
  });
});
