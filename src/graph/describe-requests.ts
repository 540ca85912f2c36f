/**
 * The review step's "exactly what will be sent": each operation's requests from its registry entry, the same
 * builders the runner uses. Ids not known before the run are `{placeholders}`.
 */
import type { RegistrationPlan } from '../plan/plan-types';
import { kindOf, requestsOf } from './operation-kinds';
import { PLACEHOLDERS } from './request-names';
import type { RequestNames } from './request-names';

/** One request as the review step lists it. */
export interface DescribedRequest {
  readonly operationId: string;
  readonly method: string;
  /** Path and query from `/v1.0`, e.g. `/v1.0/applications/{applicationId}/addPassword`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** In place of a body that is not JSON (the logo's bytes): what it is, in words. */
  readonly binary?: string;
}

/**
 * Exactly the requests the runner sends for this plan, in operation order: on a tenant without the registration, or
 * on the one the review found (`plan.existing`), whose certificates go back with the new one. Not listed: retries,
 * and the reads that follow "already exists" answers on a re-run.
 */
export function describeRequests(
  plan: RegistrationPlan,
  names: RequestNames = PLACEHOLDERS,
): readonly DescribedRequest[] {
  return plan.operations.flatMap((op) =>
    requestsOf(op, plan, names).map((r) => ({
      operationId: op.id,
      method: r.method,
      url: r.path,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.binary ? { binary: r.binary.description } : {}),
    })),
  );
}

/**
 * The requests as HTTP-like text (method and URL, headers, then the JSON body), as the review, Repair and rotation
 * show them.
 */
export function formatRequests(graphHost: string, requests: readonly DescribedRequest[]): string {
  return requests
    .map((r) =>
      [
        `${r.method} ${graphHost}${r.url}`,
        ...Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
        ...(r.body === undefined ? [] : [JSON.stringify(r.body, null, 2)]),
        ...(r.binary === undefined ? [] : [r.binary]),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * The delegated Microsoft Graph permissions a run of this plan needs: the UI asks for consent to these before
 * `run`, so that `getToken` can stay silent.
 */
export function runPermissions(plan: RegistrationPlan): readonly string[] {
  return [...new Set(plan.operations.flatMap((op) => kindOf(op).permissions))];
}
