import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const setup = (scopes = ['Application.ReadWrite.All']) => adminTenant({}, scopes);

const upsertPath = (name: string) => `/applications(uniqueName='${name}')`;
const createIfMissing = { prefer: 'create-if-missing' };

describe('reads', () => {
  it('reads by id, appId and uniqueName, honours $select and filters', async () => {
    const { emu, token } = await setup();
    const created = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('u-1'),
      { displayName: 'A' },
      createIfMissing,
    );
    const { id, appId } = created.body as { id: string; appId: string };
    expect((await callGraph(emu, token, 'GET', `/applications/${id}`)).body?.['appId']).toBe(appId);
    expect((await callGraph(emu, token, 'GET', `/applications(appId='${appId}')`)).body?.['id']).toBe(id);
    const sel = await callGraph(emu, token, 'GET', `/applications(uniqueName='u-1')?$select=id,displayName`);
    expect(sel.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications(id,displayName)/$entity',
      id,
      displayName: 'A',
    });
    expect(
      (await callGraph(emu, token, 'GET', `/applications?$filter=appId eq '${appId}'`)).body?.['value'],
    ).toHaveLength(1);
    expect(
      (await callGraph(emu, token, 'GET', `/applications?$filter=uniqueName eq 'other'`)).body?.['value'],
    ).toHaveLength(0);
    expect(
      (await callGraph(emu, token, 'GET', `/applications?$filter=startswith(displayName,'A')`)).status,
    ).toBe(400);
    expect((await callGraph(emu, token, 'GET', `/applications/${id}?$select=nope`)).status).toBe(400);
    expect(
      (await callGraph(emu, token, 'GET', `/applications/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });
});

describe('POST and DELETE /applications', () => {
  it('creates with POST (201, displayName required) and deletes with the service principal', async () => {
    const { emu, token } = await setup();
    expect(
      (await callGraph(emu, token, 'POST', '/applications', { signInAudience: 'AzureADMyOrg' })).status,
    ).toBe(400);
    const created = await callGraph(emu, token, 'POST', '/applications', { displayName: 'Plain' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'Plain',
      uniqueName: null,
      passwordCredentials: [],
      keyCredentials: [],
    });
    const { id, appId } = created.body as { id: string; appId: string };
    expect((await callGraph(emu, token, 'POST', '/servicePrincipals', { appId })).status).toBe(201);
    expect((await callGraph(emu, token, 'DELETE', `/applications/${id}`)).status).toBe(204);
    expect(emu.applications()).toHaveLength(0);
    expect(emu.servicePrincipal(appId)).toBeUndefined();
  });
});
