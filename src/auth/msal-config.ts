import { LogLevel, type Configuration } from '@azure/msal-browser';
import type { Cloud } from '../config/clouds';
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';
import { bridgeUriFor } from '../config/wizard-registration';
import { authorityFor } from './graph-scopes';

/**
 * OIDC scopes added to every request. MSAL's default adds `offline_access` too; the wizard leaves it out so that sign-in
 * asks for `openid profile User.Read` and nothing more. Without a refresh token MSAL renews tokens in its hidden
 * iframe, and the session only has to last while the page is open.
 */
export const OIDC_SCOPES = WIZARD_PERMISSIONS.oidc;

/**
 * Where MSAL keeps tokens: in this page's memory. MSAL v5 stores any `cacheLocation` other than 'localStorage' and
 * 'sessionStorage' in memory (BrowserCacheManager's `getStorageImplementation`), but refuses redirects when the value is
 * exactly 'memoryStorage' (`in_mem_redirect_unavailable`). That guard dates from when the state of a redirect lived in
 * the same store; in v5 it always lives in sessionStorage, so a redirect sign-in completes into the memory cache. This
 * name keeps the memory cache and the redirect fallback for blocked popups. The end-to-end tests check both: the
 * redirect sign-in works, and no token reaches localStorage, sessionStorage or IndexedDB.
 */
export const IN_MEMORY_TOKEN_CACHE = 'memory';

/** MSAL warns that OIDCOptions are meant for OIDC mode; it still applies them in AAD mode, as intended here. */
const expectedWarning = 'cannot_set_OIDCOptions';

/** Forwards MSAL's warnings and errors to the console, never a message that carries personal data. */
function logMsal(level: LogLevel, message: string, containsPii: boolean): void {
  if (containsPii || message.includes(expectedWarning)) return;
  if (level === LogLevel.Error) console.error(`MSAL: ${message}`);
  else if (level === LogLevel.Warning) console.warn(`MSAL: ${message}`);
}

/**
 * The one MSAL configuration: the configured cloud's `organizations` authority, the redirect bridge page for every
 * response, and a token cache that lives in memory only, so no token ever reaches Web Storage. (MSAL still keeps the
 * short-lived state of an interaction, such as the PKCE verifier, in sessionStorage, as the redirect flow needs.)
 * Personal data is never logged.
 */
export function msalConfiguration(clientId: string, cloud: Cloud, origin: string): Configuration {
  const bridge = bridgeUriFor(origin);
  return {
    auth: {
      clientId,
      authority: authorityFor(cloud),
      redirectUri: bridge,
      postLogoutRedirectUri: bridge,
      OIDCOptions: { defaultScopes: [...OIDC_SCOPES] },
    },
    cache: { cacheLocation: IN_MEMORY_TOKEN_CACHE },
    system: {
      // Admins may need a few minutes for multifactor sign-in; a popup they closed is replaced by their next click.
      popupBridgeTimeout: 5 * 60_000,
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Warning, loggerCallback: logMsal },
    },
  };
}
