import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { contentSecurityPolicy } from './content-security-policy';
import { nginxHeaders } from './nginx-headers';
import { headersForPath, securityHeaders } from './security-headers';
import { staticWebAppConfig } from './static-web-app-config';

const policy = contentSecurityPolicy(Object.values(clouds));
const headers = securityHeaders(Object.values(clouds));

describe('securityHeaders', () => {
  it('serves every path with the build’s CSP, framed by no other page, without a referrer or MIME sniffing', () => {
    expect(headersForPath(headers, '/')).toEqual({
      'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('serves the redirect bridge uncached and frameable by the wizard only, for MSAL’s renewal frame', () => {
    expect(headersForPath(headers, '/redirect.html')).toEqual({
      'Content-Security-Policy': `${policy}; frame-ancestors 'self'`,
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });

  it('serves config.json uncached', () => {
    expect(headersForPath(headers, '/config.json')).toMatchObject({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    });
  });

  it('never sends Cross-Origin-Opener-Policy, which would cut the sign-in popup off from the wizard', () => {
    for (const path of ['/', '/index.html', '/redirect.html', '/config.json']) {
      const names = Object.keys(headersForPath(headers, path)).map((n) => n.toLowerCase());
      expect(names, path).not.toContain('cross-origin-opener-policy');
    }
  });
});

describe('staticWebAppConfig', () => {
  it('has the global headers and one route per path with headers of its own', () => {
    expect(staticWebAppConfig(headers)).toEqual({
      globalHeaders: headersForPath(headers, '/'),
      routes: [
        {
          route: '/redirect.html',
          headers: {
            'Content-Security-Policy': `${policy}; frame-ancestors 'self'`,
            'X-Frame-Options': 'SAMEORIGIN',
            'Cache-Control': 'no-store',
          },
        },
        { route: '/config.json', headers: { 'Cache-Control': 'no-store' } },
      ],
    });
  });
});

describe('nginxHeaders', () => {
  /** The snippet read back: the headers each location adds. */
  function locations(snippet: string): Map<string, Record<string, string>> {
    const found = new Map<string, Record<string, string>>();
    for (const [, match = '', body = ''] of snippet.matchAll(/^location (.+?) \{\n([\s\S]*?)^\}/gm)) {
      const lines = [...body.matchAll(/^ {4}add_header (\S+) "([^"]*)" always;$/gm)];
      expect(lines.length, match).toBe(body.trim().split('\n').length);
      found.set(match, Object.fromEntries(lines.map(([, name = '', value = '']) => [name, value])));
    }
    return found;
  }

  it('adds, in each location, every header that path is served with', () => {
    const found = locations(nginxHeaders(headers));
    expect([...found.keys()]).toEqual(['/', '= /redirect.html', '= /config.json']);
    expect(found.get('/')).toEqual(headersForPath(headers, '/'));
    expect(found.get('= /redirect.html')).toEqual(headersForPath(headers, '/redirect.html'));
    expect(found.get('= /config.json')).toEqual(headersForPath(headers, '/config.json'));
  });

  it('refuses a value nginx would misread', () => {
    expect(() =>
      nginxHeaders({ global: { 'Content-Security-Policy': "default-src 'self' $host" }, paths: [] }),
    ).toThrow(/needs escaping for nginx/);
  });
});
