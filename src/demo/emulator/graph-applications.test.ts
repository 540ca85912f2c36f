import { describe, expect, it } from 'vitest';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const USER_READ = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';
const SITES_FULLCONTROL_SHAREPOINT_ROLE = '678536fe-1083-478a-9c59-b99265e6b0d3';

const setup = (scopes = ['Application.ReadWrite.All']) => adminTenant({}, scopes);

const upsertPath = (name: string) => `/applications(uniqueName='${name}')`;
const createIfMissing = { prefer: 'create-if-missing' };

describe('PATCH /applications(uniqueName) upsert', () => {
  it('creates (201 + body), updates (204), and 404s without Prefer', async () => {
    const { emu, token } = await setup();
    const missing = await callGraph(emu, token, 'PATCH', upsertPath('nope'), { displayName: 'X' });
    expect(missing.status).toBe(404);
    expect(missing.body?.['error']).toMatchObject({ code: 'Request_ResourceNotFound' });
    const created = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('wizard-1'),
      { displayName: 'Connector', signInAudience: 'AzureADMultipleOrgs' },
      createIfMissing,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'Connector',
      uniqueName: 'wizard-1',
      signInAudience: 'AzureADMultipleOrgs',
    });
    expect(created.body?.['id']).not.toBe(created.body?.['appId']);
    const updated = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('wizard-1'),
      { displayName: 'Renamed' },
      createIfMissing,
    );
    expect(updated.status).toBe(204);
    expect(emu.applications()).toHaveLength(1);
    expect(emu.application('wizard-1')?.displayName).toBe('Renamed');
  });

  it('requires displayName to create and rejects passwordCredentials and unknown properties', async () => {
    const { emu, token } = await setup();
    expect(
      (
        await callGraph(
          emu,
          token,
          'PATCH',
          upsertPath('a'),
          { signInAudience: 'AzureADMyOrg' },
          createIfMissing,
        )
      ).status,
    ).toBe(400);
    const pw = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', passwordCredentials: [] },
      createIfMissing,
    );
    expect(pw.status).toBe(400);
    const unknown = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', colour: 'red' },
      createIfMissing,
    );
    expect(unknown.status).toBe(400);
    expect(emu.applications()).toHaveLength(0);
  });

  it('validates signInAudience and implicit grant settings', async () => {
    const { emu, token } = await setup();
    expect(
      (
        await callGraph(
          emu,
          token,
          'PATCH',
          upsertPath('a'),
          { displayName: 'A', signInAudience: 'Everyone' },
          createIfMissing,
        )
      ).status,
    ).toBe(400);
    const implicit = { displayName: 'A', web: { implicitGrantSettings: { enableIdTokenIssuance: 'yes' } } };
    expect((await callGraph(emu, token, 'PATCH', upsertPath('a'), implicit, createIfMissing)).status).toBe(
      400,
    );
    const ok = {
      displayName: 'A',
      web: { implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false } },
    };
    expect((await callGraph(emu, token, 'PATCH', upsertPath('a'), ok, createIfMissing)).status).toBe(201);
    expect(emu.application('a')?.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(true);
  });

  it.each([
    ['http://example.com/cb', 'plain http'],
    ['https://example.com/cb#frag', 'a fragment'],
    ['https://*.example.com/cb', 'a wildcard'],
    ["https://example.com/cb'", 'a quote'],
    ['https://example.com/(cb)', 'parentheses'],
    [`https://example.com/${'a'.repeat(250)}`, 'more than 256 characters'],
    ['not a url', 'no URL at all'],
  ])('rejects the redirect URI %s (%s)', async (uri) => {
    const { emu, token } = await setup();
    const res = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', signInAudience: 'AzureADMultipleOrgs', web: { redirectUris: [uri] } },
      createIfMissing,
    );
    expect(res.status).toBe(400);
    expect(res.body?.['error']).toMatchObject({
      code: 'Request_BadRequest',
      message: "Invalid value specified for property 'web' of resource 'Application'.",
    });
  });

  it('stores the instance property lock, and refuses a flag that is not a boolean', async () => {
    const { emu, token } = await setup();
    const lock = (value: unknown) =>
      callGraph(
        emu,
        token,
        'PATCH',
        upsertPath('a'),
        { displayName: 'A', servicePrincipalLockConfiguration: value },
        createIfMissing,
      );
    const refused = await lock({ isEnabled: 'true', allProperties: true });
    expect(refused.status).toBe(400);
    expect(refused.body?.['error']).toMatchObject({
      message:
        "Invalid value specified for property 'servicePrincipalLockConfiguration' of resource 'Application'.",
    });
    expect((await lock({ isEnabled: true, allProperties: true, locked: true })).status).toBe(400);
    expect(emu.applications()).toEqual([]);
    expect((await lock({ isEnabled: true, allProperties: true })).status).toBe(201);
    expect(emu.application('a')?.servicePrincipalLockConfiguration).toMatchObject({
      isEnabled: true,
      allProperties: true,
    });
  });

  it('accepts https and localhost redirect URIs, and limits their number', async () => {
    const { emu, token } = await setup();
    const uris = [
      'https://connector.example.com/oauth/callback',
      'http://localhost:8080/cb',
      'http://127.0.0.1/cb',
    ];
    const ok = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', signInAudience: 'AzureADMultipleOrgs', web: { redirectUris: uris } },
      createIfMissing,
    );
    expect(ok.status).toBe(201);
    const many = Array.from({ length: 257 }, (_, i) => `https://example.com/${i}`);
    expect(
      (await callGraph(emu, token, 'PATCH', upsertPath('a'), { web: { redirectUris: many } })).status,
    ).toBe(400);
  });

  it('checks requiredResourceAccess ids against the resource service principals', async () => {
    const { emu, token } = await setup();
    const good = [
      { resourceAppId: GRAPH, resourceAccess: [{ id: USER_READ, type: 'Scope' }] },
      {
        resourceAppId: '00000003-0000-0ff1-ce00-000000000000',
        resourceAccess: [{ id: SITES_FULLCONTROL_SHAREPOINT_ROLE, type: 'Role' }],
      },
    ];
    expect(
      (
        await callGraph(
          emu,
          token,
          'PATCH',
          upsertPath('a'),
          { displayName: 'A', requiredResourceAccess: good },
          createIfMissing,
        )
      ).status,
    ).toBe(201);
    const unknownId = 'deadbeef-0000-4000-8000-000000000000';
    const bad = await callGraph(emu, token, 'PATCH', upsertPath('a'), {
      requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: unknownId, type: 'Scope' }] }],
    });
    expect(bad.status).toBe(400);
    expect(String((bad.body?.['error'] as { message: string }).message)).toContain(unknownId);
    const wrongType = await callGraph(emu, token, 'PATCH', upsertPath('a'), {
      requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: USER_READ, type: 'Role' }] }],
    });
    expect(wrongType.status).toBe(400);
    const nullId = await callGraph(emu, token, 'PATCH', upsertPath('a'), {
      requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: null, type: 'Scope' }] }],
    });
    expect(nullId.status).toBe(400);
    expect(emu.application('a')?.requiredResourceAccess).toHaveLength(2);
  });

  it('seeds scopes that share the app role GUID (ActivityFeed.Read, Azure AD Graph Directory.ReadWrite.All)', async () => {
    const { emu, token } = await setup();
    const rra = [
      {
        resourceAppId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2',
        resourceAccess: [
          { id: '594c1fb6-4f81-4475-ae41-0c394909246c', type: 'Scope' },
          { id: '594c1fb6-4f81-4475-ae41-0c394909246c', type: 'Role' },
        ],
      },
      {
        resourceAppId: '00000002-0000-0000-c000-000000000000',
        resourceAccess: [{ id: '78c8a3c8-a07e-4b9e-af1b-b5ccab50a175', type: 'Scope' }],
      },
    ];
    expect(
      (
        await callGraph(
          emu,
          token,
          'PATCH',
          upsertPath('a'),
          { displayName: 'A', requiredResourceAccess: rra },
          createIfMissing,
        )
      ).status,
    ).toBe(201);
  });
});
