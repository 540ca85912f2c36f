import type { SecurityHeaders } from './security-headers';

/** Where Azure Static Web Apps reads its configuration: the root of the deployed site (`public/` here). */
export const STATIC_WEB_APP_CONFIG_FILE = 'staticwebapp.config.json';

/**
 * `staticwebapp.config.json` for Azure Static Web Apps: the security headers as `globalHeaders`, and a route per path
 * with headers of its own. Static Web Apps sends a route's headers together with the global ones, a route's header
 * replacing the global header of the same name, as `headersForPath` does.
 */
export function staticWebAppConfig({ global, paths }: SecurityHeaders) {
  return {
    globalHeaders: global,
    routes: paths.map(({ path, headers }) => ({ route: path, headers })),
  };
}
