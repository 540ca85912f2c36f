/**
 * Starts the demo tenant (loaded on demand, when the address has `?demo`): the wizard's sign-in and Graph answered in
 * the page by the emulated tenant, with automatic mode set up whatever config.json says.
 */
import type { ReactNode } from 'react';
import type { AppConfig } from '../config/config-schema';
import { GraphFetchContext } from '../wizard/automatic-run';
import { DemoAuthProvider } from './demo-auth';
import { createDemoTenant, DEMO_CLIENT_ID } from './demo-tenant';

export function startDemo(config: AppConfig): { config: AppConfig; wrap: (app: ReactNode) => ReactNode } {
  const tenant = createDemoTenant();
  return {
    // The demo tenant is in the global cloud; it answers only its own Microsoft hosts.
    config: { ...config, clientId: DEMO_CLIENT_ID, cloud: 'global' },
    wrap: (app) => (
      <GraphFetchContext.Provider value={tenant.fetch}>
        <DemoAuthProvider tenant={tenant}>{app}</DemoAuthProvider>
      </GraphFetchContext.Provider>
    ),
  };
}
