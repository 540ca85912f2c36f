import { z } from 'zod';
import { connectorIds, type ConnectorId } from '../catalog/connectors';
import { redirectUriProblem } from '../catalog/entra-limits';
import { cloudIds } from './clouds';
import { GUID_PATTERN } from './guid';

/**
 * Each key of `config.json` has its own schema, so one bad key falls back to its default while the others still
 * apply.
 */
export const configKeySchemas = {
  clientId: z
    .string({ error: 'must be a string' })
    .regex(GUID_PATTERN, {
      error:
        "must be the Application (client) ID of the wizard's own app registration, a GUID such as " +
        '00000000-0000-0000-0000-000000000000',
    })
    .optional(),
  cloud: z.enum(cloudIds as [string, ...string[]], { error: `must be one of ${cloudIds.join(', ')}` }),
  defaultRedirectUris: z.record(z.string(), z.unknown(), {
    error: 'must be an object of connector id to URI',
  }),
  platformName: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(80, { error: 'must be 80 characters or fewer' }),
};

export type ConfigKey = keyof typeof configKeySchemas;

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
