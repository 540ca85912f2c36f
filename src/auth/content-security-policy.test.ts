import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { contentSecurityPolicy } from './content-security-policy';

const policy = contentSecurityPolicy(Object.values(clouds));
const directives = new Map(
  policy.split('; ').map((d) => {
    const [name = '', ...values] = d.split(' ');
    return [name, values] as const;
  }),
);
const logins = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
  'https://login.partner.microsoftonline.cn',
];
const graphs = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
];

describe('contentSecurityPolicy', () => {
  it('allows scripts, styles, images and workers from the app only (plus what Fluent UI and the worker need)', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
  });

  it('connects only to the app and the login and Graph hosts of every cloud, each listed once', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", ...logins, ...graphs]);
  });

  it('lets MSAL frame the login hosts (landing on the redirect bridge) and post forms to them only', () => {
    expect(directives.get('frame-src')).toEqual(["'self'", ...logins]);
    expect(directives.get('form-action')).toEqual(logins);
  });

  it('never allows inline or evaluated scripts', () => {
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });
});
