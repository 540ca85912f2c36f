import { describe, expect, it } from 'vitest';
import source from '../../catalog/microsoft-permissions.source.json' with { type: 'json' };
import { createEmulator } from './emulator';
import type { PermissionSource } from './seed';
import { seededRandom } from './random';

describe('seeded resource service principals', () => {
  it('expose every existing permission of the catalogue with its id and kind', () => {
    const emu = createEmulator();
    for (const resource of (source as PermissionSource).resources) {
      const sp = emu.servicePrincipal(resource.appId);
      expect(sp?.appId).toBe(resource.appId);
      for (const p of resource.permissions.filter((x) => x.exists && x.id)) {
        const list = p.type === 'Scope' ? sp?.oauth2PermissionScopes : sp?.appRoles;
        expect(list?.some((x) => x.id === p.id && x.value === p.value)).toBe(true);
      }
      for (const p of resource.permissions.filter((x) => !x.exists)) {
        const list = p.type === 'Scope' ? sp?.oauth2PermissionScopes : sp?.appRoles;
        expect(list?.some((x) => x.value === p.value)).toBe(false);
      }
    }
  });

  it('are deterministic with a seeded random source', () => {
    const a = createEmulator({ random: seededRandom(7) }).graphServicePrincipal()?.id;
    const b = createEmulator({ random: seededRandom(7) }).graphServicePrincipal()?.id;
    expect(a).toBe(b);
  });
});
