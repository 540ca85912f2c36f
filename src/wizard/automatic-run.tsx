import {
  createContext,
  useContext,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useAuth } from '../auth/use-auth';
import { clouds } from '../config/clouds';
import type { AppConfig } from '../config/config-schema';
import type { OwnedApplication, RegistrationSnapshot } from '../graph/registration-check';
import type {
  CredentialRemoval,
  CredentialRemovalResult,
  PlanRunner,
  PlanRunnerDeps,
  RunState,
  RunWaiting,
  StoredRun,
} from '../graph/run-types';
import { buildPlan } from '../plan/build-plan';
import type { ExistingRegistration, PlanInput, RegistrationPlan } from '../plan/plan-types';
import { uniqueNameFor } from '../plan/unique-name';
import type { TenantPolicies } from '../plan/tenant-policy-types';
import type * as AutomaticRunCode from './automatic-run-code';
import { CLIENT_SECRET } from './finish';
import { useUnsavedGuard } from './use-unsaved-guard';

/** Automatic mode's run, shared by the review, run and credentials steps. */
export interface AutomaticRun {
  readonly state: RunState;
  /**
   * Asks for the Graph permissions the run needs (a popup, so call it straight from a click), then starts the run.
   * Resolves once the run has started; its progress and failures are in `state`. Rejects when permission is refused.
   */
  start(plan: RegistrationPlan): Promise<void>;
  /**
   * Asks for the Graph permissions the run needs (a popup when they are not held yet, so call it straight from a
   * click), without running anything. Rejects with `AuthFailure` when permission is refused.
   */
  authorize(plan: RegistrationPlan): Promise<void>;
  /**
   * Reads what this unique name finds in the tenant, writing nothing (after `authorize`); tells its waits. Given the
   * plan about to run, it also reads what that run would read first, so the run can start without reading again.
   */
  inspect(
    uniqueName: string,
    onWait?: (waiting: RunWaiting | undefined) => void,
    plan?: RegistrationPlan,
  ): Promise<ExistingRegistration | null>;
  /** Check and repair: reads a registration by client ID or object ID (null: none has it), writing nothing. */
  check(ref: string, plan: RegistrationPlan): Promise<RegistrationSnapshot | null>;
  /** The registrations the signed-in admin owns. */
  ownedApplications(): Promise<OwnedApplication[]>;
  /**
   * Reads the tenant's consent and credential policies, writing nothing (after `authorize`). With `applicationId`,
   * the app management policies applied to that registration replace the tenant default.
   */
  readPolicies(
    applicationId?: string,
    onWait?: (waiting: RunWaiting | undefined) => void,
  ): Promise<TenantPolicies>;
  /** The first instance (2, 3, …) of the display name's unique name that no registration has yet. */
  freeInstance(displayName: string): Promise<number>;
  /**
   * Runs what failed or did not run yet again, for the last run's plan with these choices changed (e.g. a shorter
   * secret lifetime, or consent now). Progress is in `state`.
   */
  retry(change?: Partial<PlanInput>): void;
  /** Removes credentials the admin ticked from the registration the run made or updated. */
  removeCredentials(selection: CredentialRemoval): Promise<CredentialRemovalResult>;
  /** An earlier run of this registration that was interrupted, for a resume notice. */
  interruptedRun(plan: RegistrationPlan): StoredRun | null;
  /** The admin has saved the client secret; until then leaving the page asks for confirmation. */
  readonly secretSaved: boolean;
  markSecretSaved(): void;
  /**
   * Finish: forgets the last run, the client secret it made and its result. Does nothing and returns false while a
   * run is in progress.
   */
  forget(): boolean;
}

/** What of the run exists only in this page and has not been saved: the client secret, until it is copied or saved. */
export function unsavedOfRun(run: Pick<AutomaticRun, 'state' | 'secretSaved'> | null): string[] {
  return run?.state.result?.secret && !run.secretSaved ? [CLIENT_SECRET] : [];
}

const RunContext = createContext<AutomaticRun | null>(null);

/**
 * Where the run's Graph requests go: the browser's `fetch`, or the demo tenant's (which answers in the page, and
 * names runs from its seed so that the same choices give the same secrets). Only the demo provides one.
 */
export const GraphBackendContext = createContext<Pick<PlanRunnerDeps, 'fetch' | 'newRunId'> | null>(null);

/**
 * The Graph code the run needs (`automatic-run-code.ts`), which start-up loads on demand and provides together with
 * sign-in: without it, as without sign-in, there is no run.
 */
