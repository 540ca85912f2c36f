import { describe, expect, it } from 'vitest';
import type { PermissionSource } from '../../e2e/emulator/seed';
import source from '../catalog/microsoft-permissions.source.json';
import { RunFailure } from './graph-errors';
import { RUN_STORAGE_KEY } from './run-storage';
import { buildPlan } from '../plan/build-plan';
import {
  adminSharePointPlan,
  createHarness,
  graphWrites,
  optionsFor,
  REDIRECT_URI,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';
import { expectRegistration } from '../../test-support/graph/expect-registration';

describe('plan runner against the emulator', () => {
  it('creates admin SharePoint with its certificate and grants consent, in 4 sequential round trips', async () => {
    // Real timers with latency: round trips are counted from overlapping request times.
    const { emu, createRunner, storage, tokenRequests } = createHarness({
      realTime: true,
      emulator: { faults: { latencyMs: 25 } },
    });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const result = await runner.run(plan, optionsFor(plan));

    expectRegistration(emu, plan, result, 'granted');
    expect(result.consent.status).toBe('granted');
    expect(result.consent.grants.map((g) => [g.what, g.status])).toEqual([
      ['Microsoft Graph application permissions', 'granted'],
      ['Office 365 SharePoint Online application permissions', 'granted'],
      ['Office 365 Management APIs application permissions', 'granted'],
      ['Windows Azure Active Directory application permissions', 'granted'],
    ]);
    expect(result.drift).toEqual([]);
    expect(result.permissionDifferences).toEqual([]);
    // Waves merge when a request starts while another of the previous wave is still running.
    expect(emu.roundTrips().roundTrips).toBeLessThanOrEqual(4);
    expect(runner.getState().status).toBe('succeeded');
    expect(runner.getState().operations.every((op) => op.status === 'done')).toBe(true);
    // The certificate goes without customKeyIdentifier, so Graph stores the thumbprint (G4).
    const upsert = emu.log.find((e) => e.method === 'PATCH');
    expect(JSON.parse(upsert?.requestBody ?? '{}').keyCredentials[0]).not.toHaveProperty(
      'customKeyIdentifier',
    );
    expect(emu.log.some((e) => e.method === 'POST' && e.path === '/v1.0/applications')).toBe(false);
    expect(new Set(tokenRequests.flat())).toEqual(
      new Set(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All']),
    );
    // The resume record holds ids and progress, never the secret.
    const record = storage.data.get(RUN_STORAGE_KEY) ?? '';
    expect(record).toContain(result.application.id);
    expect(record).not.toContain(result.secret?.secretText);
  });

  it('creates non-admin Outlook Mail and Teams without consent, certificate or ID tokens', async () => {
    const { emu, createRunner } = createHarness();
    const plan = userMailTeamsPlan();
    const result = await createRunner().run(plan, optionsFor(plan));

    expectRegistration(emu, plan, result, 'none');
    expect(result.consent).toEqual({ status: 'not-requested', grants: [] });
    expect(emu.applications()[0]?.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(false);
    expect(emu.log.some((e) => e.path.includes('oauth2PermissionGrants'))).toBe(false);
  });

  it('grants delegated consent as one AllPrincipals grant per API when asked', async () => {
    const { emu, createRunner } = createHarness();
    const plan = userMailTeamsPlan(true);
    const result = await createRunner().run(plan, optionsFor(plan));
    expectRegistration(emu, plan, result, 'granted');
    expect(result.consent.status).toBe('granted');
  });

  it('honours the options over the plan: consent off although the plan asked for it', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan(true);
    const result = await createRunner().run(plan, optionsFor(plan, { grantConsent: false }));
    expectRegistration(emu, plan, result, 'none');
    expect(result.consent.status).toBe('not-requested');
  });

  it('updates the same application when the same plan runs twice, with one live secret', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    await createRunner().run(plan, optionsFor(plan));
    const second = await createRunner().run(plan, optionsFor(plan));

    expectRegistration(emu, plan, second, 'granted');
    expect(emu.log.filter((e) => e.method === 'PATCH' && e.status === 204)).toHaveLength(1);
    expect(emu.log.filter((e) => e.path.endsWith('/removePassword') && e.status === 204)).toHaveLength(1);
  });

  it('extends the existing delegated grant when the registration gains a connector', async () => {
    const { emu, createRunner } = createHarness();
    const mailOnly = buildPlan({
      connectors: [{ id: 'outlook-mail', mode: 'user' }],
      displayName: 'Contoso Mail and Teams',
      redirectUris: [REDIRECT_URI],
      grantAdminConsent: true,
    });
    await createRunner().run(mailOnly, optionsFor(mailOnly));
    emu.clearLog();
    const plan = userMailTeamsPlan(true);
    expect(plan.application.uniqueName).toBe(mailOnly.application.uniqueName);
    const result = await createRunner().run(plan, optionsFor(plan));

    expectRegistration(emu, plan, result, 'granted');
    const calls = emu.log.filter((e) =>
      /oauth2PermissionGrants|servicePrincipals\(appId='(?!0000)/.test(e.path),
    );
    expect(calls.map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'GET 200', 'PATCH 204']);
  });

  it('keeps a saved secret when the plan runs again', async () => {
    const { emu, createRunner, storage } = createHarness();
    const plan = userMailTeamsPlan(true);
    const runner = createRunner();
    const first = await runner.run(plan, optionsFor(plan));
    runner.markSecretSaved();
    expect(storage.data.has(RUN_STORAGE_KEY)).toBe(false);
    const second = await createRunner().run(plan, optionsFor(plan));

    expectRegistration(emu, plan, second, 'granted', 2);
    expect(emu.liveSecrets(first.application.id).map((s) => s.secretText)).toContain(
      first.secret?.secretText,
    );
    expect(second.consent.status).toBe('granted');
  });

  it('fails before any write when the tenant lacks a permission', async () => {
    const trimmed: PermissionSource = {
      resources: source.resources.map((r) => ({
        ...r,
        permissions: r.permissions.filter((p) => p.value !== 'TermStore.ReadWrite.All'),
      })),
    };
    const { emu, createRunner } = createHarness({ emulator: { seedPermissions: trimmed } });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const error = await runner.run(plan, optionsFor(plan)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RunFailure);
    expect((error as RunFailure).explained).toMatchObject({ code: 'PermissionNotInTenant', kind: 'other' });
    expect((error as RunFailure).explained.message).toContain('TermStore.ReadWrite.All');
    expect(graphWrites(emu)).toEqual([]);
    expect(emu.applications()).toEqual([]);
    expect(runner.getState().operations.find((op) => op.id === 'upsert-application')?.status).toBe('skipped');
  });

  it('fails before any write when the tenant has no service principal for a resource API', async () => {
    const seedPermissions: PermissionSource = {
      resources: source.resources.filter((r) => r.displayName !== 'Office 365 Management APIs'),
    };
    const { emu, createRunner } = createHarness({ emulator: { seedPermissions } });
    const plan = adminSharePointPlan();
    const error = await createRunner()
      .run(plan, optionsFor(plan))
      .catch((e: unknown) => e);
    expect((error as RunFailure).explained.code).toBe('PermissionNotInTenant');
    expect((error as RunFailure).explained.meaning).toContain(
      'no service principal for Office 365 Management APIs',
    );
    expect(graphWrites(emu)).toEqual([]);
  });

  it("uses the tenant's permission ids and reports where they differ from the catalog", async () => {
    const otherId = '11111111-2222-4333-8444-555555555555';
    const changed: PermissionSource = {
      resources: source.resources.map((r) => ({
        ...r,
        permissions: r.permissions.map((p) => (p.value === 'ActivityFeed.Read' ? { ...p, id: otherId } : p)),
      })),
    };
    const { emu, createRunner } = createHarness({ emulator: { seedPermissions: changed } });
    const plan = adminSharePointPlan();
    const result = await createRunner().run(plan, optionsFor(plan));

    expect(result.permissionDifferences).toHaveLength(1);
    expect(result.permissionDifferences[0]).toContain('ActivityFeed.Read');
    const app = emu.applications()[0];
    expect(JSON.stringify(app?.requiredResourceAccess)).toContain(otherId);
    expect(emu.appRoleAssignmentsFor(result.servicePrincipalId).map((a) => a.appRoleId)).toContain(otherId);
    expect(result.drift).toEqual([]);
  });

  it('fails before any request when the plan needs a certificate and none is given', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    const error = await createRunner()
      .run(plan, optionsFor(plan, { keyCredential: null }))
      .catch((e: unknown) => e);
    expect((error as RunFailure).explained.code).toBe('CertificateMissing');
    expect(emu.log).toEqual([]);
  });

  it('runs one at a time, and has nothing to retry before a first run', async () => {
    const { createRunner } = createHarness();
    const plan = userMailTeamsPlan();
    const runner = createRunner();
    await expect(runner.retry(optionsFor(plan))).rejects.toMatchObject({
      explained: { code: 'NothingToRetry' },
    });
    const first = runner.run(plan, optionsFor(plan));
    await expect(runner.run(plan, optionsFor(plan))).rejects.toMatchObject({
      explained: { code: 'RunInProgress' },
    });
    await expect(first).resolves.toMatchObject({ consent: { status: 'not-requested' } });
  });
});
