import type { Cloud } from '../config/clouds';
import { contentSecurityPolicy } from './content-security-policy';

/** Response headers by name. */
export type HeaderValues = Readonly<Record<string, string>>;

/** Headers for one path of the site, added to the global ones (and replacing any of the same name). */
export interface PathHeaders {
  /** An exact path, such as `/redirect.html`. */
  readonly path: string;
  readonly headers: HeaderValues;
}

/** The headers a deployment serves: the same on every response, and more on some paths. */
export interface SecurityHeaders {
  readonly global: HeaderValues;
  readonly paths: readonly PathHeaders[];
}

/**
 * The response headers the site should be served with (docs/deploy.md), from which `staticwebapp.config.json` and the
 * guide's nginx snippet are made:
 *
 * - the build's Content Security Policy (`content-security-policy.ts`, the `<meta>` tag of every page) plus
 *   `frame-ancestors`, which a `<meta>` tag cannot carry: `'none'`, so no other page can frame the wizard, except on
 *   `redirect.html`, which MSAL's hidden token-renewal frame loads inside the wizard (`'self'`);
 * - `X-Frame-Options` saying the same (`DENY`, and `SAMEORIGIN` on `redirect.html`) for browsers that do not know
 *   `frame-ancestors`;
 * - `Cache-Control: no-store` on `redirect.html` and `config.json`, so a sign-in never lands on a stale bridge and a
 *   changed configuration applies at once;
 * - `Referrer-Policy: no-referrer`, so no address of the wizard (with its shared choices) reaches another site;
 * - `X-Content-Type-Options: nosniff`.
 *
 * There is no `Cross-Origin-Opener-Policy` anywhere: on `redirect.html` it cuts the sign-in popup off from the wizard.
 */
export function securityHeaders(clouds: readonly Cloud[]): SecurityHeaders {
  const policy = contentSecurityPolicy(clouds);
  const noStore = { 'Cache-Control': 'no-store' };
  return {
    global: {
      'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
    paths: [
      {
        path: '/redirect.html',
        headers: {
          'Content-Security-Policy': `${policy}; frame-ancestors 'self'`,
          'X-Frame-Options': 'SAMEORIGIN',
          ...noStore,
        },
      },
      { path: '/config.json', headers: noStore },
    ],
  };
}

/** Every header one path is served with: the global ones, with the path's own added or in their place. */
export function headersForPath({ global, paths }: SecurityHeaders, path: string): HeaderValues {
  const own = paths.find((p) => p.path === path)?.headers ?? {};
  const replaced = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  return {
    ...Object.fromEntries(Object.entries(global).filter(([name]) => !replaced.has(name.toLowerCase()))),
    ...own,
  };
}
