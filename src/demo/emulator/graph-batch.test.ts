import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';
import { countRoundTrips } from './request-log';
import type { LogEntry } from './request-log';

const setup = adminTenant;

describe('$batch', () => {
  it('runs items through the normal handlers, with dependsOn and 424 for failed dependencies', async () => {
    const { emu, token, create } = await setup();
    const app = await create();
    const res = await callGraph(emu, token, 'POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `/applications/${app.id}/addPassword`,
          headers: { 'Content-Type': 'application/json' },
          body: { passwordCredential: { displayName: 's' } },
        },
        { id: '2', method: 'GET', url: '/applications/00000000-0000-4000-8000-000000000000' },
        { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
        { id: '4', method: 'GET', url: 'me', dependsOn: ['1'] },
      ],
    });
    expect(res.status).toBe(200);
    const responses = res.body?.['responses'] as {
      id: string;
      status: number;
      body?: Record<string, unknown>;
    }[];
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 404],
      ['3', 424],
      ['4', 200],
    ]);
    expect(responses[0]?.body?.['secretText']).toBe(emu.liveSecrets(app.id)[0]?.secretText);
    const items = emu.log.filter((e) => e.batchItem);
    expect(items.map((e) => e.batchItemId)).toEqual(['1', '2', '4']);
    expect(new Set(items.map((e) => e.batchSeq))).toEqual(
      new Set([emu.log.find((e) => e.path === '/v1.0/$batch')?.seq]),
    );
  });

  it('rejects more than 20 requests and duplicate ids', async () => {
    const { emu, token } = await setup();
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await callGraph(emu, token, 'POST', '/$batch', { requests: many })).status).toBe(400);
    const dup = [
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'a', method: 'GET', url: '/organization' },
    ];
    expect((await callGraph(emu, token, 'POST', '/$batch', { requests: dup })).status).toBe(400);
    expect(emu.log.filter((e) => e.batchItem)).toHaveLength(0);
  });

  it('throttles items individually and applies the replication delay to items', async () => {
    const { emu, token, create } = await setup({ faults: { replicationDelay: { requests: 1 } } });
    const app = await create();
    emu.faults.throttle = { every: 2, retryAfterSeconds: 3 };
    const requests = [
      { id: '1', method: 'GET', url: `/applications/${app.id}` },
      { id: '2', method: 'GET', url: '/me' },
      { id: '3', method: 'GET', url: `/applications/${app.id}` },
    ];
    const res = await callGraph(emu, token, 'POST', '/$batch', { requests });
    expect(res.status).toBe(200);
    const responses = res.body?.['responses'] as { status: number; headers: Record<string, string> }[];
    expect(responses.map((r) => r.status)).toEqual([404, 429, 200]);
    expect(responses[1]?.headers['Retry-After']).toBe('3');
  });
});

describe('round trips', () => {
  const entry = (
    seq: number,
    startedAt: number,
    endedAt: number,
    extra: Partial<LogEntry> = {},
  ): LogEntry => ({
    seq,
    kind: 'graph',
    method: 'GET',
    url: '',
    host: 'graph.microsoft.com',
    path: '/v1.0/me',
    status: 200,
    startedAt,
    endedAt,
    batchItem: false,
    ...extra,
  });

  it('merges overlapping requests into waves and ignores batch items and login calls', () => {
    const log = [
      entry(1, 0, 100),
      entry(2, 10, 120),
      entry(3, 130, 200),
      entry(4, 150, 160, { batchItem: true }),
      entry(5, 210, 300, { kind: 'login' }),
      entry(6, 310, 400),
      entry(7, 399, 450),
    ];
    const report = countRoundTrips(log);
    expect(report.roundTrips).toBe(3);
    expect(report.requests).toBe(5);
    expect(report.waves.map((w) => w.map((e) => e.seq))).toEqual([[1, 2], [3], [6, 7]]);
    expect(countRoundTrips(log, { from: 130, to: 350 }).roundTrips).toBe(2);
    expect(countRoundTrips(log, { kinds: ['graph', 'login'] }).roundTrips).toBe(4);
  });

  it('counts concurrent calls through the emulator as one wave', async () => {
    const { emu, token } = await setup();
    emu.faults.latencyMs = 30;
    emu.clearLog();
    await Promise.all([callGraph(emu, token, 'GET', '/me'), callGraph(emu, token, 'GET', '/organization')]);
    await callGraph(emu, token, 'GET', '/me');
    expect(emu.roundTrips()).toMatchObject({ roundTrips: 2, requests: 3 });
  });
});
