/** Operations on the application object: resolve the permissions, upsert the registration, read it back. */
import type { Application, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { compareWithPlan } from './drift';
import { GraphResponseError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  applicationBody,
  applicationIdsRequest,
  readBackRequest,
  resourceServicePrincipalRequest,
  upsertApplicationRequest,
} from './graph-requests';
import { matchPermissions } from './resolve-permissions';
import { isNotFoundLag } from './retry-policy';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];

/** Step 1: the resource service principals, read concurrently; a missing one (404) is reported, not retried. */
export async function resolvePermissions(
  ctx: OperationContext,
  resourceAppIds: readonly string[],
): Promise<void> {
  const found = await Promise.all(
    resourceAppIds.map(async (appId): Promise<[string, ServicePrincipal | null]> => {
      try {
        const res = await ctx.send<ServicePrincipal>(resourceServicePrincipalRequest(appId), {
          permissions,
          retryOnNetworkError: true,
        });
        return [appId, res.body ?? null];
      } catch (error) {
        if (error instanceof GraphResponseError && error.status === 404) return [appId, null];
        throw error;
      }
    }),
  );
  const resolved = matchPermissions(ctx.session.plan, new Map(found));
  ctx.session.resolved = resolved;
  const count = ctx.session.plan.permissions.length;
  ctx.detail(
    resolved.differences.length
      ? `${count} permissions found; ${resolved.differences.length} have other ids in your tenant`
      : `All ${count} permissions found with the expected ids`,
  );
}

/**
 * Step 2: `PATCH applications(uniqueName=…)` with `Prefer: create-if-missing`; never a POST, so a retry cannot
 * create a second registration. A 404 right after a lost answer means the first attempt created it and it is
 * replicating: retried within the budget.
 */
export async function upsertApplication(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const { plan } = session;
  const resolved = required(session.resolved, 'resolved permissions');
  const keyCredential = plan.credentials.certificate.required ? session.options.keyCredential : null;
  const body = applicationBody(plan.application, resolved.requiredResourceAccess, keyCredential);
  const uniqueName = plan.application.uniqueName;
  const res = await ctx.send<Application>(upsertApplicationRequest(uniqueName, body), {
    permissions,
    retryOnNetworkError: true,
    isReplicationLag: isNotFoundLag,
  });
  session.sentBody = body;
  session.sentCertificateKeyId = keyCredential?.keyId ?? null;
  if (res.status === 201 && res.body?.id && res.body.appId) {
    session.application = { id: res.body.id, appId: res.body.appId, displayName: body.displayName };
    session.applicationExisted = false;
    ctx.detail('Created a new app registration');
  } else {
    // 204: it existed and was updated; the ids (and, when resuming, the secrets) take one read.
    const ids = await ctx.send<Application>(applicationIdsRequest(uniqueName, session.secretCleanupNeeded), {
      permissions,
      retryOnNetworkError: true,
      isReplicationLag: isNotFoundLag,
    });
    const id = ids.body?.id;
    const appId = ids.body?.appId;
    if (!id || !appId) throw new Error('Microsoft Graph returned the application without its ids.');
    session.application = { id, appId, displayName: body.displayName };
    session.applicationExisted = true;
    if (session.secretCleanupNeeded) session.knownSecrets = ids.body?.passwordCredentials ?? [];
    ctx.detail('Updated the existing app registration');
  }
  ctx.persist();
}

/** Last step: read the registration back and list what differs from what was sent. */
export async function readBack(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const app = required(session.application, 'application');
  const res = await ctx.send<Application>(readBackRequest(app.id), {
    permissions,
    retryOnNetworkError: true,
    isReplicationLag: isNotFoundLag,
  });
  const report = compareWithPlan(res.body ?? {}, {
    body: required(session.sentBody, 'application body'),
    certificateKeyId: session.sentCertificateKeyId,
    secretKeyId: session.secret?.keyId ?? null,
  });
  session.readBack = report;
  ctx.detail(
    report.drift.length === 0
      ? 'The registration matches the plan'
      : `${report.drift.length} difference${report.drift.length === 1 ? '' : 's'} from the plan`,
  );
}
