import { describe, expect, it, vi } from 'vitest';
import type { PermissionSource } from '../demo/emulator/seed';
import source from '../catalog/microsoft-permissions.source.json';
import { RunFailure } from './graph-errors';
import { RUN_STORAGE_KEY } from './run-storage';
import { buildPlan } from '../plan/build-plan';
import {
  adminSharePointPlan,
  createHarness,
  graphWrites,
  topLevelCalls,
  REDIRECT_URI,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';
import { expectRegistration } from '../../test-support/graph/expect-registration';

/** `POST /v1.0/applications/{id}/addPassword` → `POST addPassword`, and so on, for comparing call shapes. */
const shortly = (call: string) => {
  const [method, path = ''] = call.split(' ');
  const route = path
    .replace(/^\/v1\.0\//, '')
    .replace(/\?.*$/, '')
    .replace(/\((appId|uniqueName)='[^']*'\)/, '($1)')
    .replace(/^(applications|servicePrincipals)\/[0-9a-f-]{36}\/(\w+)$/, '$2')
    .replace(/^(applications|servicePrincipals)\/[0-9a-f-]{36}$/, '$1/{id}');
  return `${method} ${route}`;
};

describe('plan runner against the emulator', () => {
  it('creates admin SharePoint with its certificate and grants consent, in 4 sequential round trips', async () => {
    // Real timers with latency: round trips are counted from overlapping request times.
    const { emu, createRunner, storage, tokenRequests } = createHarness({
      realTime: true,
      emulator: { faults: { latencyMs: 25 } },
    });
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const result = await runner.run(plan);

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
    const result = await createRunner().run(plan);

    expectRegistration(emu, plan, result, 'none');
    expect(result.consent).toEqual({ status: 'not-requested', grants: [] });
    expect(emu.applications()[0]?.web?.implicitGrantSettings?.enableIdTokenIssuance).toBe(false);
    expect(emu.log.some((e) => e.path.includes('oauth2PermissionGrants'))).toBe(false);
  });

  it('grants delegated consent as one AllPrincipals grant per API when asked', async () => {
    const { emu, createRunner } = createHarness();
    const plan = userMailTeamsPlan(true);
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(result.consent.status).toBe('granted');
  });

  it('sends each level of the run as one JSON batch: four calls in all', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    await createRunner().run(plan);
    const levels = topLevelCalls(emu).map((call) => call.map(shortly).sort());
    expect(levels).toEqual([
      ['GET applications(uniqueName)', ...Array(4).fill('GET servicePrincipals(appId)')],
      ['PATCH applications(uniqueName)'],
      ['POST addPassword', 'POST servicePrincipals'],
      ['GET applications/{id}', ...Array(10).fill('POST appRoleAssignedTo')],
    ]);
    expect(
      emu.log.filter((e) => e.kind === 'graph' && !e.batchItem).every((e) => e.path === '/v1.0/$batch'),
    ).toBe(true);
  });

  it('starts from the review’s read of the tenant, moments before, instead of reading again', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    const runner = createRunner();
    const resolve = plan.operations.find((op) => op.kind === 'resolve-permissions');
    const resourceAppIds = resolve?.kind === 'resolve-permissions' ? resolve.resourceAppIds : [];
    expect(await runner.inspect(plan.application.uniqueName, { resourceAppIds })).toBeNull();
    expect(topLevelCalls(emu)).toHaveLength(1);
    emu.clearLog();
    const result = await runner.run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(topLevelCalls(emu).map((call) => call.map(shortly).sort()[0])).toEqual([
      'PATCH applications(uniqueName)',
      'POST addPassword',
      'GET applications/{id}',
    ]);
  });

  it('warms up with one read the sign-in token allows, and never fails for it', async () => {
    const { emu, createRunner, tokenRequests } = createHarness();
    createRunner().warmUp();
    await vi.waitFor(() => expect(topLevelCalls(emu)).toEqual([['GET /v1.0/me?$select=id']]));
    expect(tokenRequests).toEqual([['User.Read']]);
    expect(graphWrites(emu)).toEqual([]);

    // No token (or no network): nothing is thrown and nothing is left unhandled.
    const failing = createHarness();
    const getToken = vi.fn(() => Promise.reject(new Error('no token')));
    failing.createRunner({ getToken }).warmUp();
    await vi.waitFor(() => expect(getToken).toHaveBeenCalledTimes(1));
    expect(failing.emu.log).toEqual([]);
  });

  it('grants nothing when the plan leaves consent for later', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan(false);
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'none');
    expect(result.consent.status).toBe('not-requested');
  });

  it('updates the same application when the same plan runs twice, with one live secret', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    await createRunner().run(plan);
    const second = await createRunner().run(plan);

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
    await createRunner().run(mailOnly);
    emu.clearLog();
    const plan = userMailTeamsPlan(true);
    expect(plan.application.uniqueName).toBe(mailOnly.application.uniqueName);
    const result = await createRunner().run(plan);

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
    const first = await runner.run(plan);
    runner.markSecretSaved();
    expect(storage.data.has(RUN_STORAGE_KEY)).toBe(false);
    const second = await createRunner().run(plan);

    expectRegistration(emu, plan, second, 'granted', 2);
    expect(emu.liveSecrets(first.application.id).map((s) => s.secretText)).toContain(
      first.secret?.secretText,
    );
    expect(second.consent.status).toBe('granted');
  });

  it('forgets the last run on Finish: its result and the client secret are gone, nothing is left to retry', async () => {
    const { createRunner, storage } = createHarness();
    const plan = userMailTeamsPlan(true);
    const runner = createRunner();
    const result = await runner.run(plan);
    const secretText = result.secret?.secretText ?? '';
    expect(secretText.length).toBeGreaterThan(8);
    expect(JSON.stringify(runner.getState())).toContain(secretText);
    runner.markSecretSaved();

    expect(runner.forget()).toBe(true);
    expect(runner.getState()).toEqual({ status: 'idle', operations: [] });
    await expect(runner.retry(plan)).rejects.toMatchObject({ explained: { code: 'NothingToRetry' } });
    await expect(runner.removeCredentials({ secrets: [], certificates: [] })).rejects.toMatchObject({
      explained: { code: 'NothingToChange' },
    });
    expect([...storage.data.values()].join('\n')).not.toContain(secretText);
  });

  it('does not forget a run while it is in progress', async () => {
    const { createRunner } = createHarness();
    const plan = userMailTeamsPlan(true);
    const runner = createRunner();
    const running = runner.run(plan);
    expect(runner.forget()).toBe(false);
    const result = await running;
    expect(runner.getState().result?.secret?.secretText).toBe(result.secret?.secretText);
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
    const error = await runner.run(plan).catch((e: unknown) => e);

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
      .run(plan)
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
    const result = await createRunner().run(plan);

    expect(result.permissionDifferences).toHaveLength(1);
    expect(result.permissionDifferences[0]).toContain('ActivityFeed.Read');
    const app = emu.applications()[0];
    expect(JSON.stringify(app?.requiredResourceAccess)).toContain(otherId);
    expect(
      emu.appRoleAssignmentsFor(result.servicePrincipalId ?? 'missing').map((a) => a.appRoleId),
    ).toContain(otherId);
    expect(result.drift).toEqual([]);
  });

  it('fails before any request when the plan needs a certificate and none is given', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan(true, { certificate: null });
    const error = await createRunner()
      .run(plan)
      .catch((e: unknown) => e);
    expect((error as RunFailure).explained.code).toBe('CertificateMissing');
    expect(emu.log).toEqual([]);
  });

  it('runs one at a time, and has nothing to retry before a first run', async () => {
    const { createRunner } = createHarness();
    const plan = userMailTeamsPlan();
    const runner = createRunner();
    await expect(runner.retry(plan)).rejects.toMatchObject({
      explained: { code: 'NothingToRetry' },
    });
    const first = runner.run(plan);
    await expect(runner.run(plan)).rejects.toMatchObject({
      explained: { code: 'RunInProgress' },
    });
    await expect(first).resolves.toMatchObject({ consent: { status: 'not-requested' } });
  });
});
