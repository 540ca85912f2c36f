/**
 * The plan runner: executes a RegistrationPlan against Microsoft Graph, publishes progress for the UI, keeps
 * non-secret progress in sessionStorage, and resumes or retries without creating anything twice.
 */
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';
import type { RegistrationPlan } from '../plan/plan-types';
import { explainError } from './explain-error';
import { describeExisting, readRegistration } from './existing-registration';
import type { Send } from './existing-registration';
import { createGraphClient } from './graph-client';
import { warmUpRequest } from './graph-requests';
import type { ReplicationBudget } from './graph-client';
import { RunFailure } from './graph-errors';
import { removeCredentials } from './remove-credentials';
import { readTenantPolicies } from './tenant-policies';
import { abortableSleep, DEFAULT_REPLICATION_BUDGET_MS } from './retry-policy';
import { isDone, isGrant, runOperation, titleOf } from './operation-kinds';
import { readResourceServicePrincipals } from './operations-application';
import { readOwnedApplications, readRegistrationSnapshot } from './registration-check';
import { buildResult, newRunId, preflight, storedRunOf, wizardError } from './run-outcome';
import { createSession } from './run-session';
import type { OperationContext, PrefetchedReads, RunSession } from './run-session';
import { runOperations } from './run-scheduler';
import { createRunStateStore } from './run-state';
import { createRunRecordStore } from './run-storage';
import type {
  ExplainedError,
  PlanRunner,
  PlanRunnerDeps,
  RunOptions,
  RunResult,
  RunWaiting,
} from './run-types';

/** How long the review's read of the tenant stands in for the run's own first reads. */
const PREFETCH_FRESH_MS = 30_000;

/**
 * Creates a runner; one run at a time, and `retry` continues the last one. In the app:
 *
 * ```ts
 * const runner = createPlanRunner({ graphBaseUrl: cloud.graph, getToken, storage: sessionStorage });
 * // before run: consent to runPermissions(plan) interactively, so getToken stays silent
 * const state = useSyncExternalStore(runner.subscribe, runner.getState);
 * await runner.run(plan, { signal: controller.signal }); // rejects with RunFailure (`.explained`)
 * ```
 */
