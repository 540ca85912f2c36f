import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { tenantWithApp, type TenantWithApp } from './test-tenant';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';
const withApp = tenantWithApp;

async function withSp(): Promise<TenantWithApp & { spId: string; graphSpId: string }> {
  const s = await withApp();
  const sp = await callGraph(s.emu, s.token, 'POST', '/servicePrincipals', { appId: s.appId });
  const graph = await callGraph(
    s.emu,
    s.token,
    'GET',
    `/servicePrincipals(appId='${GRAPH}')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes`,
  );
  return { ...s, spId: String(sp.body?.['id']), graphSpId: String(graph.body?.['id']) };
}

describe('delegated grants', () => {
  it('creates, finds by filter, refuses duplicates and unknown scopes, and updates', async () => {
    const { emu, token, spId, graphSpId } = await withSp();
    const body = {
      clientId: spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: graphSpId,
      scope: 'User.Read Files.ReadWrite.All',
    };
    const created = await callGraph(emu, token, 'POST', '/oauth2PermissionGrants', body);
    expect(created.status).toBe(201);
    expect(String(created.body?.['id'])).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const filter = `clientId eq '${spId}' and consentType eq 'AllPrincipals' and resourceId eq '${graphSpId}'`;
    const found = await callGraph(
      emu,
      token,
      'GET',
      `/oauth2PermissionGrants?$filter=${encodeURIComponent(filter)}`,
    );
    expect(found.body?.['value']).toHaveLength(1);
    const dup = await callGraph(emu, token, 'POST', '/oauth2PermissionGrants', body);
    expect(dup.status).toBe(409);
    expect(dup.body?.['error']).toMatchObject({ message: 'Permission entry already exists.' });
    const unknown = await callGraph(emu, token, 'POST', '/oauth2PermissionGrants', {
      ...body,
      resourceId: emu.servicePrincipal(SHAREPOINT)?.id ?? '',
      scope: 'Made.Up',
    });
    expect(unknown.status).toBe(400);
    expect(String((unknown.body?.['error'] as { message: string }).message)).toContain('Made.Up');
    const patched = await callGraph(
      emu,
      token,
      'PATCH',
      `/oauth2PermissionGrants/${String(created.body?.['id'])}`,
      { scope: 'User.Read Mail.Send' },
    );
    expect(patched.status).toBe(204);
    expect(emu.grantsFor(spId).map((g) => g.scope)).toEqual(['User.Read Mail.Send']);
  });

  it('needs DelegatedPermissionGrant.ReadWrite.All, and honours consentForbidden', async () => {
    const s = await withSp();
    const weak = await s.emu.mintAccessToken({
      scopes: ['Application.ReadWrite.All'],
      clientId: '22222222-2222-4222-8222-222222222222',
    });
    const body = {
      clientId: s.spId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: s.graphSpId,
      scope: 'User.Read',
    };
    const denied = await callGraph(s.emu, weak, 'POST', '/oauth2PermissionGrants', body);
    expect(denied.status).toBe(403);
    expect(denied.body?.['error']).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    s.emu.faults.consentForbidden = true;
    expect((await callGraph(s.emu, s.token, 'POST', '/oauth2PermissionGrants', body)).status).toBe(403);
    expect(s.emu.log.at(-1)?.fault).toBe('consentForbidden');
  });
});

describe('app role assignments', () => {
  it('assigns an existing role (201), refuses unknown roles and duplicates, and lists both sides', async () => {
    const { emu, token, spId, graphSpId } = await withSp();
    const role = '9492366f-7969-46a4-8d15-ed1a20078fff';
    const body = { principalId: spId, resourceId: graphSpId, appRoleId: role };
    const created = await callGraph(
      emu,
      token,
      'POST',
      `/servicePrincipals/${graphSpId}/appRoleAssignedTo`,
      body,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      principalId: spId,
      resourceId: graphSpId,
      appRoleId: role,
      principalType: 'ServicePrincipal',
      resourceDisplayName: 'Microsoft Graph',
    });
    const dup = await callGraph(
      emu,
      token,
      'POST',
      `/servicePrincipals(appId='${GRAPH}')/appRoleAssignedTo`,
      body,
    );
    expect(dup.status).toBe(400);
    expect(dup.body?.['error']).toMatchObject({
      message: 'Permission being assigned already exists on the object.',
    });
    const scopeId = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';
    expect(
      (
        await callGraph(emu, token, 'POST', `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, {
          ...body,
          appRoleId: scopeId,
        })
      ).status,
    ).toBe(400);
    expect(
      (await callGraph(emu, token, 'GET', `/servicePrincipals/${spId}/appRoleAssignments`)).body?.['value'],
    ).toHaveLength(1);
    expect(
      (await callGraph(emu, token, 'GET', `/servicePrincipals/${graphSpId}/appRoleAssignedTo`)).body?.[
        'value'
      ],
    ).toHaveLength(1);
    expect(emu.appRoleAssignmentsFor(spId).map((a) => a.appRoleId)).toEqual([role]);
  });

  it('needs AppRoleAssignment.ReadWrite.All', async () => {
    const s = await withSp();
    const weak = await s.emu.mintAccessToken({
      scopes: ['Application.ReadWrite.All'],
      clientId: '33333333-3333-4333-8333-333333333333',
    });
    const res = await callGraph(s.emu, weak, 'POST', `/servicePrincipals/${s.graphSpId}/appRoleAssignedTo`, {
      principalId: s.spId,
      resourceId: s.graphSpId,
      appRoleId: '9492366f-7969-46a4-8d15-ed1a20078fff',
    });
    expect(res.status).toBe(403);
  });
});
