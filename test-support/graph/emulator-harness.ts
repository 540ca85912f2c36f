/**
 * Test and benchmark support (never imported by the app): the plan runner wired to the in-process Microsoft
 * emulator through a `fetch` that turns a Request into `emulator.handle(...)` and back, a manual clock, and an
 * in-memory sessionStorage.
 */
import { createEmulator } from '../../src/demo/emulator/emulator';
import type { Emulator, EmulatorOptions } from '../../src/demo/emulator/emulator';
import { TEST_CERTIFICATE_BASE64 } from '../../src/demo/emulator/fixtures/test-certificate';
import { emulatorFetch } from '../../src/demo/emulator/emulator-fetch';
import { clientRequests } from '../../src/demo/emulator/request-log';
import type { TransportOptions } from '../../src/demo/emulator/emulator-fetch';
import type { GraphKeyCredential } from '../../src/crypto/key-credential';
import { createPlanRunner } from '../../src/graph/plan-runner';
import type { PlanRunner, PlanRunnerDeps, RunStorage } from '../../src/graph/run-types';
import { buildPlan } from '../../src/plan/build-plan';
import type { PlanInput, RegistrationPlan } from '../../src/plan/plan-types';

/** The wizard's delegated scopes, as the UI consents to them before a run. */
export const WIZARD_SCOPES = [
  'Application.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
];

export const REDIRECT_URI = 'https://api.kloudless.com/v1/oauth/callback';

/**
 * SharePoint for admin accounts: certificate (the emulator's test certificate), ID tokens, 10 application
 * permissions on four APIs. `choices` changes any other answer.
 */
export const adminSharePointPlan = (
  grantAdminConsent = true,
  choices: Partial<PlanInput> = {},
): RegistrationPlan =>
  buildPlan({
    connectors: [{ id: 'sharepoint', mode: 'admin' }],
    displayName: 'Contoso Sync',
    redirectUris: [REDIRECT_URI],
    grantAdminConsent,
    certificate: testKeyCredential(),
    ...choices,
  });

/** Outlook Mail and Teams for non-admin users: delegated permissions only, no certificate. */
export const userMailTeamsPlan = (
  grantAdminConsent = false,
  choices: Partial<PlanInput> = {},
): RegistrationPlan =>
  buildPlan({
    connectors: [
      { id: 'outlook-mail', mode: 'user' },
      { id: 'teams', mode: 'user' },
    ],
    displayName: 'Contoso Mail and Teams',
    redirectUris: [REDIRECT_URI],
    grantAdminConsent,
    ...choices,
  });

/** Whether a request (or one of the items of a `$batch`) goes to a path ending in `suffix`. */
export function carries(request: Request, body: string | undefined, suffix: string): boolean {
  if (request.url.endsWith(suffix)) return true;
  if (!request.url.endsWith('/$batch') || !body) return false;
  const items = (JSON.parse(body) as { requests?: { url?: string }[] }).requests ?? [];
  return items.some((item) => item.url?.endsWith(suffix));
}

export { emulatorFetch };

/** The emulator's test certificate as the crypto module would describe it. */
export function testKeyCredential(overrides: Partial<GraphKeyCredential> = {}): GraphKeyCredential {
  return {
    customKeyIdentifier: 'r6cc666qWau9Wj194OAJlQl7Zhc=',
    displayName: 'CN=Contoso Connector Test Certificate',
    startDateTime: '2020-01-01T00:00:00.000Z',
    endDateTime: '2060-01-01T00:00:00.000Z',
    key: TEST_CERTIFICATE_BASE64,
    keyId: '5d1e0c1a-8f0e-4d3b-9a41-2f6f0b7c9e11',
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    ...overrides,
  };
}

/** A clock that only moves when something sleeps; the requested delays are recorded. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleeps,
    advance: (ms: number) => void (t += ms),
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** sessionStorage in memory. */
export function memoryStorage(): RunStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** An emulator with a runner factory (a new runner stands for a page reload; storage survives it). */
export function createHarness(
  settings: {
    emulator?: EmulatorOptions;
    transport?: TransportOptions;
    /** Use the real clock and timers (for latency measurements). */
    realTime?: boolean;
  } = {},
) {
  const clock = manualClock();
  const emu = createEmulator({
    ...(settings.realTime ? {} : { now: clock.now }),
    ...settings.emulator,
  });
  const storage = memoryStorage();
  const tokenRequests: (readonly string[])[] = [];
  let token: Promise<string> | undefined;
  const getToken = (permissions: readonly string[]) => {
    tokenRequests.push(permissions);
    token ??= emu.mintAccessToken({ scopes: WIZARD_SCOPES });
    return token;
  };
  const createRunner = (deps: Partial<PlanRunnerDeps> = {}): PlanRunner =>
    createPlanRunner({
      graphBaseUrl: 'https://graph.microsoft.com',
      getToken,
      fetch: emulatorFetch(emu, settings.transport),
      storage,
      ...(settings.realTime ? {} : { now: clock.now, sleep: clock.sleep, random: () => 0.5 }),
      ...deps,
    });
  return { emu, clock, storage, tokenRequests, getToken, createRunner };
}

/** The Graph writes the runner made (every request but GET; a `$batch` counts by its items). */
export const graphWrites = (emu: Emulator) => graphRequests(emu).filter((e) => e.method !== 'GET');

/** The Graph requests the runner made, as it sees them (see `clientRequests`). */
export const graphRequests = (emu: Emulator) => clientRequests(emu.log);

/** Each top-level Graph call of the log, as the `method path` of the requests it carried. */
export function topLevelCalls(emu: Emulator): string[][] {
  const graph = emu.log.filter((e) => e.kind === 'graph');
  return graph
    .filter((e) => !e.batchItem)
    .map((call) =>
      /\/\$batch$/.test(call.path)
        ? graph.filter((e) => e.batchItem && e.batchSeq === call.seq).map((e) => `${e.method} ${e.path}`)
        : [`${call.method} ${call.path}`],
    );
}
