/**
 * Starts the demo tenant (loaded on demand, when the address has `?demo`): the wizard's sign-in and Graph answered in
 * the page by the emulated tenant, with automatic mode set up whatever config.json says.
 */
import type { ReactNode } from 'react';
import type { AppConfig } from '../config/config-schema';
import { GraphBackendContext } from '../wizard/automatic-run';
import { defaultDisplayName } from '../wizard/answers';
import { DemoAuthProvider } from './demo-auth';
import { demoScenario, type DemoScenario } from './demo-scenarios';
import { createDemoTenant, DEMO_CLIENT_ID } from './demo-tenant';

/** `?demo=<scenario>` (see `demo-scenarios.ts`); any other value is the standard demo. */
export async function startDemo(
  config: AppConfig,
  value: string | null,
): Promise<{ config: AppConfig; scenario: DemoScenario; wrap: (app: ReactNode) => ReactNode }> {
  const scenario = demoScenario(value);
  const redirectUri =
    Object.values(config.defaultRedirectUris).find(Boolean) ?? 'https://platform.example.com/oauth/callback';
  const tenant = await createDemoTenant(scenario, { displayName: defaultDisplayName(config), redirectUri });
  const backend = { fetch: tenant.fetch, newRunId: tenant.newRunId };
  return {
    scenario,
    // The demo tenant is in the global cloud; it answers only its own Microsoft hosts.
    config: { ...config, clientId: DEMO_CLIENT_ID, cloud: 'global' },
    wrap: (app) => (
      <GraphBackendContext.Provider value={backend}>
        <DemoAuthProvider tenant={tenant}>{app}</DemoAuthProvider>
      </GraphBackendContext.Provider>
    ),
  };
}
