/** Entra's redirect URI rules (entra-docs `reply-url.md`). */

const FORBIDDEN_CHARACTERS = /[!$'(),;*]/;

/** Redirect URI count limit for an audience. */
export function maxRedirectUris(audience: string): number {
  return audience === 'AzureADMyOrg' || audience === 'AzureADMultipleOrgs' ? 256 : 100;
}

/** Whether one web/SPA redirect URI is acceptable. */
export function isValidRedirectUri(uri: string, audience: string): boolean {
  if (uri.length === 0 || uri.length > 256 || uri.includes('#') || FORBIDDEN_CHARACTERS.test(uri))
    return false;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return false;
  const workOnly = audience === 'AzureADMyOrg' || audience === 'AzureADMultipleOrgs';
  return !(url.search && !workOnly);
}

/**
 * Checks a `redirectUris` array: at most 256 (100 when personal accounts are allowed), each https (or
 * http://localhost / 127.0.0.1), ≤ 256 characters, no fragment, no wildcard, none of `! $ ' ( ) , ;`.
 * Public-client (native) URIs may use custom schemes, so only their form and count are checked.
 */
export function validateRedirectUris(
  value: unknown,
  audience: string,
  platform: 'web' | 'spa' | 'publicClient',
): boolean {
  if (!Array.isArray(value) || value.length > maxRedirectUris(audience)) return false;
  return value.every((uri) => {
    if (typeof uri !== 'string') return false;
    if (platform !== 'publicClient') return isValidRedirectUri(uri, audience);
    return uri.length > 0 && uri.length <= 256 && !uri.includes('#');
  });
}
