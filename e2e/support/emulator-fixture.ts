/**
 * Playwright fixtures that put the Microsoft emulator between the browser and the Internet.
 *
 * - `emulator`: a fresh emulator per test (`test.use({ emulatorOptions: {...} })` to configure it; flip
 *   `emulator.faults.*` at any time).
 * - `context`: the default browser context, routed with `context.route` (so the sign-in popup and MSAL's
 *   hidden iframe are covered too): every login and Graph host of every cloud goes to the emulator; the
 *   app's own origin (the config's `baseURL`) goes to the network; anything else is aborted and recorded.
 * - `outsideRequests`: the recorded outside-host URLs. With `failOnOutsideRequests` (default true) a test
 *   that made any fails at teardown.
 *
 * It builds on the secret scan (`secret-scan.ts`): every client secret, token and authorization code the emulator
 * issued is looked for after each test.
 */
import type { BrowserContext } from '@playwright/test';
import { createEmulator } from '../../src/demo/emulator/emulator';
import { APP } from './app-origin';
import type { Emulator, EmulatorOptions } from '../../src/demo/emulator/emulator';
import { EMULATED_URL_PATTERN } from '../../src/demo/emulator/hosts';
import { isAbort } from '../../src/demo/emulator/types';
import { test as base, expect, type SecretValue } from './secret-scan';

/** Options, set with `test.use`. */
export interface EmulatorFixtureOptions {
  /** Options of the per-test emulator (users, clients, clock, initial faults, ...). */
  readonly emulatorOptions: EmulatorOptions;
  /** Fail the test at teardown when a request went to a host that is neither the app nor emulated. Default true. */
  readonly failOnOutsideRequests: boolean;
}

/** Fixtures added to Playwright's. */
export interface EmulatorFixtures {
  readonly emulator: Emulator;
  /** URLs of aborted requests to outside hosts (the same array as `emulator.outsideRequests`). */
  readonly outsideRequests: string[];
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Routes a browser context: emulated hosts to `emulator.handle`, `appOrigin` through, everything else
 * aborted and recorded. Exported for tests that build their own contexts.
 */
export async function routeContextToEmulator(
  context: BrowserContext,
  emulator: Emulator,
  appOrigin: string,
): Promise<void> {
  await context.route(
    () => true,
    async (route) => {
      const request = route.request();
      const url = request.url();
      if (EMULATED_URL_PATTERN.test(url)) {
        const response = await emulator.handle({
          method: request.method(),
          url,
          headers: await request.allHeaders(),
          body: request.postData() ?? undefined,
          bodyBytes: request.postDataBuffer() ?? undefined,
        });
        if (isAbort(response)) return route.abort('failed');
        return route.fulfill({ status: response.status, headers: response.headers, body: response.body });
      }
      const origin = originOf(url);
      if (origin === appOrigin || !/^https?:/i.test(url)) return route.fallback();
      emulator.recordOutsideRequest(url);
      return route.abort('blockedbyclient');
    },
  );
}

/** The values under these keys of an emulator's answer are secret. */
const SECRET_KEYS: Readonly<Record<string, string>> = {
  secretText: 'a client secret the emulator returned',
  access_token: 'an access token the emulator returned',
  id_token: 'an ID token the emulator returned',
  refresh_token: 'a refresh token the emulator returned',
};

function secretsInAnswer(body: string | undefined): SecretValue[] {
  if (!body?.startsWith('{')) return [];
  const found: SecretValue[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const what = SECRET_KEYS[key];
        if (what && typeof inner === 'string') found.push({ what, value: inner });
        else walk(inner);
      }
    }
  };
  try {
    walk(JSON.parse(body));
  } catch {
    // Not JSON: an HTML page of the sign-in service.
  }
  return found;
}

/**
 * Every secret the emulator issued: the client secrets it holds, the tokens and authorization codes it issued, and
 * every secret value in its logged answers (ID tokens, and secrets removed since).
 */
export function issuedSecrets(emulator: Emulator): SecretValue[] {
  return [
    ...emulator
      .applications()
      .flatMap((app) =>
        app.passwordCredentials.flatMap((p) =>
          p.secretText ? [{ what: `a client secret of “${app.displayName}”`, value: p.secretText }] : [],
        ),
      ),
    ...emulator.accessTokens().map((t) => ({ what: 'an access token the emulator issued', value: t.token })),
    ...[...emulator.state.refreshTokens.keys()].map((value) => ({
      what: 'a refresh token the emulator issued',
      value,
    })),
    ...[...emulator.state.authCodes.keys()].map((value) => ({
      what: 'an authorization code the emulator issued',
      value,
    })),
    ...emulator.log.flatMap((entry) => secretsInAnswer(entry.responseBody)),
  ];
}

/** `test` with the emulator fixtures. */
export const test = base.extend<EmulatorFixtures & EmulatorFixtureOptions>({
  emulatorOptions: [{}, { option: true }],
  failOnOutsideRequests: [true, { option: true }],
  emulator: async ({ emulatorOptions, secretMaterial }, use) => {
    const emulator = createEmulator(emulatorOptions);
    secretMaterial.addSource(() => issuedSecrets(emulator));
    await use(emulator);
  },
  outsideRequests: async ({ emulator }, use) => {
    await use(emulator.outsideRequests);
  },
  context: async ({ context, emulator, baseURL, failOnOutsideRequests }, use) => {
    await routeContextToEmulator(context, emulator, originOf(baseURL ?? APP) ?? APP);
    await use(context);
    if (failOnOutsideRequests && emulator.outsideRequests.length > 0) {
      throw new Error(
        `Requests left the app and the emulated Microsoft hosts:\n${emulator.outsideRequests.join('\n')}`,
      );
    }
  },
});

export { expect };
