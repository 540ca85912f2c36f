import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { manifestFor, requiredResourceAccessFor, toJsonFile } from './manifest';

const plan = buildPlan({
  connectors: [
    { id: 'sharepoint', mode: 'admin' },
    { id: 'outlook-mail', mode: 'user' },
  ],
  displayName: 'Contoso Sync',
  redirectUris: ['https://api.example.com/cb'],
});

describe('manifest', () => {
  it('carries the settable properties in Graph format and nothing read-only', () => {
    const manifest = manifestFor(plan);
    expect(Object.keys(manifest)).toEqual([
      'displayName',
      'signInAudience',
      'web',
      'requiredResourceAccess',
      'servicePrincipalLockConfiguration',
    ]);
    expect(manifest.servicePrincipalLockConfiguration).toEqual({ isEnabled: true, allProperties: true });
    const unlocked = buildPlan({ ...plan.input, lockInstanceProperties: false });
    expect(manifestFor(unlocked)).not.toHaveProperty('servicePrincipalLockConfiguration');
    expect(manifest.signInAudience).toBe('AzureADMultipleOrgs');
    expect(manifest.web).toEqual({
      redirectUris: ['https://api.example.com/cb'],
      implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false },
    });
    expect(manifest.requiredResourceAccess).toBe(plan.application.requiredResourceAccess);
    expect(JSON.parse(toJsonFile(manifest))).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it('adds key credentials only when given', () => {
    const key = {
      customKeyIdentifier: 'AAAA',
      displayName: 'CN=ADomain',
      endDateTime: '2030-01-01T00:00:00Z',
      key: 'MIIB',
      keyId: '00000000-0000-4000-8000-000000000000',
      startDateTime: '2025-01-01T00:00:00Z',
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    };
    expect(manifestFor(plan, [key]).keyCredentials).toEqual([key]);
  });

  it('exports requiredResourceAccess as its own file', () => {
    expect(requiredResourceAccessFor(plan)).toEqual(plan.application.requiredResourceAccess);
  });
});
