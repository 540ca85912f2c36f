import { BrowserCacheLocation, LogLevel } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { clouds } from '../config/clouds';
import { graphScopes, permissionsToCreate } from './graph-scopes';
import { IN_MEMORY_TOKEN_CACHE, msalConfiguration } from './msal-config';

const clientId = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';

describe('msalConfiguration', () => {
  it('signs in at the cloud’s organizations authority and returns to the redirect bridge', () => {
    const { auth } = msalConfiguration(clientId, clouds.usgov, 'https://wizard.example.com');
    expect(auth).toMatchObject({
      clientId,
      authority: 'https://login.microsoftonline.us/organizations',
      redirectUri: 'https://wizard.example.com/redirect.html',
      postLogoutRedirectUri: 'https://wizard.example.com/redirect.html',
    });
    expect(auth.OIDCOptions?.defaultScopes).toEqual(['openid', 'profile']);
  });

  it('keeps tokens in memory and never logs personal data', () => {
    const config = msalConfiguration(clientId, clouds.global, 'https://wizard.example.com');
    // Neither Web Storage location; see IN_MEMORY_TOKEN_CACHE for why it is not 'memoryStorage'.
    expect([BrowserCacheLocation.LocalStorage, BrowserCacheLocation.SessionStorage]).not.toContain(
      config.cache?.cacheLocation,
    );
    expect(config.cache?.cacheLocation).toBe(IN_MEMORY_TOKEN_CACHE);
    const logger = config.system?.loggerOptions;
    expect(logger?.piiLoggingEnabled).toBe(false);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    logger?.loggerCallback?.(LogLevel.Error, 'with admin@contoso.com', true);
    logger?.loggerCallback?.(LogLevel.Error, 'no personal data', false);
    expect(error.mock.calls).toEqual([['MSAL: no personal data']]);
    error.mockRestore();
  });
});

describe('graph scopes', () => {
  it('are full URIs on the cloud’s Graph host', () => {
    expect(graphScopes(clouds.china, ['User.Read'])).toEqual([
      'https://microsoftgraph.chinacloudapi.cn/User.Read',
    ]);
    expect(graphScopes(clouds.usgovdod, ['https://dod-graph.microsoft.us/User.Read'])).toEqual([
      'https://dod-graph.microsoft.us/User.Read',
    ]);
  });

  it('ask for the consent permissions only when consent is granted now', () => {
    expect(permissionsToCreate(false)).toEqual(['Application.ReadWrite.All']);
    expect(permissionsToCreate(true)).toEqual([
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
    ]);
  });
});
