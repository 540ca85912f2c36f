import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const setup = adminTenant;

/** A manual clock: `sleep` advances it instead of waiting. */
function manualClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => void (t += ms),
    advance: (ms: number) => void (t += ms),
  };
}

describe('replication delay', () => {
  it('hides a new application from the next N requests that reference it', async () => {
    const { emu, token, create } = await setup({ faults: { replicationDelay: { requests: 2 } } });
    const app = await create();
    expect(app.status).toBe(201);
    expect(emu.isReplicating(app.id)).toBe(true);
    const first = await callGraph(emu, token, 'GET', `/applications/${app.id}`);
    expect(first.status).toBe(404);
    expect(first.body?.['error']).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: `Resource '${app.id}' does not exist or one of its queried reference-property objects are not present.`,
    });
    const sp = await callGraph(emu, token, 'POST', '/servicePrincipals', { appId: app.appId });
    expect(sp.status).toBe(400);
    expect(String((sp.body?.['error'] as { message: string }).message)).toContain(
      'does not reference a valid application object',
    );
    expect(emu.log.at(-1)?.fault).toBe('replication');
    expect((await callGraph(emu, token, 'POST', `/applications/${app.id}/addPassword`, {})).status).toBe(200);
  });

  it('hides new objects for a time with { ms }, service principals too', async () => {
    const clock = manualClock();
    const { emu, token, create } = await setup({ now: clock.now, sleep: clock.sleep });
    const app = await create();
    emu.faults.replicationDelay = { ms: 5_000 };
    const sp = await callGraph(emu, token, 'POST', '/servicePrincipals', { appId: app.appId });
    expect(sp.status).toBe(201);
    const spId = String(sp.body?.['id']);
    const graphSpId = emu.graphServicePrincipal()?.id ?? '';
    const grant = {
      clientId: spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: graphSpId,
      scope: 'User.Read',
    };
    const refused = await callGraph(emu, token, 'POST', '/oauth2PermissionGrants', grant);
    expect(refused.status).toBe(400);
    expect(refused.body?.['error']).toMatchObject({
      message: "Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.",
    });
    const role = {
      principalId: spId,
      resourceId: graphSpId,
      appRoleId: '9492366f-7969-46a4-8d15-ed1a20078fff',
    };
    const assign = await callGraph(
      emu,
      token,
      'POST',
      `/servicePrincipals/${graphSpId}/appRoleAssignedTo`,
      role,
    );
    expect(assign.status).toBe(400);
    expect(assign.body?.['error']).toMatchObject({ message: 'Not a valid reference update.' });
    clock.advance(5_000);
    expect((await callGraph(emu, token, 'POST', '/oauth2PermissionGrants', grant)).status).toBe(201);
    expect(
      (await callGraph(emu, token, 'POST', `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, role)).status,
    ).toBe(201);
  });

  it('shows every held object at once after replicateNow, and holds no new one', async () => {
    const { emu, token, create } = await setup({ faults: { replicationDelay: { ms: 600_000 } } });
    const app = await create();
    expect((await callGraph(emu, token, 'GET', `/applications/${app.id}`)).status).toBe(404);
    emu.replicateNow();
    expect(emu.isReplicating(app.id)).toBe(false);
    expect((await callGraph(emu, token, 'GET', `/applications/${app.id}`)).status).toBe(200);
    const sp = await callGraph(emu, token, 'POST', '/servicePrincipals', { appId: app.appId });
    expect(sp.status).toBe(201);
    expect((await callGraph(emu, token, 'GET', `/servicePrincipals/${String(sp.body?.['id'])}`)).status).toBe(
      200,
    );
  });

  it('answers a retried upsert of a replicating application with 404, never a duplicate', async () => {
    const { emu, token, create } = await setup({ faults: { replicationDelay: { requests: 1 } } });
    await create();
    const retry = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='c1')`,
      { displayName: 'c1' },
      { prefer: 'create-if-missing' },
    );
    expect(retry.status).toBe(404);
    expect(emu.applications()).toHaveLength(1);
    expect((await create()).status).toBe(204);
  });
});

describe('throttling and outages', () => {
  it('throttles the next N Graph operations with 429 and Retry-After', async () => {
    const { emu, token } = await setup({ faults: { throttle: { count: 2, retryAfterSeconds: 2.128 } } });
    const a = await callGraph(emu, token, 'GET', '/me');
    expect(a.status).toBe(429);
    expect(a.headers['Retry-After']).toBe('2.128');
    expect(a.headers['Access-Control-Expose-Headers']).toBeUndefined();
    expect(a.body?.['error']).toMatchObject({
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: expect.objectContaining({ code: '429', status: '429' }),
    });
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(429);
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(200);
    expect(emu.log.filter((e) => e.fault === 'throttle')).toHaveLength(2);
  });

  it('throttles every Nth operation and can expose Retry-After to browser code', async () => {
    const { emu, token } = await setup({ faults: { throttle: { every: 3 }, exposeRetryAfter: true } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await callGraph(emu, token, 'GET', '/me')).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    expect(emu.log.at(-1)?.status).toBe(429);
    expect((await callGraph(emu, token, 'GET', '/me')).headers['Access-Control-Expose-Headers']).toBe(
      'Retry-After',
    );
  });

  it('returns 503 or 504 to the next N operations', async () => {
    const { emu, token } = await setup();
    emu.faults.unavailable = { count: 1 };
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(503);
    emu.faults.unavailable = { count: 1, status: 504 };
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(504);
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(200);
  });

  it('drops the Nth Graph call at the network level, with or without the server-side effect', async () => {
    const { emu, token } = await setup();
    emu.faults.networkFailureOnCall = 2;
    expect((await callGraph(emu, token, 'GET', '/me')).status).toBe(200);
    const lost = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='a')`,
      { displayName: 'a' },
      { prefer: 'create-if-missing' },
    );
    expect(lost.status).toBe('aborted');
    expect(emu.applications()).toHaveLength(0);
    expect(emu.log.at(-1)).toMatchObject({ status: 'aborted', fault: 'network' });
    emu.faults.networkFailureOnCall = { call: 1, effectApplied: true };
    const applied = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='a')`,
      { displayName: 'a' },
      { prefer: 'create-if-missing' },
    );
    expect(applied.status).toBe('aborted');
    expect(emu.applications()).toHaveLength(1);
    const retried = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='a')`,
      { displayName: 'a' },
      { prefer: 'create-if-missing' },
    );
    expect(retried.status).toBe(204);
  });

  it('adds latency to every response and logs start and end times', async () => {
    const clock = manualClock();
    const { emu, token } = await setup({ now: clock.now, sleep: clock.sleep });
    emu.faults.latencyMs = 250;
    await callGraph(emu, token, 'GET', '/me');
    const entry = emu.log.at(-1);
    expect(entry && entry.endedAt - entry.startedAt).toBe(250);
    expect(entry).toMatchObject({
      kind: 'graph',
      host: 'graph.microsoft.com',
      path: '/v1.0/me',
      status: 200,
      batchItem: false,
    });
  });
});
