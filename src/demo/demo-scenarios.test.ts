import { describe, expect, it } from 'vitest';
import { createDemoTenant } from './demo-tenant';
import { DEMO_SCENARIOS, demoScenario } from './demo-scenarios';

describe('demo scenarios', () => {
  it('reads ?demo=<name>, and anything else as the standard demo', () => {
    expect(demoScenario('throttled').name).toBe('throttled');
    expect(demoScenario('1').name).toBe('standard');
    expect(demoScenario('').name).toBe('standard');
    expect(demoScenario(null).name).toBe('standard');
    expect(demoScenario('__proto__').name).toBe('standard');
  });

  it('puts the emulated tenant in the scenario’s situation', async () => {
    const throttled = await createDemoTenant(DEMO_SCENARIOS.throttled);
    expect(throttled.emulator.faults.throttle).toMatchObject({ count: 3, retryAfterSeconds: 2 });
    const ordinary = await createDemoTenant(DEMO_SCENARIOS['non-admin']);
    expect(ordinary.accounts.map((a) => a.isAdmin)).toEqual([false]);
    const standard = await createDemoTenant(DEMO_SCENARIOS.standard);
    expect(standard.accounts.map((a) => a.isAdmin)).toEqual([true, false]);
    expect(standard.emulator.applications()).toEqual([]);
    const drifted = await createDemoTenant(DEMO_SCENARIOS.drifted);
    const [app] = drifted.emulator.applications();
    // Made by hand: no unique name, no enterprise application, owned by the admin who signs in.
    expect(app?.uniqueName ?? null).toBeNull();
    expect(drifted.emulator.servicePrincipal(app?.appId ?? '')).toBeUndefined();
    expect(drifted.emulator.ownersOf(app?.id ?? '')).toEqual([drifted.accounts[0]?.oid]);
  });

  it('makes visibly fake secrets, and the same ids for the same choices', async () => {
    const a = await createDemoTenant(DEMO_SCENARIOS.existing);
    const b = await createDemoTenant(DEMO_SCENARIOS.existing);
    const [app] = a.emulator.applications();
    expect(app?.displayName).toBe('Microsoft 365 connectors');
    expect(a.emulator.liveSecrets(app?.id ?? '')[0]?.secretText).toMatch(/^DEMO-/);
    expect(b.emulator.applications()[0]?.appId).toBe(app?.appId);
  });
});
