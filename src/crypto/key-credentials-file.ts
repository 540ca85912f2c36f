/**
 * Builds `key-credentials.json`. Kept apart from the rest of the crypto module, with no runtime imports, so the page
 * can render the file without loading node-forge (which runs only in the worker).
 */
import type { GraphKeyCredential, KeyCredentialsEntry } from './key-credential';

/**
 * Content of `key-credentials.json`: the procedure's `keyCredentials` list with one entry, carrying the Graph
 * fields too, so the same file works for the manifest editor and for scripts that PATCH the application.
 */
export function keyCredentialsFileJson(credentials: {
  keyCredentialsEntry: KeyCredentialsEntry;
  graphKeyCredential: GraphKeyCredential;
}): string {
  const { keyCredentialsEntry: entry, graphKeyCredential: graph } = credentials;
  const combined = {
    customKeyIdentifier: entry.customKeyIdentifier,
    keyId: entry.keyId,
    type: entry.type,
    usage: entry.usage,
    value: entry.value,
    key: graph.key,
    displayName: graph.displayName,
    startDateTime: graph.startDateTime,
    endDateTime: graph.endDateTime,
  };
  return `${JSON.stringify({ keyCredentials: [combined] }, null, 2)}\n`;
}
