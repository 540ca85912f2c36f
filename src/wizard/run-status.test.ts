import { describe, expect, it } from 'vitest';
import type { OperationProgress, RunState } from '../graph/run-types';
import { runStatusMessage } from './run-status';

const op = (id: string, status: OperationProgress['status']): OperationProgress => ({
  id,
  title: id,
  status,
});
const operations = [
  op('upsert', 'done'),
  op('secret', 'skipped'),
  op('sp', 'running'),
  op('grant', 'pending'),
];
const ready = 'the app registration is ready';

describe('runStatusMessage', () => {
  it('counts the operations done while the run goes', () => {
    expect(runStatusMessage({ status: 'running', operations }, ready)).toBe('Running: 2 of 4 done.');
  });

  it('says why the run waits, once per wait and without the countdown', () => {
    const waiting = (until: number): RunState => ({
      status: 'running',
      operations,
      waiting: { kind: 'replication', until, budgetEndsAt: until + 60_000 },
    });
    expect(runStatusMessage(waiting(1_000), ready)).toBe(
      'Waiting for Microsoft Entra to catch up. 2 of 4 done.',
    );
    expect(runStatusMessage(waiting(9_000), ready)).toBe(runStatusMessage(waiting(1_000), ready));
    expect(
      runStatusMessage(
        { status: 'running', operations, waiting: { kind: 'throttled', until: 1, budgetEndsAt: 1 } },
        ready,
      ),
    ).toBe('Microsoft Graph asked the wizard to slow down. 2 of 4 done.');
  });

  it('says the run finished, and nothing for a failure, which the step shows as an alert', () => {
    expect(runStatusMessage({ status: 'succeeded', operations }, ready)).toBe(
      'Finished: the app registration is ready.',
    );
    expect(runStatusMessage({ status: 'failed', operations }, ready)).toBe('');
    expect(runStatusMessage({ status: 'idle', operations: [] }, ready)).toBe('');
    expect(runStatusMessage(undefined, ready)).toBe('');
  });
});
