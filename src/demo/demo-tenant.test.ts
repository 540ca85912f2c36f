import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanRunner } from '../graph/plan-runner';
import { buildPlan } from '../plan/build-plan';
import { DEMO_SCENARIOS } from './demo-scenarios';
import { createDemoTenant, DEMO_CLIENT_ID } from './demo-tenant';
import { DEFAULT_ADMIN } from './emulator/defaults';

/** What an admin sees of the tenant after a run: ids, names, secrets and dates. */
async function runOnDemo(scenario: keyof typeof DEMO_SCENARIOS) {
  const tenant = await createDemoTenant(DEMO_SCENARIOS[scenario]);
  const runner = createPlanRunner({
    graphBaseUrl: 'https://graph.microsoft.com',
    getToken: (permissions) =>
      tenant.emulator.mintAccessToken({ scopes: permissions, user: DEFAULT_ADMIN, clientId: DEMO_CLIENT_ID }),
    fetch: tenant.fetch,
    storage: null,
    newRunId: tenant.newRunId,
  });
  const before = structuredClone(tenant.emulator.applications());
  const result = await runner.run(
    buildPlan({
      connectors: [{ id: 'outlook-mail', mode: 'user' }],
      displayName: 'Contoso Mail',
      redirectUris: ['https://platform.example.com/oauth/callback'],
    }),
  );
  return { before, after: tenant.emulator.applications(), secret: result.secret?.secretText };
}

describe('demo tenant', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same ids, names, secrets and dates for the same choices', async () => {
    const first = await runOnDemo('standard');
    const second = await runOnDemo('standard');
    expect(first.after).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first.secret).toMatch(/^DEMO-/);
    expect(first.after[0]?.passwordCredentials[0]?.endDateTime).toMatch(/^2026-10-31/);
  });

  it('holds the same earlier registration on every visit of ?demo=existing', async () => {
    const first = await runOnDemo('existing');
    const second = await runOnDemo('existing');
    expect(first.before).toHaveLength(1);
    expect(first.before[0]?.passwordCredentials.map((p) => p.displayName)).toEqual([
      expect.stringMatching(/^Entra Setup Wizard [0-9a-f]{8} 2026-05-04$/),
    ]);
    expect(second).toEqual(first);
  });
});
