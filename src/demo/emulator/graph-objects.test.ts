import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { createEmulator } from './emulator';
import { tenantWithApp } from './test-tenant';

const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const withApp = tenantWithApp;

describe('secrets', () => {
  it('adds secrets whose text is returned once, defaults to two years, and removes them', async () => {
    const { emu, token, objectId, appId } = await withApp();
    const first = await callGraph(emu, token, 'POST', `/applications/${objectId}/addPassword`, {
      passwordCredential: { displayName: 'connector' },
    });
    expect(first.status).toBe(200);
    const secret = first.body as Record<string, string | null>;
    expect(secret['secretText']).toHaveLength(40);
    expect(secret['hint']).toBe(secret['secretText']?.slice(0, 3));
    expect(secret['customKeyIdentifier']).toBeNull();
    const years =
      (Date.parse(String(secret['endDateTime'])) - Date.parse(String(secret['startDateTime']))) /
      (365.25 * 86_400_000);
    expect(years).toBeCloseTo(2, 1);
    const second = await callGraph(emu, token, 'POST', `/applications(appId='${appId}')/addPassword`, {
      passwordCredential: {},
    });
    expect(second.body?.['keyId']).not.toBe(secret['keyId']);
    expect(emu.liveSecrets(objectId).map((s) => s.secretText)).toEqual([
      secret['secretText'],
      second.body?.['secretText'],
    ]);
    const read = await callGraph(emu, token, 'GET', `/applications/${objectId}?$select=passwordCredentials`);
    expect(
      (read.body?.['passwordCredentials'] as { secretText: unknown; hint: string }[]).map(
        (p) => p.secretText,
      ),
    ).toEqual([null, null]);
    expect(
      (
        await callGraph(emu, token, 'POST', `/applications/${objectId}/removePassword`, {
          keyId: secret['keyId'],
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await callGraph(emu, token, 'POST', `/applications/${objectId}/removePassword`, {
          keyId: secret['keyId'],
        })
      ).status,
    ).toBe(404);
    expect(emu.liveSecrets(objectId)).toHaveLength(1);
  });

  it('refuses secrets longer than the tenant policy allows', async () => {
    const { emu, token, objectId } = await withApp();
    emu.faults.maxSecretLifetimeDays = 180;
    const res = await callGraph(emu, token, 'POST', `/applications/${objectId}/addPassword`, {
      passwordCredential: { displayName: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body?.['error']).toMatchObject({ code: 'CredentialInvalidLifetimeAsPerAppPolicy' });
    expect(String((res.body?.['error'] as { message: string }).message)).toContain(
      'Credential lifetime exceeds the max value allowed as per assigned policy',
    );
    const end = new Date(Date.now() + 90 * 86_400_000).toISOString();
    expect(
      (
        await callGraph(emu, token, 'POST', `/applications/${objectId}/addPassword`, {
          passwordCredential: { endDateTime: end },
        })
      ).status,
    ).toBe(200);
  });
});

describe('service principals', () => {
  it('creates one per application (201), refuses a second (409), and reads it by appId or filter', async () => {
    const { emu, token, appId } = await withApp();
    const created = await callGraph(emu, token, 'POST', '/servicePrincipals', { appId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appId,
      appDisplayName: 'Connector',
      displayName: 'Connector',
      servicePrincipalNames: [appId],
      accountEnabled: true,
      appOwnerOrganizationId: emu.tenantId,
    });
    const again = await callGraph(emu, token, 'POST', '/servicePrincipals', { appId });
    expect(again.status).toBe(409);
    expect(again.body?.['error']).toMatchObject({ code: 'Request_MultipleObjectsWithSameKeyValue' });
    expect((await callGraph(emu, token, 'GET', `/servicePrincipals(appId='${appId}')`)).body?.['id']).toBe(
      created.body?.['id'],
    );
    expect(
      (await callGraph(emu, token, 'GET', `/servicePrincipals?$filter=appId eq '${appId}'`)).body?.['value'],
    ).toHaveLength(1);
    expect(
      (await callGraph(emu, token, 'GET', `/servicePrincipals(appId='00000000-0000-4000-8000-000000000001')`))
        .status,
    ).toBe(404);
  });

  it('refuses an appId without an application with NoBackingApplicationObject', async () => {
    const { emu, token } = await withApp();
    const res = await callGraph(emu, token, 'POST', '/servicePrincipals', {
      appId: '00000000-0000-4000-8000-000000000001',
    });
    expect(res.status).toBe(400);
    expect(res.body?.['error']).toMatchObject({
      code: 'Request_BadRequest',
      message:
        "The appId '00000000-0000-4000-8000-000000000001' of the service principal does not reference a valid application object.",
    });
  });

  it('serves the seeded resource service principals with scopes and roles', async () => {
    const { emu, token } = await withApp();
    const res = await callGraph(
      emu,
      token,
      'GET',
      `/servicePrincipals(appId='${SHAREPOINT}')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
    );
    expect(res.status).toBe(200);
    expect(res.body?.['displayName']).toBe('Office 365 SharePoint Online');
    const roles = res.body?.['appRoles'] as { value: string; allowedMemberTypes: string[] }[];
    expect(roles.find((r) => r.value === 'Sites.FullControl.All')?.allowedMemberTypes).toEqual([
      'Application',
    ]);
    const scopes = res.body?.['oauth2PermissionScopes'] as { value: string; type: string }[];
    expect(scopes.find((s) => s.value === 'AllSites.Read')?.type).toBe('User');
    const graph = emu.graphServicePrincipal();
    expect(graph?.oauth2PermissionScopes?.find((s) => s.value === 'Application.ReadWrite.All')?.type).toBe(
      'Admin',
    );
  });
});

describe('authentication and directory', () => {
  it('requires an emulator-issued bearer token for the right cloud', async () => {
    const { emu, token } = await withApp();
    const none = await callGraph(emu, undefined, 'GET', '/me');
    expect(none.status).toBe(401);
    expect(none.body?.['error']).toMatchObject({ code: 'InvalidAuthenticationToken' });
    const error = none.body?.['error'] as { innerError: Record<string, string> };
    expect(Object.keys(error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id']);
    expect((await callGraph(emu, 'forged.token.value', 'GET', '/me')).status).toBe(401);
    expect((await callGraph(emu, token, 'GET', '/me', undefined, {}, 'graph.microsoft.us')).status).toBe(401);
  });

  it('answers /me and /organization', async () => {
    const { emu, token } = await withApp();
    const me = await callGraph(emu, token, 'GET', '/me');
    expect(me.body).toMatchObject({
      id: emu.defaultUser.oid,
      displayName: 'Megan Bowen',
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      mail: 'admin@contoso.onmicrosoft.com',
    });
    const org = await callGraph(emu, token, 'GET', '/organization');
    expect(org.body?.['value']).toEqual([
      expect.objectContaining({
        id: emu.tenantId,
        displayName: 'Contoso',
        verifiedDomains: [expect.objectContaining({ name: 'contoso.onmicrosoft.com' })],
      }),
    ]);
  });

  it('refuses writes without Application.ReadWrite.All', async () => {
    const emu = createEmulator();
    const token = await emu.mintAccessToken({ scopes: ['User.Read'] });
    const res = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='x')`,
      { displayName: 'X' },
      { prefer: 'create-if-missing' },
    );
    expect(res.status).toBe(403);
    expect(emu.applications()).toHaveLength(0);
  });
});
