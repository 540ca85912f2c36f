/** The pure parts of a run: the checks before any request, the result, the resume record. */
import type { PlannedOperation } from '../plan/plan-types';
import { PreflightError } from './graph-errors';
import { describeExisting } from './existing-registration';
import { grantOf, isGrant } from './operation-kinds';
import { planFingerprint } from './run-storage';
import { required } from './run-session';
import type { RunSession } from './run-session';
import type { ConsentOutcome, ExplainedError, GrantOutcome, RunResult, StoredRun } from './run-types';

/** An error of the wizard's own (not Graph's), such as a second run while one is in progress. */
export function wizardError(code: string, message: string, action: string): ExplainedError {
  return { code, status: 0, message, meaning: message, action, kind: 'other' };
}

/** Checks that need no request; they fail before anything is written. */
export function preflight(session: RunSession): void {
  const { plan } = session;
  const { certificate } = plan.credentials;
  // A repair never sends a certificate (the checklist reports a missing one instead), and a rotation sends only the
  // one it adds. Under a trusted-CA rule the plan
  // leaves the self-signed certificate out on purpose: the admin brings one later.
  if (
    !plan.repair &&
    !plan.rotation &&
    certificate.required &&
    !certificate.credential &&
    !certificate.mustBeCaIssued
  ) {
    throw new PreflightError({
      code: 'CertificateMissing',
      status: 0,
      message: 'The plan needs a certificate, but none was given.',
      meaning:
        'Admin accounts of the chosen connectors sign in with a certificate, so the registration needs one.',
      action: 'Generate a certificate or bring your own on the certificate step, then run again.',
      kind: 'other',
    });
  }
}

/** A short random id that names this run's secrets. */
export function newRunId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Each planned grant as it ended; the overall status names the most telling failure (a 403 first). */
export function consentOutcome(
  operations: readonly PlannedOperation[],
  finished: ReadonlySet<string>,
  failures: ReadonlyMap<string, ExplainedError>,
): ConsentOutcome {
  const grants: GrantOutcome[] = operations.filter(isGrant).map((op) => {
    const error = failures.get(op.id);
    const what = grantOf(op) ?? op.id;
    if (error) return { id: op.id, what, status: 'failed', error };
    return { id: op.id, what, status: finished.has(op.id) ? 'granted' : 'not-run' };
  });
  if (grants.length === 0) return { status: 'not-requested', grants };
  const errors = grants.flatMap((g) => (g.error ? [g.error] : []));
  const forbidden = errors.find((e) => e.kind === 'consent-forbidden');
  if (forbidden) return { status: 'forbidden', grants, error: forbidden };
  const [first] = errors;
  if (first) return { status: 'failed', grants, error: first };
  return grants.every((g) => g.status === 'granted')
    ? { status: 'granted', grants }
    : { status: 'failed', grants };
}

/** The result of a run whose critical operations all finished. */
export function buildResult(
  session: RunSession,
  operations: readonly PlannedOperation[],
  failures: ReadonlyMap<string, ExplainedError>,
): RunResult {
  const application = required(session.application, 'application');
  return {
    ...(session.tenantId ? { tenantId: session.tenantId } : {}),
    application,
    servicePrincipalId: session.servicePrincipalId ?? null,
    secret: session.plan.credentials.clientSecret.add ? required(session.secret, 'secret') : null,
    consent: consentOutcome(operations, session.finished, failures),
    storedCustomKeyIdentifier: session.readBack?.storedCustomKeyIdentifier ?? null,
    drift: session.readBack?.drift ?? [],
    permissionDifferences: session.resolved?.differences ?? [],
    before: session.current
      ? describeExisting(session.current, session.plan.application.uniqueName, session.readAt ?? 0)
      : null,
  };
}

/** The resume record of a session: ids and progress, never the secret's text. */
export function storedRunOf(session: RunSession, now: number): StoredRun {
  const { resumed } = session;
  return {
    version: 1,
    runId: session.runId,
    uniqueName: session.plan.application.uniqueName,
    planFingerprint: planFingerprint(session.plan),
    applicationId: session.application?.id ?? resumed?.applicationId ?? null,
    appId: session.application?.appId ?? resumed?.appId ?? null,
    servicePrincipalId: session.servicePrincipalId ?? resumed?.servicePrincipalId ?? null,
    secret: session.secret
      ? { keyId: session.secret.keyId, displayName: session.secret.displayName, saved: session.secretSaved }
      : (resumed?.secret ?? null),
    finished: [...session.finished],
    updatedAt: now,
  };
}
