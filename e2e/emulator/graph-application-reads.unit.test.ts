import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator';
import type { Emulator } from './emulator';
import { callGraph } from './graph-client';

async function setup(scopes = ['Application.ReadWrite.All']): Promise<{ emu: Emulator; token: string }> {
  const emu = createEmulator();
  return { emu, token: await emu.mintAccessToken({ scopes }) };
}

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
