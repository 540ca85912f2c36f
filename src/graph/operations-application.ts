/**
 * Operations on the application object: resolve the permissions, read the registration as it is, upsert it, read it
 * back.
 */
import type { Application, KeyCredential, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import type { GraphKeyCredential } from '../crypto/key-credential';
import type { RegistrationPlan } from '../plan/plan-types';
import { compareWithPlan } from './drift';
import { readRegistration } from './existing-registration';
import type { Send } from './existing-registration';
import { GraphResponseError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  applicationBody,
  applicationIdsRequest,
  existingRegistrationRequest,
  keptKeyCredential,
  keyCredentialBody,
  readBackRequest,
  resourceServicePrincipalRequest,
  upsertApplicationRequest,
} from './graph-requests';
import { matchPermissions } from './resolve-permissions';
import { isNotFoundLag } from './retry-policy';
import type { OperationKindEntry } from './operation-kinds';
import type { RequestNames } from './request-names';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];

/** The resource service principals of these APIs, read concurrently; a missing one (404) is null, not retried. */
export async function readResourceServicePrincipals(
  send: Send,
  resourceAppIds: readonly string[],
): Promise<ReadonlyMap<string, ServicePrincipal | null>> {
  const found = await Promise.all(
    resourceAppIds.map(async (appId): Promise<[string, ServicePrincipal | null]> => {
      try {
        const res = await send<ServicePrincipal>(resourceServicePrincipalRequest(appId), {
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
  return new Map(found);
}

/**
 * Step 1: every planned permission against the tenant's resource service principals. The review's check of the
 * tenant, moments before, may have read them already.
 */
export async function resolvePermissions(
  ctx: OperationContext,
  resourceAppIds: readonly string[],
): Promise<void> {
  const early = ctx.session.prefetched?.servicePrincipals;
  const servicePrincipals =
    early && resourceAppIds.every((appId) => early.has(appId))
      ? early
      : await readResourceServicePrincipals(ctx.send, resourceAppIds);
  const resolved = matchPermissions(ctx.session.plan, servicePrincipals);
  ctx.session.resolved = resolved;
  const count = ctx.session.plan.permissions.length;
  ctx.detail(
    resolved.differences.length
      ? `${count} permissions found; ${resolved.differences.length} have other ids in your tenant`
      : `All ${count} permissions found with the expected ids`,
  );
}

/** Step 1b, beside step 1: the registration as it is now, if the unique name finds one. */
export async function readExisting(ctx: OperationContext): Promise<void> {
  // The review's check of the tenant, moments before, read exactly this.
  const early = ctx.session.prefetched;
  const app = early
    ? early.application
    : await readRegistration(ctx.send, ctx.session.plan.application.uniqueName);
  ctx.session.current = app;
  ctx.session.readAt = early ? early.at : ctx.now();
  const certificates = app?.keyCredentials?.length ?? 0;
  const secrets = app?.passwordCredentials?.length ?? 0;
  ctx.detail(
    app
      ? `Found it, with ${certificates} certificate${certificates === 1 ? '' : 's'} and ${secrets} secret${secrets === 1 ? '' : 's'}`
      : 'No registration has this unique name yet',
  );
}

/**
 * The `keyCredentials` to send: the registration's current certificates and the plan's one. Null leaves the
 * collection as it is (no certificate in the plan, or it is on the registration already). A PATCH replaces the whole
 * collection, so leaving one out would revoke it.
 */
export function certificatesToSend(
  current: Application | null,
  credential: GraphKeyCredential | null,
  today: string,
): { readonly keyCredentials: KeyCredential[] | null; readonly keyId: string | null } {
  if (!credential) return { keyCredentials: null, keyId: null };
  const existing = current?.keyCredentials ?? [];
  const same = existing.find((k) => k.key === credential.key);
  if (same?.keyId) return { keyCredentials: null, keyId: same.keyId };
  if (existing.some((k) => !k.key || !k.keyId)) {
    throw new Error(
      'Microsoft Graph returned a certificate of the registration without its key; sending the list without it would revoke it.',
    );
  }
  const kept = existing.filter((k) => k.keyId?.toLowerCase() !== credential.keyId.toLowerCase());
  return {
    keyCredentials: [...kept.map(keptKeyCredential), keyCredentialBody(credential, today)],
    keyId: credential.keyId,
  };
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
  const current = session.current ?? null;
  const keyCredential = plan.credentials.certificate.credential;
  const certificates = certificatesToSend(
    current,
    keyCredential,
    new Date(ctx.now()).toISOString().slice(0, 10),
  );
  const body = applicationBody(
    plan.application,
    resolved.requiredResourceAccess,
    certificates.keyCredentials,
  );
  const uniqueName = plan.application.uniqueName;
  const res = await ctx.send<Application>(upsertApplicationRequest(uniqueName, body), {
    permissions,
    retryOnNetworkError: true,
    isReplicationLag: isNotFoundLag,
  });
  session.sentBody = body;
  session.sentCertificateKeyId = certificates.keyId;
  session.upsertedFor = keyCredential?.keyId ?? null;
  const kept = (certificates.keyCredentials?.length ?? 1) - 1;
  const keptNote = kept > 0 ? `; kept its ${kept} other certificate${kept === 1 ? '' : 's'}` : '';
  if (res.status === 201 && res.body?.id && res.body.appId) {
    session.application = { id: res.body.id, appId: res.body.appId, displayName: body.displayName };
    session.applicationExisted = false;
    ctx.detail('Created a new app registration');
  } else if (current?.id && current.appId) {
    // 204: it existed and was updated; the read before the write has the ids (and, when resuming, the secrets).
    session.application = { id: current.id, appId: current.appId, displayName: body.displayName };
    session.applicationExisted = true;
    if (session.secretCleanupNeeded) session.knownSecrets = current.passwordCredentials ?? [];
    ctx.detail(`Updated the existing app registration${keptNote}`);
  } else {
    // 204 although nothing was found before (it was still replicating): the ids take one read.
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
    ctx.detail(`Updated the existing app registration${keptNote}`);
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
  session.readBackOf = session.sentBody;
  ctx.detail(
    report.drift.length === 0
      ? 'The registration matches the plan'
      : `${report.drift.length} difference${report.drift.length === 1 ? '' : 's'} from the plan`,
  );
}

/** The registration the plan found, as the run will read it: its certificates' keys named, not known. */
function currentOf(plan: RegistrationPlan, names: RequestNames): Application | null {
  const existing = plan.existing;
  if (!existing) return null;
  return {
    id: existing.id,
    appId: existing.appId,
    keyCredentials: existing.certificates.map((c) => ({
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      keyId: c.keyId,
      key: names.currentKey(c.keyId),
      displayName: c.displayName,
      startDateTime: c.startDateTime,
      endDateTime: c.endDateTime,
    })),
  };
}

const certificateKeyId = (plan: RegistrationPlan) => plan.credentials.certificate.credential?.keyId ?? null;

export const resolvePermissionsKind: OperationKindEntry<'resolve-permissions'> = {
  title: () => 'Check every permission against your tenant',
  after: [],
  permissions,
  requests: (op) => op.resourceAppIds.map(resourceServicePrincipalRequest),
  run: (ctx, op) => resolvePermissions(ctx, op.resourceAppIds),
};

export const readExistingKind: OperationKindEntry<'read-existing'> = {
  title: () => 'Read the registration as it is now, if it exists',
  after: [],
  permissions,
  requests: (_op, plan) => [existingRegistrationRequest(plan.application.uniqueName)],
  run: (ctx) => readExisting(ctx),
};

export const upsertApplicationKind: OperationKindEntry<'upsert-application'> = {
  title: (_op, plan) =>
    plan.credentials.certificate.required
      ? 'Create or update the app registration, with its permissions and certificate'
      : 'Create or update the app registration, with its permissions',
  after: ['resolve-permissions', 'read-existing'],
  permissions,
  requests: (_op, plan, names) => {
    // The tenant's ids are used; they are the catalog's unless the first step reports a difference.
    const rra = plan.application.requiredResourceAccess.map((r) => ({
      resourceAppId: r.resourceAppId,
      resourceAccess: r.resourceAccess.map((a) => ({ id: a.id, type: a.type })),
    }));
    const { keyCredentials } = certificatesToSend(
      currentOf(plan, names),
      plan.credentials.certificate.credential,
      names.today,
    );
    const body = applicationBody(plan.application, rra, keyCredentials);
    return [upsertApplicationRequest(plan.application.uniqueName, body)];
  },
  run: (ctx) => upsertApplication(ctx),
  // Another certificate in the plan (a retry after a policy error) must be sent again.
  stillDone: (session) => session.upsertedFor === certificateKeyId(session.plan),
};

export const readBackKind: OperationKindEntry<'read-back'> = {
  title: () => 'Read the registration back and compare it with the plan',
  after: ['upsert-application', 'add-password'],
  permissions,
  requests: (_op, _plan, names) => [readBackRequest(names.applicationId)],
  run: (ctx) => readBack(ctx),
  // What was read back must be what the last upsert sent.
  stillDone: (session) => session.readBackOf === session.sentBody,
};
