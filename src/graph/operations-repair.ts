/**
 * The operations of a repair (check and repair an existing registration): read it again right before writing,
 * update it by object id with the merged collections, and set a unique name on a registration that has none. A
 * credential rotation reads the registration with the same `read-registration`.
 */
import type { Application } from '@microsoft/microsoft-graph-types';
import type { RegistrationPlan } from '../plan/plan-types';
import { APPLICATION_READWRITE, checkedApplicationRequest, updateApplicationRequest } from './graph-requests';
import type { OperationKindEntry } from './operation-kinds';
import { repairApplicationBody } from './repair-body';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];

/** The registration a repair or a rotation changes. */
function target(plan: RegistrationPlan) {
  return required(plan.repair ?? plan.rotation ?? undefined, 'registration to repair');
}

/** The registration as it is now, so the update merges with what it holds at this moment. */
async function readRegistration(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const repair = target(session.plan);
  const res = await ctx.send<Application>(checkedApplicationRequest(repair.applicationId, 'id'), {
    permissions,
    retryOnNetworkError: true,
  });
  const app = res.body ?? {};
  session.current = app;
  session.readAt = ctx.now();
  session.application = {
    id: repair.applicationId,
    appId: app.appId ?? repair.appId,
    displayName: app.displayName ?? repair.displayName,
  };
  // Its service principal is looked up before one is created.
  session.applicationExisted = true;
  ctx.detail(`Read ${app.displayName ?? repair.displayName}`);
}

/** One PATCH with every chosen fix; each collection sent in full (Graph replaces collections). */
async function updateApplication(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const repair = target(session.plan);
  const wanted = required(session.resolved, 'resolved permissions').requiredResourceAccess;
  const body = repairApplicationBody(
    required(session.current ?? undefined, 'registration'),
    session.plan,
    wanted,
  );
  if (!body) {
    ctx.detail('Nothing to change: the registration has it already');
    return;
  }
  await ctx.send(updateApplicationRequest(repair.applicationId, body), {
    permissions,
    retryOnNetworkError: true,
  });
  ctx.detail(`Updated ${Object.keys(body).join(', ')}`);
}

/** `uniqueName` can be set once and never changed: only on a registration that has none. */
async function setUniqueName(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const repair = target(session.plan);
  if (session.current?.uniqueName) {
    ctx.detail(`It has the unique name ${session.current.uniqueName} already`);
    return;
  }
  const uniqueName = session.plan.application.uniqueName;
  await ctx.send(updateApplicationRequest(repair.applicationId, { uniqueName }), {
    permissions,
    retryOnNetworkError: true,
  });
  ctx.detail(`Set the unique name ${uniqueName}`);
}

export const readRegistrationKind: OperationKindEntry<'read-registration'> = {
  title: () => 'Read the registration as it is now',
  after: [],
  permissions,
  requests: (_op, plan) => [checkedApplicationRequest(target(plan).applicationId, 'id')],
  run: (ctx) => readRegistration(ctx),
};

export const updateApplicationKind: OperationKindEntry<'update-application'> = {
  title: () => 'Update the app registration with what the connectors need',
  after: ['resolve-permissions', 'read-registration'],
  permissions,
  requests: (_op, plan) => {
    const repair = target(plan);
    const wanted = plan.application.requiredResourceAccess.map((r) => ({
      resourceAppId: r.resourceAppId,
      resourceAccess: r.resourceAccess.map((a) => ({ id: a.id, type: a.type })),
    }));
    const body = repairApplicationBody(repair.current, plan, wanted);
    return body ? [updateApplicationRequest(repair.applicationId, body)] : [];
  },
  run: (ctx) => updateApplication(ctx),
};

export const setUniqueNameKind: OperationKindEntry<'set-unique-name'> = {
  title: (_op, plan) => `Set the unique name ${plan.application.uniqueName} (once, for good)`,
  after: ['read-registration', 'update-application'],
  permissions,
  requests: (_op, plan) => [
    updateApplicationRequest(target(plan).applicationId, { uniqueName: plan.application.uniqueName }),
  ],
  run: (ctx) => setUniqueName(ctx),
};
