/** Test support for the emulator's unit tests: a tenant with a signed-in admin, and an application in it. */
import { createEmulator } from './emulator';
import type { Emulator, EmulatorOptions } from './emulator';
import { callGraph } from './graph-client';

/** Everything the wizard may ask for, plus the sign-in basics. */
export const ADMIN_SCOPES = [
  'Application.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  'User.Read',
];

/** A fresh emulator, a token with `scopes`, and a helper that upserts an application by unique name. */
export async function adminTenant(options: EmulatorOptions = {}, scopes: readonly string[] = ADMIN_SCOPES) {
  const emu = createEmulator(options);
  const token = await emu.mintAccessToken({ scopes });
  const create = async (name = 'c1', displayName = name) => {
    const res = await callGraph(
      emu,
      token,
      'PATCH',
      `/applications(uniqueName='${name}')`,
      { displayName },
      { prefer: 'create-if-missing' },
    );
    return { id: String(res.body?.['id']), appId: String(res.body?.['appId']), status: res.status };
  };
  return { emu, token, create };
}

export interface TenantWithApp {
  emu: Emulator;
  token: string;
  appId: string;
  objectId: string;
}

/** A tenant holding one application, "Connector" (unique name `c1`). */
export async function tenantWithApp(scopes: readonly string[] = ADMIN_SCOPES): Promise<TenantWithApp> {
  const { emu, token, create } = await adminTenant({}, scopes);
  const app = await create('c1', 'Connector');
  return { emu, token, appId: app.appId, objectId: app.id };
}
