import { describe, expect, it } from 'vitest';
import { RunFailure } from './graph-errors';
import type { RunState } from './run-types';
import {
  adminSharePointPlan,
  createHarness,
  testKeyCredential,
} from '../../test-support/graph/emulator-harness';
import { expectRegistration } from '../../test-support/graph/expect-registration';

const failureOf = async (promise: Promise<unknown>): Promise<RunFailure> => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RunFailure);
  return error as RunFailure;
};

describe('plan runner under injected faults', () => {
  it('stays within 4 sequential round trips with latency on every call', async () => {
    const latencyMs = 40;
    const { emu, createRunner } = createHarness({ realTime: true, emulator: { faults: { latencyMs } } });
    const plan = adminSharePointPlan();
    const started = Date.now();
    const result = await createRunner().run(plan);
    const elapsed = Date.now() - started;

    expectRegistration(emu, plan, result, 'granted');
    expect(emu.roundTrips().roundTrips).toBeLessThanOrEqual(4);
    expect(elapsed).toBeGreaterThanOrEqual(3 * latencyMs);
  });

  it('honours a readable Retry-After on 429', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { throttle: { count: 3, retryAfterSeconds: 2 } } },
    });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(emu.log.filter((e) => e.status === 429)).toHaveLength(3);
    expect(clock.sleeps.filter((ms) => ms === 2000)).toHaveLength(3);
  });

  it('backs off with jitter when the browser cannot read Retry-After (CORS)', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { throttle: { count: 1, retryAfterSeconds: 7 } } },
      transport: { cors: true },
    });
    const plan = adminSharePointPlan();
    // Each request on its own: the answer's Retry-After header is hidden from the page.
    const result = await createRunner({ batch: false }).run(plan);
    expectRegistration(emu, plan, result, 'granted');
    // random() = 0.5 of the first ceiling (1 s), not the hidden 7 s.
    expect(clock.sleeps).toEqual([500]);
  });

  it('honours the Retry-After of a throttled batch item, which CORS does not hide', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { throttle: { count: 1, retryAfterSeconds: 7 } } },
      transport: { cors: true },
    });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(emu.log.filter((e) => e.batchItem && e.status === 429)).toHaveLength(1);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('reads Retry-After through CORS when Graph exposes it', async () => {
    const { clock, createRunner } = createHarness({
      emulator: { faults: { throttle: { count: 1, retryAfterSeconds: 3 }, exposeRetryAfter: true } },
      transport: { cors: true },
    });
    const plan = adminSharePointPlan();
    await createRunner().run(plan);
    expect(clock.sleeps).toEqual([3000]);
  });

  it.each([
    ['429 Too Many Requests', { throttle: { count: 1 } }, 'throttled'],
    ['503 Service Unavailable', { unavailable: { count: 1, status: 503 } }, 'unavailable'],
    ['504 Gateway Timeout', { unavailable: { count: 1, status: 504 } }, 'unavailable'],
    ['a dropped connection', { networkFailureOnCall: 1 }, 'connection'],
    ['an object still replicating', { replicationDelay: { requests: 1 } }, 'replication'],
  ] as const)('says why it waits after %s', async (_name, faults, kind) => {
    const { createRunner } = createHarness({ emulator: { faults } });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const kinds = new Set<string>();
    runner.subscribe(() => {
      const { waiting, operations } = runner.getState();
      if (waiting) kinds.add(waiting.kind);
      for (const op of operations) if (op.status === 'waiting') kinds.add(`op:${op.waitKind ?? 'none'}`);
    });
    await runner.run(plan);
    expect([...kinds].sort()).toEqual([kind, `op:${kind}`].sort());
  });

  it.each([503, 504] as const)('retries %i with capped exponential backoff', async (status) => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { unavailable: { count: 3, status } } },
    });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(emu.log.filter((e) => e.status === status)).toHaveLength(3);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(30_000);
  });

  it('fails with the Graph error once throttling outlasts the attempts', async () => {
    const { emu, createRunner } = createHarness({ emulator: { faults: { throttle: { every: 1 } } } });
    const plan = adminSharePointPlan();
    const failure = await failureOf(createRunner().run(plan));
    expect(failure.explained).toMatchObject({ code: 'TooManyRequests', status: 429, kind: 'network' });
    expect(emu.applications()).toEqual([]);
  });

  it('waits visibly for replication of new objects, then finishes', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { replicationDelay: { requests: 3 } } },
    });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const seen: RunState[] = [];
    runner.subscribe(() => seen.push(runner.getState()));
    const result = await runner.run(plan);

    expectRegistration(emu, plan, result, 'granted');
    expect(emu.log.filter((e) => e.fault === 'replication').length).toBeGreaterThanOrEqual(6);
    const waiting = seen.find((s) => s.waiting);
    expect(waiting?.waiting?.kind).toBe('replication');
    expect(waiting?.operations.find((op) => op.status === 'waiting')?.waitKind).toBe('replication');
    expect(waiting?.operations.some((op) => op.status === 'waiting')).toBe(true);
    // Polls: the first after 0.3 s.
    expect(Math.min(...clock.sleeps)).toBe(300);
    expect(runner.getState().waiting).toBeUndefined();
  });

  it('gives up after the replication budget, and a later retry finishes without duplicates', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { replicationDelay: { ms: 10 * 60_000 } } },
    });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const failure = await failureOf(runner.run(plan));

    expect(failure.explained.kind).toBe('replication-timeout');
    expect(failure.explained.action).toBe('Try again in a few minutes: nothing will be created twice.');
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(30_000);
    const waited = clock.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(180_000);
    expect(runner.getState().operations.find((op) => op.id === 'add-password')?.status).toBe('failed');

    clock.advance(10 * 60_000);
    emu.faults.replicationDelay = undefined; // objects created from now on are visible at once
    const result = await runner.retry(plan);
    expectRegistration(emu, plan, result, 'granted');
  });

  it('reports a 403 on consent as forbidden, and the run still succeeds', async () => {
    const { emu, createRunner } = createHarness({ emulator: { faults: { consentForbidden: true } } });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const result = await runner.run(plan);

    expectRegistration(emu, plan, result, 'none');
    expect(result.consent.status).toBe('forbidden');
    expect(result.consent.error).toMatchObject({
      kind: 'consent-forbidden',
      code: 'Authorization_RequestDenied',
    });
    const graphRoles = runner.getState().operations.find((op) => op.id === 'grant-app-roles:graph');
    expect(graphRoles?.error?.meaning).toContain(
      'Granting Microsoft Graph application permissions needs the Privileged Role Administrator or Global Administrator role',
    );
    expect(runner.getState().status).toBe('succeeded');

    emu.faults.consentForbidden = false;
    const retried = await runner.retry(plan);
    expectRegistration(emu, plan, retried, 'granted');
    expect(retried.secret?.secretText).toBe(result.secret?.secretText);
  });

  it('explains the secret lifetime policy, and a retry with 180 days succeeds', async () => {
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { maxSecretLifetimeDays: 200 } },
    });
    const plan = adminSharePointPlan(true, { secretLifetimeMonths: 12 });
    const runner = createRunner();
    const failure = await failureOf(runner.run(plan));

    expect(failure.explained).toMatchObject({
      kind: 'secret-lifetime-policy',
      code: 'CredentialInvalidLifetimeAsPerAppPolicy',
    });
    expect(runner.getState().status).toBe('failed');
    expect(emu.liveSecrets(emu.applications()[0]?.id ?? '')).toEqual([]);

    const shorter = adminSharePointPlan(true, { secretLifetimeMonths: 6 });
    const result = await runner.retry(shorter);
    expectRegistration(emu, shorter, result, 'granted');
    // Exactly 180 days: what Microsoft's Zero Trust assessment accepts.
    expect(Date.parse(result.secret?.endDateTime ?? '')).toBe(
      Date.parse(new Date(clock.now()).toISOString()) + 180 * 86_400_000,
    );
    expect(emu.log.filter((e) => e.method === 'PATCH')).toHaveLength(1);
  });

  it('explains the certificate lifetime policy, and a retry with a shorter credential succeeds', async () => {
    const { emu, createRunner } = createHarness({
      emulator: { faults: { maxCertificateLifetimeDays: 365 } },
    });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const failure = await failureOf(runner.run(plan));
    expect(failure.explained.kind).toBe('certificate-lifetime-policy');
    expect(emu.applications()).toEqual([]);

    const shorter = testKeyCredential({
      startDateTime: '2026-01-01T00:00:00.000Z',
      endDateTime: '2026-12-01T00:00:00.000Z',
    });
    const replanned = adminSharePointPlan(true, { certificate: shorter });
    const result = await runner.retry(replanned);
    expectRegistration(emu, replanned, result, 'granted');
  });
});
