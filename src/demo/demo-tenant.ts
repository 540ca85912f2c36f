/**
 * The demo tenant: the emulated Microsoft tenant (the same module the tests run against, as strict as Graph) running
 * in the page. Nothing leaves the browser. Ids come from a fixed seed, so the same choices give the same ids, and
 * every client secret starts with `DEMO-`.
 */
import { createPlanRunner } from '../graph/plan-runner';
import { buildPlan } from '../plan/build-plan';
import type { DemoScenario } from './demo-scenarios';
import { DEFAULT_ADMIN, NON_ADMIN_USER } from './emulator/defaults';
import { createEmulator, type Emulator } from './emulator/emulator';
import { emulatorFetch } from './emulator/emulator-fetch';
import { seededRandom } from './emulator/random';
import type { SeededApplication } from './emulator/seed-applications';
import { resourceApi } from '../catalog/resource-apis';
import type { EmulatedUser } from './emulator/types';

/** The wizard's own registration in the demo tenant (config.json's `clientId` while the demo runs). */
export const DEMO_CLIENT_ID = '00000000-de70-4e57-a1a1-000000000001';

/** One demo tenant for the page. */
export interface DemoTenant {
  readonly emulator: Emulator;
  /** Answers the run's Graph requests in the page. */
  readonly fetch: typeof fetch;
  /** Names the wizard's runs from a fixed seed, as the tenant does its ids. */
  readonly newRunId: () => string;
  /** The accounts its sign-in page offers. */
  readonly accounts: readonly EmulatedUser[];
  readonly scenario: DemoScenario;
}

/** The answers an earlier session used, for the scenario with a registration that exists. */
export interface EarlierAnswers {
  readonly displayName: string;
  readonly redirectUri: string;
}

const EARLIER: EarlierAnswers = {
  displayName: 'Microsoft 365 connectors',
  redirectUri: 'https://platform.example.com/oauth/callback',
};

/** Outlook Mail for admin accounts as someone set it up by hand, with what support cases are made of. */
function driftedRegistration(redirectUri: string): SeededApplication {
  const graph = resourceApi('graph').appId;
  const scope = (value: string) => ({ resourceAppId: graph, value, type: 'Scope' as const });
  const role = (value: string) => ({ resourceAppId: graph, value, type: 'Role' as const });
  return {
    displayName: 'Outlook Mail (set up by hand)',
    redirectUris: [redirectUri, 'http://localhost:3000/callback'],
    permissions: [
      scope('email'),
      scope('offline_access'),
      scope('openid'),
      scope('profile'),
      role('MailboxSettings.Read'),
      role('User.Read.All'),
    ],
    secrets: [{ displayName: 'production', expiresInDays: 10 }],
    servicePrincipal: false,
  };
}

export async function createDemoTenant(
  scenario: DemoScenario,
  earlier: EarlierAnswers = EARLIER,
): Promise<DemoTenant> {
  const accounts = scenario.ordinaryUserOnly ? [NON_ADMIN_USER] : [DEFAULT_ADMIN, NON_ADMIN_USER];
  const emulator = createEmulator({
    users: [DEFAULT_ADMIN, NON_ADMIN_USER],
    random: seededRandom(2026),
    secretPrefix: 'DEMO-',
  });
  const fetch = emulatorFetch(emulator);
  const runIds = seededRandom(5);
  const newRunId = () => [...runIds(4)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (scenario.earlierRegistration) {
    // An earlier session of the wizard: Outlook Mail for ordinary users, with a secret the platform holds.
    const runner = createPlanRunner({
      graphBaseUrl: 'https://graph.microsoft.com',
      getToken: (permissions) =>
        emulator.mintAccessToken({ scopes: permissions, user: DEFAULT_ADMIN, clientId: DEMO_CLIENT_ID }),
      fetch,
      storage: null,
      newRunId,
    });
    await runner.run(
      buildPlan({
        connectors: [{ id: 'outlook-mail', mode: 'user' }],
        displayName: earlier.displayName,
        redirectUris: [earlier.redirectUri],
      }),
    );
    emulator.clearLog();
  }
  if (scenario.driftedRegistration) emulator.seedApplication(driftedRegistration(earlier.redirectUri));
  // The scenario's faults apply to what the admin does, not to the earlier session.
  if (scenario.faults) emulator.faults.apply(scenario.faults);
  return { emulator, fetch, newRunId, accounts, scenario };
}
