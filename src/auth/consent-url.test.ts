import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { adminConsentUrl, clientIdProblem, tenantProblem } from './consent-url';

describe('admin consent URL', () => {
  it('builds the v2 URL for the global cloud', () => {
    const url = new URL(
      adminConsentUrl({
        cloud: clouds.global,
        tenant: 'contoso.onmicrosoft.com',
        clientId: '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
        redirectUri: 'https://api.example.com/cb',
      }),
    );
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: 'https://api.example.com/cb',
    });
  });

  it.each([
    ['usgov', 'https://login.microsoftonline.us', 'https://graph.microsoft.us/.default'],
    ['usgovdod', 'https://login.microsoftonline.us', 'https://dod-graph.microsoft.us/.default'],
    ['china', 'https://login.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn/.default'],
  ] as const)('follows the %s cloud', (cloud, login, scope) => {
    const url = new URL(
      adminConsentUrl({
        cloud: clouds[cloud],
        tenant: 'organizations',
        clientId: 'x',
        redirectUri: 'https://a.b/c',
      }),
    );
    expect(url.origin).toBe(login);
    expect(url.searchParams.get('scope')).toBe(scope);
  });

  it('validates the client ID and tenant with messages that say how to fix them', () => {
    expect(clientIdProblem('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c')).toBeNull();
    expect(clientIdProblem('my-app')).toMatch(/GUID/);
    expect(clientIdProblem('')).toMatch(/Overview page/);
    expect(tenantProblem('contoso.onmicrosoft.com')).toBeNull();
    expect(tenantProblem('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBeNull();
    expect(tenantProblem('organizations')).toBeNull();
    expect(tenantProblem('common')).toMatch(/cannot use "common"/);
    expect(tenantProblem('not a tenant')).toMatch(/verified domain/);
  });
});
