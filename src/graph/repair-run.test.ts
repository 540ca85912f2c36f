import { describe, expect, it } from 'vitest';
import { resourceApi } from '../catalog/resource-apis';
import { buildPlan } from '../plan/build-plan';
import type { RepairFix } from '../plan/plan-types';
import type { SeededApplication } from '../demo/emulator/seed-applications';
import type { EmulatorHttpResponse } from '../demo/emulator/types';
import { createHarness, graphWrites, REDIRECT_URI } from '../../test-support/graph/emulator-harness';
import { defaultFixes, evaluateChecklist } from './checklist';
import { checklistReport } from './checklist-report';
import type { RegistrationSnapshot } from './registration-check';

const GRAPH = resourceApi('graph').appId;
const connectors = [{ id: 'outlook-mail', mode: 'user' }] as const;

/** Outlook Mail for user accounts, made in the portal: two permissions missing, ID tokens off, a secret ending soon. */
const drifted: SeededApplication = {
  displayName: 'Kloudless Mail (made by hand)',
  redirectUris: [REDIRECT_URI],
  permissions: [{ resourceAppId: GRAPH, value: 'User.Read', type: 'Scope' }],
  secrets: [{ displayName: 'prod', expiresInDays: 10 }],
  servicePrincipal: false,
};

const checkPlan = (displayName: string) =>
  buildPlan({ connectors: [...connectors], displayName, redirectUris: [REDIRECT_URI] });

function repairPlan(snapshot: RegistrationSnapshot, fixes: readonly RepairFix[]) {
  const app = snapshot.application;
  return buildPlan({
    connectors: [...connectors],
    displayName: app.displayName ?? '',
    redirectUris: [REDIRECT_URI],
    repair: {
      applicationId: app.id ?? '',
      appId: app.appId ?? '',
      displayName: app.displayName ?? '',
      current: app,
      fixes,
    },
  });
}

