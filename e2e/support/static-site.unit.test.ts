import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStaticSite, staticWebAppHeaders, type StaticWebAppHeaders } from './static-site';

const config: StaticWebAppHeaders = {
  globalHeaders: { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' },
  routes: [
    {
      route: '/redirect.html',
      headers: { 'content-security-policy': "frame-ancestors 'self'", 'Cache-Control': 'no-store' },
    },
    { route: '/index.html', headers: { 'X-Content-Type-Options': '' } },
  ],
};

describe('staticWebAppHeaders', () => {
  it('sends the global headers, with a route’s own added or in place of the same name', () => {
    expect(staticWebAppHeaders(config, '/redirect.html')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'content-security-policy': "frame-ancestors 'self'",
      'Cache-Control': 'no-store',
    });
    expect(staticWebAppHeaders(config, '/config.json')).toEqual({
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('matches the index.html route for its folder, and removes a header set to an empty value', () => {
    expect(staticWebAppHeaders(config, '/')).toEqual({ 'Content-Security-Policy': "default-src 'self'" });
  });

  it('refuses routes it does not follow rather than ignore them', () => {
    expect(() => staticWebAppHeaders({ routes: [{ route: '/assets/*' }] }, '/')).toThrow(/not an exact path/);
  });
});

describe('serveStaticSite', () => {
  it('serves the files with their headers, answers overrides and hides its configuration', async () => {
    const root = mkdtempSync(join(tmpdir(), 'static-site-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<p>wizard</p>');
    writeFileSync(join(root, 'redirect.html'), '<p>bridge</p>');
    writeFileSync(join(root, 'staticwebapp.config.json'), JSON.stringify(config));
    const site = await serveStaticSite(root, { '/config.json': '{"clientId":"x"}' });
    try {
      const bridge = await fetch(`${site.origin}/redirect.html`);
      expect(bridge.status).toBe(200);
      expect(await bridge.text()).toBe('<p>bridge</p>');
      expect(bridge.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(bridge.headers.get('cache-control')).toBe('no-store');
      expect(bridge.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
      const index = await fetch(`${site.origin}/`);
      expect(await index.text()).toBe('<p>wizard</p>');
      expect(index.headers.get('x-content-type-options')).toBeNull();
      const overridden = await fetch(`${site.origin}/config.json`);
      expect(await overridden.json()).toEqual({ clientId: 'x' });
      expect(overridden.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${site.origin}/staticwebapp.config.json`)).status).toBe(404);
      expect((await fetch(`${site.origin}/..%2Fetc%2Fpasswd`)).status).toBe(404);
      expect((await fetch(`${site.origin}/missing.js`)).status).toBe(404);
    } finally {
      await site.close();
    }
  });
});
