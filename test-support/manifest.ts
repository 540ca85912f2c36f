/**
 * The offline `manifest.json` as the tests read it, and its permissions in a form to compare with the catalog: one
 * `resourceAppId|type|id` line per permission, sorted.
 */
import type { ConnectorId, ConnectorMode } from '../src/catalog/connectors';
import { graphAccessType } from '../src/catalog/permissions';
import { resolveConnectorMode } from '../src/catalog/resolve';
import { resourceApi } from '../src/catalog/resource-apis';

export interface Manifest {
  displayName: string;
  signInAudience: string;
  web: { redirectUris: string[]; implicitGrantSettings: { enableIdTokenIssuance: boolean } };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

/** The manifest's permissions, a line each. */
export const flattenAccess = (m: Manifest['requiredResourceAccess']): string[] =>
  m.flatMap((r) => r.resourceAccess.map((a) => `${r.resourceAppId}|${a.type}|${a.id}`)).sort();

/** What the catalog says the connector needs in this mode, in the same form. */
export const accessFromCatalog = (id: ConnectorId, mode: ConnectorMode): string[] =>
  resolveConnectorMode(id, mode)
    .permissions.map((p) => `${resourceApi(p.api).appId}|${graphAccessType[p.kind]}|${p.id}`)
    .sort();

/** The redirect URI the shipped `public/config.json` gives every connector. */
export const SHIPPED_REDIRECT = 'https://api.kloudless.com/v1/oauth/callback';
