/**
 * The registry of operation kinds: everything about one kind of planned operation, in one entry. The scheduler, the
 * progress list, the review's request list, the run's permissions and the consent outcome all read it; none of them
 * switches over the kinds.
 *
 * Adding an operation kind (for example "remove an old secret"):
 * 1. Add its variant to `PlannedOperation` in `plan/plan-types.ts`, and make `buildPlan` (`plan/operations.ts`) emit
 *    it where the admin's answers call for it. `buildPlan` is the only place that decides which operations exist.
 * 2. Write its {@link OperationKindEntry} next to the code that runs it, and add it to {@link operationKinds}. The
 *    compiler refuses the registry until every kind has an entry, and `operation-kinds.test.ts` walks every entry.
 * Nothing else changes.
 */
import type { OperationKind, OperationOf, PlannedOperation, RegistrationPlan } from '../plan/plan-types';
import type { GraphRequest } from './graph-requests';
import {
  readBackKind,
  readExistingKind,
  resolvePermissionsKind,
  upsertApplicationKind,
} from './operations-application';
import { ensureServicePrincipalKind, grantAppRolesKind, grantDelegatedKind } from './operations-consent';
import { uploadLogoKind } from './operation-logo';
import { addPasswordKind } from './operation-secret';
import { readRegistrationKind, setUniqueNameKind, updateApplicationKind } from './operations-repair';
import { addCertificateKind, removeCertificateKind, removePasswordKind } from './operations-rotation';
import type { RequestNames } from './request-names';
import type { OperationContext, RunSession } from './run-session';

/** What the runner, the review and the exports know about one kind of operation. */
export interface OperationKindEntry<K extends OperationKind> {
  /** What it does, in plain words, for the progress list. */
  readonly title: (op: OperationOf<K>, plan: RegistrationPlan) => string;
  /** The kinds whose operations (those in the plan) must finish before it starts. */
  readonly after: readonly OperationKind[];
  /**
   * Present on grants only: what it grants, e.g. "Microsoft Graph application permissions". A grant's failure leaves
   * a usable registration, so the run still succeeds and names what was not granted.
   */
  readonly grants?: (op: OperationOf<K>) => string;
  /** The wizard's delegated Graph permissions it needs (the UI asks for them before the run). */
  readonly permissions: readonly string[];
  /**
   * The requests it sends on a tenant as the review found it, ids the run learns as it goes given by `names`: for the
   * review's "exactly what will be sent" and for the exports. Retries and the reads that follow "already exists"
   * answers are not listed.
   */
  readonly requests: (
    op: OperationOf<K>,
    plan: RegistrationPlan,
    names: RequestNames,
  ) => readonly GraphRequest[];
  /** Executes it; it reads what earlier operations learned from `ctx.session` and adds to it. */
  readonly run: (ctx: OperationContext, op: OperationOf<K>) => Promise<void>;
  /**
   * Whether its finished work still stands for the session's (perhaps changed) plan, e.g. the upsert sent another
   * certificate than the plan now has. Absent: finished once is finished.
   */
  readonly stillDone?: (session: RunSession, op: OperationOf<K>) => boolean;
}

/** One entry per kind. */
export type OperationKinds = { readonly [K in OperationKind]: OperationKindEntry<K> };

export const operationKinds: OperationKinds = {
  'resolve-permissions': resolvePermissionsKind,
  'read-existing': readExistingKind,
  'upsert-application': upsertApplicationKind,
  'add-password': addPasswordKind,
  'ensure-service-principal': ensureServicePrincipalKind,
  'grant-delegated': grantDelegatedKind,
  'grant-app-roles': grantAppRolesKind,
  'read-back': readBackKind,
  'read-registration': readRegistrationKind,
  'update-application': updateApplicationKind,
  'set-unique-name': setUniqueNameKind,
  'add-certificate': addCertificateKind,
  'remove-password': removePasswordKind,
  'remove-certificate': removeCertificateKind,
  'upload-logo': uploadLogoKind,
};

/** The entry of an operation's kind, typed for that operation. */
export function kindOf<K extends OperationKind>(op: OperationOf<K>): OperationKindEntry<K> {
  return operationKinds[op.kind as K] as unknown as OperationKindEntry<K>;
}

/** True for the consent operations. */
export const isGrant = (op: PlannedOperation): boolean => kindOf(op).grants !== undefined;

/** What a grant grants; undefined for the other operations. */
export function grantOf(op: PlannedOperation): string | undefined {
  return (kindOf(op).grants as ((o: PlannedOperation) => string) | undefined)?.(op);
}

/** The ids of the plan's operations that must finish before `op` starts. */
export function dependenciesOf(op: PlannedOperation, operations: readonly PlannedOperation[]): string[] {
  const after = new Set<OperationKind>(kindOf(op).after);
  return operations.filter((o) => after.has(o.kind)).map((o) => o.id);
}

/** Whether the session has finished `op` and that work still stands for its plan. */
export function isDone(session: RunSession, op: PlannedOperation): boolean {
  const stillDone = kindOf(op).stillDone as ((s: RunSession, o: PlannedOperation) => boolean) | undefined;
  return session.finished.has(op.id) && (stillDone?.(session, op) ?? true);
}

/** Runs one operation through its entry. */
export function runOperation(ctx: OperationContext, op: PlannedOperation): Promise<void> {
  return (kindOf(op).run as (c: OperationContext, o: PlannedOperation) => Promise<void>)(ctx, op);
}

/** The title of one operation. */
export function titleOf(op: PlannedOperation, plan: RegistrationPlan): string {
  return (kindOf(op).title as (o: PlannedOperation, p: RegistrationPlan) => string)(op, plan);
}

/** The requests of one operation. */
export function requestsOf(
  op: PlannedOperation,
  plan: RegistrationPlan,
  names: RequestNames,
): readonly GraphRequest[] {
  const requests = kindOf(op).requests as (
    o: PlannedOperation,
    p: RegistrationPlan,
    n: RequestNames,
  ) => readonly GraphRequest[];
  return requests(op, plan, names);
}
