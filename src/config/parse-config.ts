import {
  configKeySchemas,
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

const knownKeys = Object.keys(configKeySchemas) as ConfigKey[];

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
    const result = configKeySchemas[key].safeParse(record[key]);
    if (!result.success) {
      const message = result.error.issues[0]?.message ?? 'is not valid';
      problems.push({ key, message: `${message}. The default is used instead.` });
      continue;
    }
    if (key === 'defaultRedirectUris') {
      const parsed = parseRedirectDefaults(result.data as Record<string, unknown>);
      problems.push(...parsed.problems);
      config = { ...config, defaultRedirectUris: parsed.uris };
    } else {
      config = { ...config, [key]: result.data };
    }
  }
  return { config, problems };
}

/** Loads `/config.json`. A missing file is reported, and the wizard runs offline with defaults. */
export async function loadConfig(url = '/config.json', fetcher: typeof fetch = fetch): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-store' });
  } catch {
    return {
      config: defaultConfig,
      problems: [{ key: '', message: 'could not be loaded. Defaults apply.' }],
    };
  }
  if (!response.ok) {
    return {
      config: defaultConfig,
      problems: [{ key: '', message: `could not be loaded (HTTP ${response.status}). Defaults apply.` }],
    };
  }
  return parseConfig(await response.text());
}
