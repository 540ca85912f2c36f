import { describe, expect, it } from 'vitest';
import {
  adminSharePointPlan,
  createHarness,
  graphRequests,
  topLevelCalls,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';
import { expectRegistration } from '../../test-support/graph/expect-registration';

/** The top-level Graph calls of a clean run, in order (what `networkFailureOnCall` counts), by what each carried. */
async function cleanCalls(plan = adminSharePointPlan()) {
  const { emu, createRunner } = createHarness();
  await createRunner().run(plan);
  return topLevelCalls(emu).map((requests) => requests.join(' + '));
}

describe('plan runner when a connection drops', async () => {
  const calls = await cleanCalls();
  const cases = calls.flatMap((call, i) => [
    [i + 1, call, false],
    [i + 1, call, true],
  ]) as [number, string, boolean][];

  it.each(cases)(
    'call %i (%s) dropped, server effect %s: one of everything',
    async (call, _label, effectApplied) => {
      const { emu, createRunner } = createHarness({
        emulator: { faults: { networkFailureOnCall: { call, effectApplied } } },
      });
      const plan = adminSharePointPlan();
      const result = await createRunner().run(plan);
      expectRegistration(emu, plan, result, 'granted');
      expect(emu.log.filter((e) => e.status === 'aborted')).toHaveLength(1);
    },
  );

  it('replaces a secret whose addPassword answer was lost, leaving exactly one', async () => {
    const call = calls.findIndex((c) => c.includes('/addPassword')) + 1;
    const { emu, clock, createRunner } = createHarness({
      emulator: { faults: { networkFailureOnCall: { call, effectApplied: true } } },
    });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan);

    expectRegistration(emu, plan, result, 'granted');
    const secretCalls = graphRequests(emu).filter((e) =>
      /\/(add|remove)Password$|\$select=passwordCredentials$/.test(e.path),
    );
    expect(secretCalls.map((e) => `${e.method} ${e.path.split('/').at(-1)} ${e.status}`)).toEqual([
      'POST addPassword aborted',
      expect.stringMatching(/^GET .*passwordCredentials 200$/),
      expect.stringMatching(/^POST (add|remove)Password (200|204)$/),
      expect.stringMatching(/^POST (add|remove)Password (200|204)$/),
    ]);
    // The secret's cleanup needs no wait; the service principal, dropped in the same batch, waits one connection back-off.
    expect(clock.sleeps).toEqual([500]);
  });

  it('resolves a 409 after a lost POST /servicePrincipals answer by reading the service principal', async () => {
    const call = calls.findIndex((c) => c.split(' + ').includes('POST /v1.0/servicePrincipals')) + 1;
    const { emu, createRunner } = createHarness({
      emulator: { faults: { networkFailureOnCall: { call, effectApplied: true } } },
    });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan);

    expectRegistration(emu, plan, result, 'granted');
    const spCalls = graphRequests(emu).filter(
      (e) => e.path.startsWith('/v1.0/servicePrincipals') && !e.path.includes('appRole'),
    );
    expect(spCalls.slice(-3).map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST aborted',
      'POST 409',
      'GET 200',
    ]);
  });

  it('unions the scope when a lost grant answer makes the retried POST a duplicate', async () => {
    const plan = userMailTeamsPlan(true);
    const planCalls = await cleanCalls(plan);
    const call = planCalls.findIndex((c) => c.includes('oauth2PermissionGrants')) + 1;
    const { emu, createRunner } = createHarness({
      emulator: { faults: { networkFailureOnCall: { call, effectApplied: true } } },
    });
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
    const grantCalls = graphRequests(emu).filter((e) => e.path.includes('oauth2PermissionGrants'));
    expect(grantCalls.map((e) => `${e.method} ${e.status}`)).toEqual(['POST aborted', 'POST 409', 'GET 200']);
  });

  it('gives up on a non-idempotent call only after cleanup attempts, with a network error', async () => {
    const { emu, createRunner } = createHarness();
    const plan = userMailTeamsPlan();
    const runner = createRunner({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await runner.run(plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ explained: { kind: 'network', code: 'NetworkError' } });
    expect(emu.applications()).toEqual([]);
  });
});
