import {
  configKeyChecks,
  defaultConfig,
  parseRedirectDefaults,
  type AppConfig,
  type ConfigKey,
  type ConfigProblem,
} from './config-schema';

export interface ConfigResult {
  readonly config: AppConfig;
  /** Everything wrong with the file; each bad key was replaced by its default. */
  readonly problems: readonly ConfigProblem[];
}

const knownKeys = Object.keys(configKeyChecks) as ConfigKey[];

/** Parses the text of `config.json`. Never throws: problems are reported and defaults used instead. */
export function parseConfig(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      config: defaultConfig,
      problems: [
        { key: '', message: `is not valid JSON (${detail}). Fix the syntax; until then defaults apply.` },
      ],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      config: defaultConfig,
      problems: [{ key: '', message: 'must be a JSON object such as {"cloud": "global"}.' }],
    };
  }

  const record = raw as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  let config: AppConfig = { ...defaultConfig };

  for (const key of Object.keys(record)) {
    if (!(knownKeys as string[]).includes(key)) {
      const near = knownKeys.find((k) => k.toLowerCase() === key.toLowerCase());
      problems.push({
        key,
        message: near
          ? `is not a known key. Did you mean "${near}"?`
          : `is not a known key. Known keys: ${knownKeys.join(', ')}.`,
      });
    }
  }

  for (const key of knownKeys) {
    if (!(key in record)) continue;
    const result = configKeyChecks[key](record[key]);
    if (!result.ok) {
      problems.push({ key, message: `${result.message}. The default is used instead.` });
      continue;
    }
    if (key === 'defaultRedirectUris') {
      const parsed = parseRedirectDefaults(result.value as Record<string, unknown>);
      problems.push(...parsed.problems);
      config = { ...config, defaultRedirectUris: parsed.uris };
    } else {
      config = { ...config, [key]: result.value };
    }
  }
  return { config, problems };
}

/** How long the wizard waits for `config.json` (headers and body) before it goes on with the defaults. */
export const CONFIG_TIMEOUT_MS = 8000;

const defaultsBecause = (message: string): ConfigResult => ({
  config: defaultConfig,
  problems: [{ key: '', message }],
});

/**
 * Loads `/config.json`. A missing, unreachable or slow file is reported, and the wizard runs offline with defaults:
 * after `CONFIG_TIMEOUT_MS` the request is cancelled, so a stalled server never keeps the wizard from starting.
 */
export async function loadConfig(url = '/config.json', fetcher: typeof fetch = fetch): Promise<ConfigResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<ConfigResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(
        defaultsBecause(
          `did not load within ${CONFIG_TIMEOUT_MS / 1000} seconds, so the defaults apply and only offline mode ` +
            'is offered. Check that the server answers /config.json quickly, then reload the page.',
        ),
      );
    }, CONFIG_TIMEOUT_MS);
  });
  const read = async (): Promise<ConfigResult> => {
    let response: Response;
    try {
      response = await fetcher(url, { cache: 'no-store', signal: controller.signal });
    } catch {
      return defaultsBecause('could not be loaded. Defaults apply.');
    }
    if (!response.ok)
      return defaultsBecause(`could not be loaded (HTTP ${response.status}). Defaults apply.`);
    try {
      return parseConfig(await response.text());
    } catch {
      return defaultsBecause('could not be read to the end. Defaults apply; reload the page to try again.');
    }
  };
  try {
    return await Promise.race([read(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
