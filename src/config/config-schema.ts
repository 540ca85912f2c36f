import { connectorIds, type ConnectorId } from '../catalog/connectors';
import { redirectUriProblem } from '../catalog/entra-limits';
import { cloudIds } from './clouds';
import { GUID_PATTERN } from './guid';

/** What a key's check makes of its value: the value to use, or what is wrong with it. */
export type ConfigCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): ConfigCheck<T> => ({ ok: true, value });
const wrong = (message: string): ConfigCheck<never> => ({ ok: false, message });

/** A JSON object (not an array, not null). */
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Each key of `config.json` has its own check, so one bad key falls back to its default while the others still
 * apply. Plain functions rather than a schema library: config.json is read before the first screen, and these few
 * checks keep the start-up bundle free of one (zod loads with the steps that need it).
 */
export const configKeyChecks = {
  clientId: (value: unknown): ConfigCheck<string> => {
    if (typeof value !== 'string') return wrong('must be a string');
    if (!GUID_PATTERN.test(value))
      return wrong(
        "must be the Application (client) ID of the wizard's own app registration, a GUID such as " +
          '00000000-0000-0000-0000-000000000000',
      );
    return ok(value);
  },
  cloud: (value: unknown): ConfigCheck<(typeof cloudIds)[number]> =>
    (cloudIds as readonly unknown[]).includes(value)
      ? ok(value as (typeof cloudIds)[number])
      : wrong(`must be one of ${cloudIds.join(', ')}`),
  defaultRedirectUris: (value: unknown): ConfigCheck<Record<string, unknown>> => {
    if (!isJsonObject(value)) return wrong('must be an object of connector id to URI');
    // A `__proto__` key is dropped unread: written into an object, it would set its prototype.
    return ok(Object.fromEntries(Object.entries(value).filter(([id]) => id !== '__proto__')));
  },
  platformName: (value: unknown): ConfigCheck<string> => {
    if (typeof value !== 'string') return wrong('must be a string');
    const name = value.trim();
    if (name.length < 1) return wrong('must not be empty');
    if (name.length > 80) return wrong('must be 80 characters or fewer');
    return ok(name);
  },
};

export type ConfigKey = keyof typeof configKeyChecks;

export interface AppConfig {
  /** The wizard's own app registration. Without it, only offline mode is available. */
  readonly clientId?: string;
  readonly cloud: (typeof cloudIds)[number];
  readonly defaultRedirectUris: Readonly<Partial<Record<ConnectorId, string>>>;
  /** The integration platform whose "Custom OAuth keys" page receives the credentials. */
  readonly platformName: string;
}

export const defaultConfig: AppConfig = {
  cloud: 'global',
  defaultRedirectUris: {},
  platformName: 'your integration platform',
};

export interface ConfigProblem {
  /** The key (or `key.subkey`) at fault; empty for the file as a whole. */
  readonly key: string;
  readonly message: string;
}

/** Reads `defaultRedirectUris` entry by entry: a bad entry is reported and dropped, the rest are kept. */
export function parseRedirectDefaults(value: Record<string, unknown>): {
  uris: Partial<Record<ConnectorId, string>>;
  problems: ConfigProblem[];
} {
  const uris: Partial<Record<ConnectorId, string>> = {};
  const problems: ConfigProblem[] = [];
  for (const [id, uri] of Object.entries(value)) {
    const key = `defaultRedirectUris.${id}`;
    if (!(connectorIds as readonly string[]).includes(id)) {
      problems.push({ key, message: `is not a connector. Use one of ${connectorIds.join(', ')}.` });
    } else if (typeof uri !== 'string') {
      problems.push({ key, message: 'must be a string.' });
    } else {
      const problem = redirectUriProblem(uri);
      if (problem) problems.push({ key, message: `is not a valid redirect URI. ${problem}` });
      else uris[id as ConnectorId] = uri.trim();
    }
  }
  return { uris, problems };
}