export function createPlanRunner(deps: PlanRunnerDeps): PlanRunner {
  const now = deps.now ?? (() => Date.now());
  const client = createGraphClient({
    graphBaseUrl: deps.graphBaseUrl,
    getToken: deps.getToken,
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: deps.sleep ?? abortableSleep,
    now,
    random: deps.random ?? Math.random,
    replicationBudgetMs: deps.replicationBudgetMs ?? DEFAULT_REPLICATION_BUDGET_MS,
    ...(deps.batch === undefined ? {} : { batch: deps.batch }),
  });
  const store = createRunStateStore();
  const records = createRunRecordStore(deps.storage ?? null);
  let last: RunSession | undefined;
  let busy = false;
  /** The review's last read of the tenant; a run starting soon after uses it instead of reading again. */
  let inspected: PrefetchedReads | undefined;

  const persist = (session: RunSession) => records.save(storedRunOf(session, now()));
  /** A send outside a run (the review's read, the removal of old credentials): waits are told, not tracked. */
  const sendFor =
    (signal?: AbortSignal, onWait?: (waiting: RunWaiting | undefined) => void): Send =>
    (request, options) =>
      client.send(request, { ...options, ...(signal ? { signal } : {}), ...(onWait ? { onWait } : {}) });

  function fail(explained: ExplainedError): never {
    store.finish({ error: explained });
    throw new RunFailure(explained);
  }

  async function executeSession(
    session: RunSession,
    signal: AbortSignal | undefined,
    retrying = false,
  ): Promise<RunResult> {
    const operations = session.plan.operations;
    // Work that no longer stands for the plan (another certificate, say) runs again.
    for (const op of operations) if (!isDone(session, op)) session.finished.delete(op.id);
    store.start(
      operations.map((op) => ({
        id: op.id,
        title: titleOf(op, session.plan),
        status: session.finished.has(op.id) ? 'done' : 'pending',
        ...(session.details.has(op.id) ? { detail: session.details.get(op.id) } : {}),
      })),
      retrying,
    );
    try {
      preflight(session);
    } catch (error) {
      fail(explainError(error, { operation: 'resolve-permissions' }));
    }
    persist(session);
    const failures = new Map<string, ExplainedError>();
    const notStarted = await runOperations(
      operations,
      session.finished,
      {
        execute: (op) => {
          const budget: ReplicationBudget = {};
          const ctx: OperationContext = {
            session,
            now,
            send: (request, options) =>
              client.send(request, {
                ...options,
                budget,
                onWait: (waiting) => store.setWaiting(op.id, waiting),
                ...(signal ? { signal } : {}),
              }),
            detail: (text) => void session.details.set(op.id, text),
            persist: () => persist(session),
          };
          return runOperation(ctx, op);
        },
        onStart: (op) => store.setOperation(op.id, 'running'),
        onDone: (op) => {
          session.finished.add(op.id);
          persist(session);
          const detail = session.details.get(op.id);
          store.setOperation(op.id, 'done', detail === undefined ? {} : { detail });
        },
        onFail: (op, error) => {
          const explained = explainError(error, {
            operation: op.kind,
            ...('api' in op ? { api: op.api } : {}),
          });
          failures.set(op.id, explained);
          store.setOperation(op.id, 'failed', { error: explained });
        },
      },
      signal,
    );
    for (const id of notStarted) {
      store.setOperation(id, 'skipped', { detail: 'Not started: an earlier step did not finish' });
    }
    // Whatever reason the signal carries, an abort is a cancellation for the user.
    if (signal?.aborted)
      fail(explainError(new DOMException('Aborted', 'AbortError'), { operation: 'read-back' }));
    const critical = operations.find((op) => !isGrant(op) && failures.has(op.id));
    if (critical) fail(failures.get(critical.id) as ExplainedError);
    const result = buildResult(session, operations, failures);
    // A repair makes no secret, and a rotation is not resumed (its secret is in `result`, guarded until saved):
    // once it finished, nothing is left to resume.
    if (session.secretSaved || session.plan.repair || session.plan.rotation) records.clear();
    store.finish({ result });
    return result;
  }

  async function guarded(session: RunSession, signal?: AbortSignal, retrying = false): Promise<RunResult> {
    if (busy) {
      throw new RunFailure(
        wizardError(
          'RunInProgress',
          'A run is already in progress.',
          'Wait for it to finish, then try again.',
        ),
      );
    }
    busy = true;
    last = session;
    try {
      return await executeSession(session, signal, retrying);
    } finally {
      busy = false;
    }
  }

  return {
    run(plan: RegistrationPlan, options: RunOptions = {}) {
      const stored = records.load();
      // A record for this registration means an earlier run was interrupted or its secret was not saved.
      // A repair or a rotation reads the registration afresh: it never resumes a setup's record.
      const resumed =
        stored && !plan.repair && !plan.rotation && stored.uniqueName === plan.application.uniqueName
          ? stored
          : null;
      const early = inspected;
      inspected = undefined;
      const fresh =
        early && early.uniqueName === plan.application.uniqueName && now() - early.at <= PREFETCH_FRESH_MS
          ? early
          : undefined;
      return guarded(createSession(plan, resumed, deps.newRunId ?? newRunId, fresh), options.signal);
    },
    retry(plan: RegistrationPlan, options: RunOptions = {}) {
      const session = last;
      if (!session) {
        const error = wizardError('NothingToRetry', 'There is no run to retry.', 'Start the run first.');
        return Promise.reject(new RunFailure(error));
      }
      if (plan.application.uniqueName !== session.plan.application.uniqueName) {
        const error = wizardError(
          'OtherRegistration',
          'The plan to retry is for another registration than the last run.',
          'Start a new run for it instead.',
        );
        return Promise.reject(new RunFailure(error));
      }
      session.plan = plan;
      return guarded(session, options.signal, true);
    },
    async inspect(uniqueName, { signal, onWait, resourceAppIds } = {}) {
      const send = sendFor(signal, onWait);
      // Read side by side (one batch on the wire): what the run would read first anyway.
      const [app, servicePrincipals] = await Promise.all([
        readRegistration(send, uniqueName),
        resourceAppIds ? readResourceServicePrincipals(send, resourceAppIds) : undefined,
      ]);
      inspected = {
        uniqueName,
        application: app,
        at: now(),
        ...(servicePrincipals ? { servicePrincipals } : {}),
      };
      return app ? describeExisting(app, uniqueName, now()) : null;
    },
    checkRegistration: (ref, resourceAppIds, { signal } = {}) =>
      readRegistrationSnapshot(sendFor(signal), ref, resourceAppIds, now),
    ownedApplications: ({ signal } = {}) => readOwnedApplications(sendFor(signal)),
    readPolicies({ tenantId, applicationId, signal, onWait }) {
      return readTenantPolicies(sendFor(signal, onWait), {
        tenantId,
        now: now(),
        ...(applicationId ? { applicationId } : {}),
      });
    },
    warmUp() {
      sendFor()(warmUpRequest, { permissions: WIZARD_PERMISSIONS.signIn, retryOnNetworkError: false }).catch(
        () => undefined,
      );
    },
    removeCredentials(selection, signal) {
      const application = last?.application;
      if (!application) {
        const error = wizardError(
          'NothingToChange',
          'No registration was created or updated yet.',
          'Run first.',
        );
        return Promise.reject(new RunFailure(error));
      }
      return removeCredentials(sendFor(signal), application.id, selection);
    },
    getState: () => store.getState(),
    subscribe: (listener) => store.subscribe(listener),
    markSecretSaved() {
      if (!last?.secret) return;
      last.secretSaved = true;
      // A finished run whose secret is saved leaves nothing to resume; otherwise the record protects the secret.
      if (store.getState().status === 'succeeded') records.clear();
      else persist(last);
    },
    forget() {
      if (busy) return false;
      last = undefined;
      inspected = undefined;
      store.reset();
      return true;
    },
    interruptedRun(plan: RegistrationPlan) {
      const stored = records.load();
      return stored && stored.uniqueName === plan.application.uniqueName ? stored : null;
    },
  };
}
