/**
 * Builds `key-credentials.json`. Kept apart from the rest of the crypto module, with no runtime imports, so the page
 * can render the file without loading node-forge (which runs only in the worker).
 */
import type { GraphKeyCredential } from './key-credential';

/**
 * Content of `key-credentials.json`: `{"keyCredentials":[entry]}` with the certificate's Microsoft Graph
 * keyCredential, ready for the manifest editor's `keyCredentials` list or a PATCH of the application. Only Graph's
 * declared properties are written, since Graph refuses any other (such as the retired Azure AD Graph `value`).
 */
export function keyCredentialsFileJson(credential: GraphKeyCredential): string {
  const { customKeyIdentifier, displayName, endDateTime, key, keyId, startDateTime, type, usage } =
    credential;
  const entry = { customKeyIdentifier, displayName, endDateTime, key, keyId, startDateTime, type, usage };
  return `${JSON.stringify({ keyCredentials: [entry] }, null, 2)}\n`;
}
