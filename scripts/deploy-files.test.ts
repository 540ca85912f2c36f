import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/auth/content-security-policy';
import { nginxHeaders } from '../src/auth/nginx-headers';
import { securityHeaders } from '../src/auth/security-headers';
import { clouds } from '../src/config/clouds';
import { wizardRegistration } from '../src/config/wizard-registration';
import { azCommand } from '../src/exports/wizard-registration-steps';
import { DEPLOY_GUIDE, STATIC_WEB_APP_CONFIG, deployFiles, fillBlocks } from './deploy-files';

const stale = 'is out of date: run `npm run deploy-files` and commit the result';
const guide = readFileSync(DEPLOY_GUIDE, 'utf8');
const staticWebApp = readFileSync(STATIC_WEB_APP_CONFIG, 'utf8');
const policy = contentSecurityPolicy(Object.values(clouds));

/** The content between a generated block's markers. */
const block = (name: string) =>
  new RegExp(`<!-- generated:${name} -->\\n([\\s\\S]*?)\\n<!-- /generated:${name} -->`).exec(guide)?.[1] ??
  '';

describe('docs/deploy.md', () => {
  it('holds exactly what the code renders in every generated block', async () => {
    expect(guide, `docs/deploy.md ${stale}`).toBe((await deployFiles()).guide);
  });

  it('prints the az command and the nginx headers as the code makes them, and the manifest of the build', () => {
    const headers = securityHeaders(Object.values(clouds));
    expect(block('registration-az')).toContain(azCommand(wizardRegistration(), clouds.global));
    expect(block('nginx')).toContain(nginxHeaders(headers));
    const manifest = /```json\n([\s\S]*?)```/.exec(block('registration-manifest'))?.[1] ?? 'null';
    expect(JSON.parse(manifest)).toEqual(wizardRegistration().manifest);
  });
});

describe('public/staticwebapp.config.json', () => {
  it('holds exactly what the code renders', async () => {
    expect(staticWebApp, `public/staticwebapp.config.json ${stale}`).toBe(
      (await deployFiles()).staticWebAppConfig,
    );
  });

  it('sends the Content Security Policy of content-security-policy.ts, with frame-ancestors', () => {
    const config = JSON.parse(staticWebApp) as {
      globalHeaders: Record<string, string>;
      routes: { route: string; headers: Record<string, string> }[];
    };
    expect(config.globalHeaders['Content-Security-Policy']).toBe(`${policy}; frame-ancestors 'none'`);
    const bridge = config.routes.find((r) => r.route === '/redirect.html');
    expect(bridge?.headers['Content-Security-Policy']).toBe(`${policy}; frame-ancestors 'self'`);
    expect(staticWebApp.toLowerCase()).not.toContain('cross-origin-opener-policy');
  });
});

describe('fillBlocks', () => {
  const open = (name: string) => `<!-- generated:${name} -->\n\n<!-- /generated:${name} -->`;

  it('replaces the content between each pair of markers', () => {
    expect(fillBlocks(`a\n${open('x')}\nb`, { x: 'X' })).toBe(
      'a\n<!-- generated:x -->\n\nX\n\n<!-- /generated:x -->\nb',
    );
  });

  it('refuses an unknown, a missing or a repeated block', () => {
    expect(() => fillBlocks(open('y'), {})).toThrow(/unknown generated block "y"/);
    expect(() => fillBlocks('', { x: 'X' })).toThrow(/lacks the generated blocks x/);
    expect(() => fillBlocks(`${open('x')}\n${open('x')}`, { x: 'X' })).toThrow(/blocks x twice/);
  });
});
