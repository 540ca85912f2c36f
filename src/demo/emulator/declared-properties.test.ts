import { describe, expect, it } from 'vitest';
import { TEST_CERTIFICATE_BASE64 } from './fixtures/test-certificate';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const USER_READ = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';
const certificate = { type: 'AsymmetricX509Cert', usage: 'Verify', key: TEST_CERTIFICATE_BASE64 };
const userRead = { id: USER_READ, type: 'Scope' };

const patch = async (body: Record<string, unknown>) => {
  const { emu, token } = await adminTenant({}, ['Application.ReadWrite.All']);
  const res = await callGraph(
    emu,
    token,
    'PATCH',
    `/applications(uniqueName='a')`,
    { displayName: 'A', ...body },
    { prefer: 'create-if-missing' },
  );
  return { res, app: emu.application('a') };
};

describe('properties a nested type does not declare', () => {
  it.each([
    [
      'a keyCredential with the retired Azure AD Graph value',
      { keyCredentials: [{ ...certificate, value: TEST_CERTIFICATE_BASE64 }] },
      'value',
      'keyCredential',
    ],
    [
      'a requiredResourceAccess entry',
      { requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [userRead], scope: 'x' }] },
      'scope',
      'requiredResourceAccess',
    ],
    [
      'a resourceAccess entry',
      {
        requiredResourceAccess: [
          { resourceAppId: GRAPH, resourceAccess: [{ ...userRead, name: 'User.Read' }] },
        ],
      },
      'name',
      'resourceAccess',
    ],
    ['web', { web: { redirectUris: [], replyUrls: [] } }, 'replyUrls', 'webApplication'],
    [
      'web.implicitGrantSettings',
      {
        web: { implicitGrantSettings: { enableIdTokenIssuance: true, oauth2AllowIdTokenImplicitFlow: true } },
      },
      'oauth2AllowIdTokenImplicitFlow',
      'implicitGrantSettings',
    ],
    [
      'web.redirectUriSettings',
      { web: { redirectUriSettings: [{ uri: 'https://a.example.com/cb', type: 'Web' }] } },
      'type',
      'redirectUriSettings',
    ],
    ['spa', { spa: { redirectUris: [], logoutUrl: 'https://a.example.com' } }, 'logoutUrl', 'spaApplication'],
    [
      'publicClient',
      { publicClient: { redirectUris: [], enabled: true } },
      'enabled',
      'publicClientApplication',
    ],
    [
      'api.oauth2PermissionScopes',
      { api: { oauth2PermissionScopes: [{ id: USER_READ, value: 'x', scope: 'x' }] } },
      'scope',
      'permissionScope',
    ],
    [
      'optionalClaims.idToken',
      { optionalClaims: { idToken: [{ name: 'email', required: true }] } },
      'required',
      'optionalClaim',
    ],
  ])('refuses one in %s, naming the property and its type', async (_, body, property, type) => {
    const { res, app } = await patch(body);
    expect(res.status).toBe(400);
    expect(res.body?.['error']).toMatchObject({
      code: 'BadRequest',
      message: `Property '${property}' does not exist as a declared property of ${type}`,
    });
    expect(app).toBeUndefined();
  });

  it('accepts the same bodies with declared properties only, and OData annotations anywhere', async () => {
    const { res, app } = await patch({
      keyCredentials: [{ ...certificate, '@odata.type': '#microsoft.graph.keyCredential' }],
      requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [userRead] }],
      web: {
        redirectUris: ['https://a.example.com/cb'],
        implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false },
        redirectUriSettings: [{ uri: 'https://a.example.com/cb', index: null }],
      },
      spa: { redirectUris: [] },
      publicClient: { redirectUris: [] },
      optionalClaims: { idToken: [{ name: 'email', essential: false }] },
    });
    expect(res.status).toBe(201);
    expect(app?.keyCredentials[0]?.key).toBe(TEST_CERTIFICATE_BASE64);
    expect(app?.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(true);
  });
});