export const AutomaticRunCodeContext = createContext<typeof AutomaticRunCode | null>(null);

/** The run of automatic mode, or null where sign-in is not configured. */
export function useAutomaticRun(): AutomaticRun | null {
  return useContext(RunContext);
}

/** A run's failure is shown from `state`; the promise's rejection carries nothing more. */
const settled = (run: Promise<unknown>) => void run.catch(() => undefined);

/** Holds one plan runner for the page, wired to the signed-in account's tokens. */
export function AutomaticRunProvider({
  config,
  children,
}: {
  readonly config: AppConfig;
  readonly children: ReactNode;
}) {
  const auth = useAuth();
  const backend = useContext(GraphBackendContext);
  const code = useContext(AutomaticRunCodeContext);
  // getToken is stable for the page's lifetime, so the runner (and an interrupted run's progress) survives re-renders.
  const getToken = auth?.getToken;
  const runner: PlanRunner | null = useMemo(
    () =>
      getToken && code
        ? code.createPlanRunner({
            graphBaseUrl: clouds[config.cloud].graph,
            getToken,
            storage: window.sessionStorage,
            ...backend,
          })
        : null,
    [config.cloud, getToken, backend, code],
  );
  const idle: RunState = useMemo(() => ({ status: 'idle', operations: [] }), []);
  const state = useSyncExternalStore(
    (listener) => runner?.subscribe(listener) ?? (() => undefined),
    () => runner?.getState() ?? idle,
  );
  const [secretSaved, setSecretSaved] = useState(false);
  // The plan of the last run started: a retry changes its choices, never the registration it is for.
  const lastPlan = useRef<RegistrationPlan | null>(null);
  useUnsavedGuard(unsavedOfRun({ state, secretSaved }));

  const value = useMemo<AutomaticRun | null>(() => {
    if (!runner || !auth || !code) return null;
    // While a permission window is open, the browser's CORS check of Graph is done (see `runner.warmUp`).
    const askForRun = (plan: RegistrationPlan) =>
      auth.requestPermissions(
        code.permissionsToRun(plan),
        plan.repair
          ? 'repair the app registration'
          : plan.rotation
            ? 'rotate a credential of the app registration'
            : 'create the app registration',
        () => runner.warmUp(),
      );
    return {
      state,
      secretSaved,
      async authorize(plan) {
        await askForRun(plan);
      },
      async start(plan) {
        await askForRun(plan);
        setSecretSaved(false);
        lastPlan.current = plan;
        settled(runner.run(plan));
      },
      inspect: (uniqueName, onWait, plan) => {
        const resolve = plan?.operations.find((op) => op.kind === 'resolve-permissions');
        return runner.inspect(uniqueName, {
          ...(onWait ? { onWait } : {}),
          ...(resolve?.kind === 'resolve-permissions' ? { resourceAppIds: resolve.resourceAppIds } : {}),
        });
      },
      check: (ref, plan) => {
        const resolve = plan.operations.find((op) => op.kind === 'resolve-permissions');
        return runner.checkRegistration(
          ref,
          resolve?.kind === 'resolve-permissions' ? resolve.resourceAppIds : [],
        );
      },
      ownedApplications: () => runner.ownedApplications(),
      readPolicies(applicationId, onWait) {
        return runner.readPolicies({
          tenantId: auth.account?.tenantId ?? '',
          ...(applicationId ? { applicationId } : {}),
          ...(onWait ? { onWait } : {}),
        });
      },
      async freeInstance(displayName) {
        // A handful of reads at most: each "create a new one" choice takes the next instance.
        for (let instance = 2; instance < 100; instance++) {
          if (!(await runner.inspect(uniqueNameFor(displayName, instance)))) return instance;
        }
        throw new Error('Too many registrations have this display name; choose another name.');
      },
      retry(change = {}) {
        const last = lastPlan.current;
        if (!last) return;
        const plan = buildPlan({ ...last.input, ...change });
        lastPlan.current = plan;
        settled(runner.retry(plan));
      },
      removeCredentials: (selection) => runner.removeCredentials(selection),
      interruptedRun: (plan) => runner.interruptedRun(plan),
      markSecretSaved() {
        runner.markSecretSaved();
        setSecretSaved(true);
      },
      forget() {
        if (!runner.forget()) return false;
        lastPlan.current = null;
        setSecretSaved(false);
        return true;
      },
    };
  }, [runner, auth, code, state, secretSaved]);

  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}
