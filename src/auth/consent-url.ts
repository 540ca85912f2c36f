/** The identity platform's admin consent URL, and the checks of the client ID and tenant an admin types for it. */
import type { Cloud } from '../config/clouds';
import { isGuid } from '../config/guid';

const domain = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function clientIdProblem(value: string): string | null {
  if (!value.trim()) return 'Enter the Application (client) ID from the app’s Overview page.';
  return isGuid(value.trim())
    ? null
    : 'The Application (client) ID is a GUID such as 3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c. Copy it from the Overview page.';
}

export function tenantProblem(value: string): string | null {
  const tenant = value.trim();
  if (!tenant) return 'Enter the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com.';
  if (tenant.toLowerCase() === 'common') {
    return 'Admin consent cannot use "common". Use the tenant ID, a verified domain, or "organizations".';
  }
  if (tenant.toLowerCase() === 'organizations' || isGuid(tenant) || domain.test(tenant)) return null;
  return 'Use the Directory (tenant) ID (a GUID), a verified domain such as contoso.onmicrosoft.com, or "organizations".';
}

export interface AdminConsentUrlInput {
  readonly cloud: Cloud;
  readonly tenant: string;
  readonly clientId: string;
  /** Must exactly match one of the registration's redirect URIs. */
  readonly redirectUri: string;
}

/**
 * The Microsoft identity platform v2 admin consent URL. `/.default` asks an administrator to grant everything in the
 * registration's `requiredResourceAccess`, delegated and application permissions alike, across every API.
 */
export function adminConsentUrl({ cloud, tenant, clientId, redirectUri }: AdminConsentUrlInput): string {
  const params = new URLSearchParams({
    client_id: clientId.trim(),
    scope: `${cloud.graph}/.default`,
    redirect_uri: redirectUri,
  });
  return `${cloud.login}/${encodeURIComponent(tenant.trim())}/v2.0/adminconsent?${params.toString()}`;
}
