/**
 * The demo tenant: the emulated Microsoft tenant (the same module the tests run against, as strict as Graph) running
 * in the page. Nothing leaves the browser. Ids come from a fixed seed, so the same choices give the same ids.
 */
import { DEFAULT_ADMIN, NON_ADMIN_USER } from './emulator/defaults';
import { createEmulator, type Emulator } from './emulator/emulator';
import { emulatorFetch } from './emulator/emulator-fetch';
import { seededRandom } from './emulator/random';
import type { EmulatedUser } from './emulator/types';

/** The wizard's own registration in the demo tenant (config.json's `clientId` while the demo runs). */
export const DEMO_CLIENT_ID = '00000000-de70-4e57-a1a1-000000000001';

/** The accounts the demo's sign-in page offers: a Global Administrator and an ordinary user. */
export const DEMO_ACCOUNTS: readonly EmulatedUser[] = [DEFAULT_ADMIN, NON_ADMIN_USER];

/** One demo tenant for the page. */
export interface DemoTenant {
  readonly emulator: Emulator;
  /** Answers the run's Graph requests in the page. */
  readonly fetch: typeof fetch;
}

export function createDemoTenant(): DemoTenant {
  const emulator = createEmulator({ users: DEMO_ACCOUNTS, random: seededRandom(2026) });
  return { emulator, fetch: emulatorFetch(emulator) };
}
