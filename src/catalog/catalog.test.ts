import { describe, expect, it } from 'vitest';
import procedureText from './procedure.source.txt?raw';
import source from './microsoft-permissions.source.json';
import { connectorModes, connectors } from './connectors';
import { corrections } from './corrections';
import { parseProcedure } from './procedure-parser';
import { findPermission, graphAccessType, permissionKey, permissions, type Permission } from './permissions';
import { resolveConnectorMode } from './resolve';
import { resourceApi, resourceApis } from './resource-apis';

interface SourceEntry {
  value: string;
  type: 'Scope' | 'Role';
  id: string | null;
  exists: boolean;
  adminConsentRequired?: boolean;
}

const sourceEntries = source.resources.flatMap((r) =>
  (r.permissions as SourceEntry[]).map((p) => ({ ...p, resourceAppId: r.appId })),
);

function sourceEntryFor(p: Permission) {
  return sourceEntries.find(
    (e) =>
      e.resourceAppId === resourceApi(p.api).appId &&
      e.value === p.name &&
      e.type === graphAccessType[p.kind],
  );
}

// Lower case, the form Graph returns; stricter than the any-case GUID the app accepts from people (src/config/guid.ts).
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const modesOfEveryConnector = connectors.flatMap((c) => connectorModes.map((mode) => [c.id, mode] as const));

describe('permission ids', () => {
  it.each(permissions.map((p) => [permissionKey(p), p] as const))(
    '%s has the id, type and consent flag the permission data records',
    (_key, p) => {
      const entry = sourceEntryFor(p);
      expect(entry, 'listed in microsoft-permissions.source.json').toBeDefined();
      expect(entry?.exists).toBe(true);
      expect(p.id).toMatch(guid);
      expect(p.id).toBe(entry?.id);
      expect(p.adminConsentRequired).toBe(entry?.adminConsentRequired);
    },
  );

  it('has no duplicate names or ids within an API and kind', () => {
    const names = permissions.map(permissionKey);
    expect(new Set(names).size).toBe(names.length);
    const ids = permissions.map((p) => `${p.api}|${p.kind}|${p.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every application permission an admin consent requirement', () => {
    for (const p of permissions.filter((x) => x.kind === 'application'))
      expect(p.adminConsentRequired).toBe(true);
  });

  it('lists each resource API once with a GUID app id', () => {
    expect(new Set(resourceApis.map((a) => a.appId)).size).toBe(resourceApis.length);
    for (const api of resourceApis) {
      expect(api.appId).toMatch(guid);
      expect(source.resources.some((r) => r.appId === api.appId)).toBe(true);
    }
  });
});

describe('corrections', () => {
  it('covers every name the permission data marks as not existing', () => {
    const missing = sourceEntries.filter((e) => !e.exists);
    expect(missing.length).toBeGreaterThan(0);
    for (const entry of missing) {
      const match = corrections.find(
        (c) =>
          resourceApi(c.asWritten.api).appId === entry.resourceAppId &&
          c.asWritten.name === entry.value &&
          graphAccessType[c.asWritten.kind] === entry.type,
      );
      expect(match, `${entry.value} (${entry.type})`).toBeDefined();
    }
  });

  it.each(corrections.map((c) => [c.asWritten.name, c.asWritten.kind, c] as const))(
    '%s (%s) does not exist as written and resolves to a permission that does',
    (_name, _kind, c) => {
      expect(findPermission(c.asWritten)).toBeUndefined();
      const target = findPermission(c.resolvedTo);
      expect(target).toBeDefined();
      expect(target && sourceEntryFor(target)?.exists).toBe(true);
      expect(c.reason.length).toBeGreaterThan(20);
    },
  );

  it('corrects exactly the four names the procedure gets wrong', () => {
    expect(corrections.map((c) => `${c.asWritten.name}:${c.asWritten.kind}`).sort()).toEqual([
      'Calendar.ReadWrite:application',
      'ChannelMessage.Delete:delegated',
      'ChannelMessage.Send:application',
      'Directory.AccessAsUser.All:application',
    ]);
  });
});

describe('connectors against the procedure', () => {
  const procedure = parseProcedure(procedureText);

  it('knows the six connectors by their ids', () => {
    expect(connectors.map((c) => c.id)).toEqual([
      'teams',
      'onedrive',
      'onedrive-business',
      'outlook-calendar',
      'outlook-mail',
      'sharepoint',
    ]);
    expect(procedure.size).toBe(12);
  });

  it.each(modesOfEveryConnector)('%s (%s) lists exactly what the procedure lists', (id, mode) => {
    const fromText = procedure.get(`${id}:${mode}`);
    expect(fromText, 'the procedure has this connector and mode').toBeDefined();
    const norm = (sections: readonly { api: string; kind: string; names: readonly string[] }[]) =>
      sections.flatMap((s) => s.names.map((n) => `${s.api}|${s.kind}|${n}`)).sort();
    const catalogSections = connectors.find((c) => c.id === id)?.modes[mode].procedure ?? [];
    expect(norm(catalogSections)).toEqual(norm(fromText ?? []));
  });

  it.each(modesOfEveryConnector)(
    '%s (%s) requests every listed permission, or the documented correction of it',
    (id, mode) => {
      const { permissions: resolved, corrections: applied } = resolveConnectorMode(id, mode);
      const keys = new Set(resolved.map(permissionKey));
      for (const section of procedure.get(`${id}:${mode}`) ?? []) {
        for (const name of section.names) {
          const ref = { api: section.api, kind: section.kind, name };
          const exists = findPermission(ref);
          const correction = corrections.find((c) => permissionKey(c.asWritten) === permissionKey(ref));
          if (exists) {
            expect(keys.has(permissionKey(ref)), name).toBe(true);
            expect(correction).toBeUndefined();
          } else {
            expect(correction, `${name} has a correction`).toBeDefined();
            expect(applied).toContain(correction);
            if (correction) expect(keys.has(permissionKey(correction.resolvedTo))).toBe(true);
          }
        }
      }
      expect(new Set(resolved.map(permissionKey)).size).toBe(resolved.length);
      for (const p of resolved) {
        expect(p.id).toMatch(guid);
        expect(sourceEntryFor(p)?.id).toBe(p.id);
      }
    },
  );

  it('needs a certificate for admin accounts of Teams, OneDrive, OneDrive for Business and SharePoint only', () => {
    const withCertificate = connectors.filter((c) => c.modes.admin.certificate).map((c) => c.id);
    expect(withCertificate).toEqual(['teams', 'onedrive', 'onedrive-business', 'sharepoint']);
    expect(connectors.some((c) => c.modes.user.certificate)).toBe(false);
  });

  it('shows the corrections where the procedure uses them', () => {
    const names = (id: (typeof connectors)[number]['id'], mode: 'user' | 'admin') =>
      resolveConnectorMode(id, mode).corrections.map((c) => c.asWritten.name);
    expect(names('teams', 'user')).toEqual(['ChannelMessage.Delete']);
    expect(names('teams', 'admin')).toEqual(['ChannelMessage.Send', 'Directory.AccessAsUser.All']);
    expect(names('outlook-calendar', 'admin')).toEqual(['Calendar.ReadWrite']);
    expect(names('sharepoint', 'admin')).toEqual([]);
  });
});