describe('check and repair against the emulated tenant', () => {
  it('finds every problem, repairs what it can with merged collections, and a second check is clean', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication(drifted);
    const runner = h.createRunner();
    const plan = checkPlan(app.displayName);
    const resourceAppIds = [GRAPH];
    const snapshot = await runner.checkRegistration(app.appId, resourceAppIds);
    expect(snapshot?.application.id).toBe(app.id);
    const items = evaluateChecklist(snapshot!, plan, h.clock.now());
    const status = Object.fromEntries(items.map((i) => [i.id, i.status]));
    expect(status).toMatchObject({
      'service-principal': 'error',
      'permissions-missing': 'error',
      consent: 'warning',
      credentials: 'warning',
      'unique-name': 'warning',
      owners: 'warning',
      lock: 'warning',
    });
    expect(items.find((i) => i.id === 'permissions-missing')?.finding).toMatch(/Mail\.ReadWrite/);

    const fixes = [...defaultFixes(items), 'uniqueName' as const];
    const repair = repairPlan(snapshot!, fixes);
    expect(repair.operations.map((o) => o.kind)).toEqual([
      'resolve-permissions',
      'read-registration',
      'update-application',
      'set-unique-name',
      'ensure-service-principal',
      'grant-delegated',
    ]);
    const result = await runner.run(repair);
    expect(result.secret).toBeNull();
    expect(result.consent.status).toBe('granted');

    const stored = h.emu.application(app.id)!;
    // The whole collection went back: User.Read kept, the mail permissions added.
    const ids = stored.requiredResourceAccess.flatMap((r) => r.resourceAccess?.map((a) => a.id) ?? []);
    expect(ids).toEqual(expect.arrayContaining(repair.permissions.map((p) => p.id)));
    expect(stored.uniqueName).toBe(repair.application.uniqueName);
    expect(stored.servicePrincipalLockConfiguration).toMatchObject({ isEnabled: true, allProperties: true });
    expect(stored.passwordCredentials).toHaveLength(1);
    expect(h.emu.servicePrincipal(app.appId)).toBeDefined();
    expect(h.emu.grantsFor(app.appId)[0]?.scope.split(' ').sort()).toEqual(
      repair.permissions.map((p) => p.name).sort(),
    );
    // Nothing removed, no secret added.
    expect(graphWrites(h.emu).some((w) => /removePassword|addPassword/.test(w.path))).toBe(false);

    const again = await runner.checkRegistration(app.appId, resourceAppIds);
    const after = evaluateChecklist(again!, plan, h.clock.now());
    expect(after.filter((i) => i.status === 'error')).toEqual([]);
    expect(defaultFixes(after)).toEqual([]);
    // The secret ending in 10 days is still reported: rotation is not Repair's.
    expect(after.find((i) => i.id === 'credentials')?.status).toBe('warning');
  });

  it('finishes a repair that leaves the service principal alone (the lock only)', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication(drifted);
    const runner = h.createRunner();
    const snapshot = await runner.checkRegistration(app.appId, [GRAPH]);
    const result = await runner.run(repairPlan(snapshot!, ['lock']));
    expect(result.servicePrincipalId).toBeNull();
    expect(runner.getState().status).toBe('succeeded');
    expect(h.emu.application(app.id)?.servicePrincipalLockConfiguration).toMatchObject({ isEnabled: true });
    expect(h.emu.servicePrincipal(app.appId)).toBeUndefined();
  });

  it('sets the unique name once: the emulator refuses to change it, as Graph does', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication({ ...drifted, uniqueName: 'set-by-hand' });
    const token = await h.emu.mintAccessToken({ scopes: ['Application.ReadWrite.All'] });
    const res = (await h.emu.handle({
      method: 'PATCH',
      url: `https://graph.microsoft.com/v1.0/applications/${app.id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uniqueName: 'another-name' }),
    })) as EmulatorHttpResponse;
    expect(res.status).toBe(400);
    expect(h.emu.application(app.id)?.uniqueName).toBe('set-by-hand');
    // A registration without one may take a name only if no other registration has it.
    const other = h.emu.seedApplication({ displayName: 'Another' });
    const taken = (await h.emu.handle({
      method: 'PATCH',
      url: `https://graph.microsoft.com/v1.0/applications/${other.id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uniqueName: 'SET-BY-HAND' }),
    })) as EmulatorHttpResponse;
    expect(taken.status).toBe(400);
    expect(h.emu.application(other.id)?.uniqueName ?? null).toBeNull();
  });

  it('lists the registrations the admin owns, by name only with permission to read applications', async () => {
    const h = createHarness();
    const mine = h.emu.seedApplication(drifted);
    h.emu.seedApplication({ displayName: 'Not mine', owners: [] });
    const signedIn = h.emu.mintAccessToken({ scopes: ['User.Read', 'Application.ReadWrite.All'] });
    const owned = await h.createRunner({ getToken: () => signedIn }).ownedApplications();
    expect(owned).toEqual([
      { id: mine.id, appId: mine.appId, displayName: mine.displayName, uniqueName: null },
    ]);
    const token = await h.emu.mintAccessToken({
      scopes: ['User.Read'],
      clientId: '0b7b9a55-3d0e-4a47-9d43-3c1f4f1f0a11',
    });
    const res = (await h.emu.handle({
      method: 'GET',
      url: 'https://graph.microsoft.com/v1.0/me/ownedObjects/microsoft.graph.application?$select=id,displayName',
      headers: { authorization: `Bearer ${token}` },
    })) as EmulatorHttpResponse;
    const body = JSON.parse(String(res.body)) as { value: { id: string; displayName: string | null }[] };
    expect(body.value).toEqual([
      { '@odata.type': '#microsoft.graph.application', id: mine.id, displayName: null },
    ]);
  });

  it('copies a report with no secret in it', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication(drifted);
    const snapshot = await h.createRunner().checkRegistration(app.appId, [GRAPH]);
    const plan = checkPlan(app.displayName);
    const report = checklistReport(snapshot!, plan, evaluateChecklist(snapshot!, plan, h.clock.now()));
    expect(report).toContain(app.appId);
    expect(report).toContain('[ERROR] Enterprise application (service principal)');
    const secret = app.passwordCredentials[0]!;
    expect(report).not.toContain(secret.secretText);
    expect(report).not.toContain(secret.secretText.slice(0, 8));
  });
});
