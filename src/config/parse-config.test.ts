import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from './config-schema';
import { CONFIG_TIMEOUT_MS, loadConfig, parseConfig } from './parse-config';

const valid = {
  clientId: '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
  cloud: 'usgov',
  platformName: 'Contoso Connect',
  defaultRedirectUris: { teams: 'https://api.example.com/cb', sharepoint: 'https://api.example.com/cb' },
};

describe('parseConfig', () => {
  it('accepts a complete, valid file', () => {
    const { config, problems } = parseConfig(JSON.stringify(valid));
    expect(problems).toEqual([]);
    expect(config).toEqual(valid);
  });

  it('uses defaults for an empty object', () => {
    expect(parseConfig('{}')).toEqual({ config: defaultConfig, problems: [] });
  });

  it('reports invalid JSON with its syntax error and keeps every default', () => {
    const { config, problems } = parseConfig('{"cloud": "global",}');
    expect(config).toEqual(defaultConfig);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('rejects a non-object', () => {
    expect(parseConfig('[1]').problems[0]?.message).toMatch(/JSON object/);
  });

  it('names the bad key, says why, and keeps the good keys', () => {
    const { config, problems } = parseConfig(JSON.stringify({ ...valid, cloud: 'mars', clientId: 'abc' }));
    expect(problems.map((p) => p.key)).toEqual(['clientId', 'cloud']);
    expect(problems[0]?.message).toMatch(/GUID/);
    expect(problems[1]?.message).toMatch(/one of global, usgov, usgovdod, china/);
    expect(config.cloud).toBe('global');
    expect(config.clientId).toBeUndefined();
    expect(config.platformName).toBe('Contoso Connect');
  });

  it('checks each default redirect URI and keeps the valid ones', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        defaultRedirectUris: {
          teams: 'http://api.example.com/cb',
          onedrive: 'https://api.example.com/od',
          dropbox: 'https://x.example.com',
          sharepoint: 42,
        },
      }),
    );
    expect(config.defaultRedirectUris).toEqual({ onedrive: 'https://api.example.com/od' });
    expect(problems).toEqual([
      { key: 'defaultRedirectUris.teams', message: expect.stringMatching(/Use https:\/\//) },
      { key: 'defaultRedirectUris.dropbox', message: expect.stringMatching(/not a connector/) },
      { key: 'defaultRedirectUris.sharepoint', message: 'must be a string.' },
    ]);
  });

  it('flags unknown keys and suggests the right spelling', () => {
    const { problems } = parseConfig(JSON.stringify({ clientid: valid.clientId, theme: 'dark' }));
    expect(problems).toEqual([
      { key: 'clientid', message: 'is not a known key. Did you mean "clientId"?' },
      { key: 'theme', message: expect.stringMatching(/Known keys: clientId, cloud/) },
    ]);
  });

  it('words every problem with a key exactly', () => {
    const problems = (value: Record<string, unknown>) => parseConfig(JSON.stringify(value)).problems;
    const because = (message: string) => `${message}. The default is used instead.`;
    expect(problems({ clientId: 42 })).toEqual([{ key: 'clientId', message: because('must be a string') }]);
    expect(problems({ clientId: 'abc' })).toEqual([
      {
        key: 'clientId',
        message: because(
          "must be the Application (client) ID of the wizard's own app registration, a GUID such as " +
            '00000000-0000-0000-0000-000000000000',
        ),
      },
    ]);
    expect(problems({ cloud: 'mars' })).toEqual([
      { key: 'cloud', message: because('must be one of global, usgov, usgovdod, china') },
    ]);
    expect(problems({ defaultRedirectUris: ['https://api.example.com/cb'] })).toEqual([
      { key: 'defaultRedirectUris', message: because('must be an object of connector id to URI') },
    ]);
    expect(problems({ platformName: null })).toEqual([
      { key: 'platformName', message: because('must be a string') },
    ]);
    expect(problems({ platformName: ' ' })).toEqual([
      { key: 'platformName', message: because('must not be empty') },
    ]);
    expect(problems({ platformName: 'x'.repeat(81) })).toEqual([
      { key: 'platformName', message: because('must be 80 characters or fewer') },
    ]);
  });

  it('trims the platform name and ignores a __proto__ redirect entry', () => {
    const { config, problems } = parseConfig(
      `{"platformName": "  Contoso  ", "defaultRedirectUris": {"__proto__": "x", "teams": "https://a.example.com/cb"}}`,
    );
    expect(problems).toEqual([]);
    expect(config.platformName).toBe('Contoso');
    expect(config.defaultRedirectUris).toEqual({ teams: 'https://a.example.com/cb' });
  });

  it('rejects an empty platform name', () => {
    const { config, problems } = parseConfig(JSON.stringify({ platformName: '  ' }));
    expect(problems[0]).toEqual({ key: 'platformName', message: expect.stringMatching(/must not be empty/) });
    expect(config.platformName).toBe(defaultConfig.platformName);
  });
});

