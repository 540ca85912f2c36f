import { describe, expect, it } from 'vitest';
import { pickAccount, redirectParams } from './code-flow';
import { DEFAULT_ADMIN, NON_ADMIN_USER } from './defaults';
import { createEmulator } from './emulator';
import { callGraph } from './graph-client';
import { isAbort } from './types';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const USER_READ = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';
const SITES_READWRITE_ROLE = '9492366f-7969-46a4-8d15-ed1a20078fff';
const redirectUri = 'https://connector.example.com/consent-done';

async function setup() {
  const emu = createEmulator({ users: [DEFAULT_ADMIN, NON_ADMIN_USER] });
  const token = await emu.mintAccessToken({ scopes: ['Application.ReadWrite.All'] });
  const created = await callGraph(
    emu,
    token,
    'PATCH',
    `/applications(uniqueName='c1')`,
    {
      displayName: 'Connector',
      signInAudience: 'AzureADMultipleOrgs',
      web: { redirectUris: [redirectUri] },
      requiredResourceAccess: [
        {
          resourceAppId: GRAPH,
          resourceAccess: [
            { id: USER_READ, type: 'Scope' },
            { id: SITES_READWRITE_ROLE, type: 'Role' },
          ],
        },
      ],
    },
    { prefer: 'create-if-missing' },
  );
  const appId = String(created.body?.['appId']);
  const open = async (uri = redirectUri) => {
    const url =
      `https://login.microsoftonline.com/${emu.tenantId}/v2.0/adminconsent?client_id=${appId}` +
      `&scope=${encodeURIComponent('https://graph.microsoft.com/.default')}&redirect_uri=${encodeURIComponent(uri)}&state=s%3D1`;
    const res = await emu.handle({ method: 'GET', url });
    if (isAbort(res)) throw new Error('aborted');
    return res;
  };
  return { emu, appId, open };
}

describe('admin consent URL', () => {
  it('grants the required permissions tenant-wide and returns admin_consent=True', async () => {
    const { emu, appId, open } = await setup();
    const page = await open();
    expect(page.status).toBe(200);
    const done = await pickAccount(emu, page, DEFAULT_ADMIN.userPrincipalName);
    expect(done.headers['Location']?.startsWith(`${redirectUri}?admin_consent=True`)).toBe(true);
    const params = redirectParams(done);
    expect(params.get('tenant')).toBe(emu.tenantId);
    expect(params.get('state')).toBe('s=1');
    expect(emu.servicePrincipal(appId)).toBeDefined();
    expect(emu.grantsFor(appId).map((g) => [g.consentType, g.scope])).toEqual([
      ['AllPrincipals', 'User.Read'],
    ]);
    expect(emu.appRoleAssignmentsFor(appId).map((a) => a.appRoleId)).toEqual([SITES_READWRITE_ROLE]);
  });

  it('refuses non-admins with AADSTS90094 and unregistered redirect URIs with an error page', async () => {
    const { emu, appId, open } = await setup();
    const denied = redirectParams(await pickAccount(emu, await open(), NON_ADMIN_USER.userPrincipalName));
    expect(denied.get('error')).toBe('access_denied');
    expect(denied.get('error_description')).toMatch(/^AADSTS90094: /);
    expect(emu.grantsFor(appId)).toEqual([]);
    const wrong = await open('https://elsewhere.example.com/');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('AADSTS50011');
  });
});
