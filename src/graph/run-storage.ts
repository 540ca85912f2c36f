/**
 * The resume record in sessionStorage: ids and progress only. It is written field by field, so a secret's text,
 * a token or a key can never reach Web Storage through it.
 */
import { fnv1a } from '../plan/fnv';
import type { RegistrationPlan } from '../plan/plan-types';
import type { RunStorage, StoredRun } from './run-types';

/** The one sessionStorage key the runner uses. */
export const RUN_STORAGE_KEY = 'entra-setup-wizard.run';

/** Reads and writes the resume record; storage failures (disabled, full) only lose the resume convenience. */
export interface RunRecordStore {
  load(): StoredRun | null;
  save(run: StoredRun): void;
  clear(): void;
}

/** FNV-1a of the plan's content: tells whether a stored run was for the same answers. */
export function planFingerprint(plan: RegistrationPlan): string {
  const content = JSON.stringify({
    application: plan.application,
    permissions: plan.permissions.map((p) => `${p.api}|${p.kind}|${p.name}|${p.id}`),
    certificate: plan.credentials.certificate.required,
    consent: plan.adminConsent.grantNow,
  });
  return fnv1a(content, 32);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function parseSecret(value: unknown): StoredRun['secret'] | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const s = value as Record<string, unknown>;
  if (!isString(s['keyId']) || !isString(s['displayName']) || typeof s['saved'] !== 'boolean')
    return undefined;
  return { keyId: s['keyId'], displayName: s['displayName'], saved: s['saved'] };
}

/** The record if `text` is a well-formed version-1 record, else null. */
export function parseStoredRun(text: string | null): StoredRun | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const secret = parseSecret(r['secret']);
  const finished = r['finished'];
  if (
    r['version'] !== 1 ||
    !isString(r['runId']) ||
    !isString(r['uniqueName']) ||
    !isString(r['planFingerprint']) ||
    !isStringOrNull(r['applicationId']) ||
    !isStringOrNull(r['appId']) ||
    !isStringOrNull(r['servicePrincipalId']) ||
    secret === undefined ||
    !Array.isArray(finished) ||
    !finished.every(isString) ||
    typeof r['updatedAt'] !== 'number'
  ) {
    return null;
  }
  return {
    version: 1,
    runId: r['runId'],
    uniqueName: r['uniqueName'],
    planFingerprint: r['planFingerprint'],
    applicationId: r['applicationId'],
    appId: r['appId'],
    servicePrincipalId: r['servicePrincipalId'],
    secret,
    finished,
    updatedAt: r['updatedAt'],
  };
}

/** Wraps a Storage (sessionStorage in the app); null keeps nothing. */
export function createRunRecordStore(storage: RunStorage | null): RunRecordStore {
  return {
    load() {
      try {
        return parseStoredRun(storage?.getItem(RUN_STORAGE_KEY) ?? null);
      } catch {
        return null;
      }
    },
    save(run) {
      const record: StoredRun = {
        version: 1,
        runId: run.runId,
        uniqueName: run.uniqueName,
        planFingerprint: run.planFingerprint,
        applicationId: run.applicationId,
        appId: run.appId,
        servicePrincipalId: run.servicePrincipalId,
        secret: run.secret && {
          keyId: run.secret.keyId,
          displayName: run.secret.displayName,
          saved: run.secret.saved,
        },
        finished: [...run.finished],
        updatedAt: run.updatedAt,
      };
      try {
        storage?.setItem(RUN_STORAGE_KEY, JSON.stringify(record));
      } catch {
        // Storage disabled or full: the run goes on, it just cannot be resumed after a reload.
      }
    },
    clear() {
      try {
        storage?.removeItem(RUN_STORAGE_KEY);
      } catch {
        // As above.
      }
    },
  };
}
