import type { Cloud } from '../config/clouds';

/**
 * Sign-in hosts MSAL talks to besides the configured ones: for the China cloud it sends requests to the preferred
 * network alias of login.chinacloudapi.cn from its built-in cloud metadata.
 */
export const MSAL_LOGIN_ALIASES: readonly string[] = ['https://login.partner.microsoftonline.cn'];

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The Content Security Policy of the built pages. The login and Graph hosts of every cloud are allowed, so one build
 * serves any `cloud` in config.json:
 * - `connect-src`: config.json, MSAL's token requests and Graph calls;
 * - `frame-src`: MSAL's hidden iframe that renews tokens: it loads a login host, which redirects it to the redirect
 *   bridge on this site (a frame's redirects are checked too, so 'self' is needed);
 * - `form-action`: MSAL's form posts to the sign-in hosts;
 * - `style-src 'unsafe-inline'`: Fluent UI (Griffel) inserts its styles at run time;
 * - `worker-src blob:`: the certificate Web Worker.
 */
export function contentSecurityPolicy(clouds: readonly Cloud[]): string {
  const logins = unique([...clouds.map((c) => c.login), ...MSAL_LOGIN_ALIASES]);
  const graphs = unique(clouds.map((c) => c.graph));
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...logins, ...graphs],
    ['frame-src', "'self'", ...logins],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', ...logins],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
