import { describe, expect, it } from 'vitest';
import { RUN_STORAGE_KEY } from './run-storage';
import {
  adminSharePointPlan,
  carries,
  createHarness,
  graphWrites,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';
import { expectRegistration } from '../../test-support/graph/expect-registration';

const isAddPassword = (request: Request, body: string | undefined) => carries(request, body, '/addPassword');

describe('plan runner resuming an interrupted run', () => {
  it('replaces the unsaved secret of a run aborted after the secret (page reload)', async () => {
    const controller = new AbortController();
    const { emu, storage, createRunner } = createHarness({
      transport: {
        after: (request, status, body) =>
          void (isAddPassword(request, body) && status === 200 && controller.abort()),
      },
    });
    const plan = adminSharePointPlan();
    const first = createRunner();
    const error = await first.run(plan, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ explained: { code: 'RunCancelled' } });
    expect(first.getState().status).toBe('failed');
    const abandoned = emu.liveSecrets(emu.applications()[0]?.id ?? '');
    expect(abandoned).toHaveLength(1);

    const record = first.interruptedRun(plan);
    expect(record).toMatchObject({ uniqueName: plan.application.uniqueName, secret: { saved: false } });
    expect(record?.finished).toContain('add-password');
    expect(storage.data.get(RUN_STORAGE_KEY)).not.toContain(abandoned[0]?.secretText);
    expect(first.interruptedRun(userMailTeamsPlan())).toBeNull();

    // A reload: a new runner over the same sessionStorage.
    const second = createRunner();
    const result = await second.run(plan);
    expectRegistration(emu, plan, result, 'granted');
    expect(result.secret?.keyId).not.toBe(abandoned[0]?.keyId);
    expect(result.secret?.displayName).toContain(record?.runId);
  });

  it('finds a secret whose answer never arrived before a reload, by the run id in its name', async () => {
    const controller = new AbortController();
    const { emu, createRunner } = createHarness({
      transport: {
        after: (request, _status, body) => {
          if (!isAddPassword(request, body) || controller.signal.aborted) return;
          controller.abort();
          throw new DOMException('This operation was aborted', 'AbortError');
        },
      },
    });
    const plan = userMailTeamsPlan();
    await createRunner()
      .run(plan, { signal: controller.signal })
      .catch(() => undefined);
    const app = emu.applications()[0];
    expect(emu.liveSecrets(app?.id ?? '')).toHaveLength(1);
    expect(createRunner().interruptedRun(plan)?.secret).toBeNull();

    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'none');
  });

  it('finishes after the network failed for good mid-run (fetch keeps throwing)', async () => {
    let offline = false;
    let wentOffline = false;
    const { emu, createRunner } = createHarness({
      transport: {
        before: () => {
          if (offline) throw new TypeError('Failed to fetch');
        },
        after: (request, status, body) => {
          if (!isAddPassword(request, body) || status !== 200 || wentOffline) return;
          offline = wentOffline = true;
        },
      },
    });
    const plan = adminSharePointPlan();
    const error = await createRunner()
      .run(plan)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ explained: { kind: 'network' } });

    offline = false;
    const result = await createRunner().run(plan);
    expectRegistration(emu, plan, result, 'granted');
  });

  it('never removes a secret marked saved, even when its run did not finish', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    const runner = createRunner();
    // Graph throttles everything once the secret exists: the read-back fails after its attempts.
    runner.subscribe(() => {
      const secret = runner.getState().operations.find((op) => op.id === 'add-password');
      if (secret?.status === 'done' && !emu.faults.throttle) emu.faults.throttle = { every: 1 };
    });
    const error = await runner.run(plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ explained: { code: 'TooManyRequests' } });
    runner.markSecretSaved();
    const record = runner.interruptedRun(plan);
    expect(record?.secret?.saved).toBe(true);

    emu.faults.throttle = undefined;
    const second = await createRunner().run(plan);
    expectRegistration(emu, plan, second, 'granted', 2);
    expect(emu.liveSecrets(second.application.id).map((s) => s.keyId)).toContain(record?.secret?.keyId);
    expect(second.secret?.displayName).not.toContain(record?.runId);
  });

  it('clears the record once a successful run’s secret is saved, and keeps it until then', async () => {
    const { storage, createRunner } = createHarness();
    const plan = userMailTeamsPlan();
    const runner = createRunner();
    await runner.run(plan);
    expect(runner.interruptedRun(plan)?.finished).toHaveLength(plan.operations.length);
    runner.markSecretSaved();
    expect(storage.data.size).toBe(0);
  });

  it('reports consent that timed out on replication as failed, with a usable registration', async () => {
    const { emu, createRunner } = createHarness();
    const plan = adminSharePointPlan();
    const runner = createRunner({ replicationBudgetMs: 20_000 });
    // Only the service principal replicates slowly: set the delay once the application exists.
    emu.faults.replicationDelay = undefined;
    const unsubscribe = runner.subscribe(() => {
      const upsert = runner.getState().operations.find((op) => op.id === 'upsert-application');
      if (upsert?.status === 'done') emu.faults.replicationDelay = { ms: 60 * 60_000 };
    });
    const result = await runner.run(plan);
    unsubscribe();
    expect(result.consent).toMatchObject({ status: 'failed', error: { kind: 'replication-timeout' } });
    // Each grant says how it ended: none was made, each for the same reason.
    expect(result.consent.grants.map((g) => [g.what, g.status, g.error?.kind])).toEqual([
      ['Microsoft Graph application permissions', 'failed', 'replication-timeout'],
      ['Office 365 SharePoint Online application permissions', 'failed', 'replication-timeout'],
      ['Office 365 Management APIs application permissions', 'failed', 'replication-timeout'],
      ['Windows Azure Active Directory application permissions', 'failed', 'replication-timeout'],
    ]);
    expect(emu.liveSecrets(result.application.id)).toHaveLength(1);

    // Once Entra has caught up, retrying sends the grants again and nothing else.
    const sp = emu.servicePrincipal(result.application.appId);
    emu.state.holds.delete(sp?.id ?? '');
    emu.clearLog();
    const retried = await runner.retry(plan);
    expect(retried.consent.status).toBe('granted');
    expect(retried.secret?.secretText).toBe(result.secret?.secretText);
    const writes = graphWrites(emu);
    expect(writes.length).toBe(10);
    expect(writes.every((e) => e.path.endsWith('/appRoleAssignedTo'))).toBe(true);
  });
});