describe('loadConfig', () => {
  it('reports a missing file and falls back to defaults', async () => {
    const result = await loadConfig('/config.json', async () => new Response('nope', { status: 404 }));
    expect(result.config).toEqual(defaultConfig);
    expect(result.problems[0]?.message).toMatch(/HTTP 404/);
  });

  it('reports a network failure', async () => {
    const result = await loadConfig('/config.json', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result.problems[0]?.message).toMatch(/could not be loaded/);
  });

  it('reports a body cut off midway', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start: (controller) => controller.error(new TypeError('network error')),
    });
    const result = await loadConfig('/config.json', async () => new Response(broken));
    expect(result.config).toEqual(defaultConfig);
    expect(result.problems[0]?.message).toMatch(/could not be read to the end/);
  });

  it('parses what the server returns', async () => {
    const result = await loadConfig('/config.json', async () => new Response(JSON.stringify(valid)));
    expect(result).toEqual({ config: valid, problems: [] });
  });
});

describe('loadConfig when the server is slow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Settles `promise` as far as timers up to `ms` from now allow, and says whether it did. */
  async function settledAfter<T>(promise: Promise<T>, ms: number): Promise<boolean> {
    let settled = false;
    void promise.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it('waits 8 seconds for an answer, then goes on with the defaults and says what to check', async () => {
    let signal: AbortSignal | undefined;
    const result = loadConfig('/config.json', (_url, init) => {
      signal = init?.signal ?? undefined;
      // Never answers; gives up only when aborted, as fetch does.
      return new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal?.reason)),
      );
    });
    expect(CONFIG_TIMEOUT_MS).toBe(8000);
    expect(await settledAfter(result, CONFIG_TIMEOUT_MS - 1)).toBe(false);
    expect(await settledAfter(result, 1)).toBe(true);
    const { config, problems } = await result;
    expect(config).toEqual(defaultConfig);
    expect(problems).toEqual([
      {
        key: '',
        message:
          'did not load within 8 seconds, so the defaults apply and only offline mode is offered. Check that the ' +
          'server answers /config.json quickly, then reload the page.',
      },
    ]);
    expect(signal?.aborted, 'the request is cancelled').toBe(true);
  });

  it('gives up on a body that stops arriving, within the same 8 seconds', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"cloud": ')),
    });
    const result = loadConfig('/config.json', async () => new Response(stalled));
    expect(await settledAfter(result, CONFIG_TIMEOUT_MS)).toBe(true);
    expect((await result).problems[0]?.message).toMatch(/^did not load within 8 seconds/);
  });

  it('uses a file that arrives just in time', async () => {
    const result = loadConfig(
      '/config.json',
      () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => resolve(new Response(JSON.stringify(valid))), CONFIG_TIMEOUT_MS - 100),
        ),
    );
    expect(await settledAfter(result, CONFIG_TIMEOUT_MS - 100)).toBe(true);
    expect(await result).toEqual({ config: valid, problems: [] });
  });
});
