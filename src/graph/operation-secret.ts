/**
 * Step 3a: the client secret. `addPassword` is not idempotent (G3), so it is never blindly repeated: when an
 * answer may have been lost (a dropped connection, a reload), this run's secrets are read and removed first, so
 * exactly one live secret of this run remains. A secret the user saved is never removed.
 */
import type { Application, PasswordCredential } from '@microsoft/microsoft-graph-types';
import { GraphNetworkError, GraphResponseError } from './graph-errors';
import {
  addPasswordRequest,
  APPLICATION_READWRITE,
  isSecretOfRun,
  passwordCredentialsRequest,
  removePasswordRequest,
  secretDisplayName,
} from './graph-requests';
import { lifetimeWords, secretLifetimeDays, type SecretLifetimeMonths } from '../plan/plan-types';
import type { OperationKindEntry } from './operation-kinds';
import { isNotFoundLag } from './retry-policy';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];
/** addPassword attempts after lost answers; each is preceded by a cleanup. */
const MAX_ADD_ATTEMPTS = 3;

/** `now` plus `months` calendar months (UTC), the day clamped to the target month's length. */
export function addMonths(now: number, months: number): Date {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}

/**
 * How many days the plan's secret lasts when that is a fixed number of days: the tenant's cap when it is shorter than
 * the chosen lifetime, or the recommended 180 days. Null: whole calendar months.
 */
export function secretDays(secret: {
  readonly lifetimeMonths: SecretLifetimeMonths;
  readonly maxLifetimeDays: number | null;
}): number | null {
  return secret.maxLifetimeDays ?? secretLifetimeDays(secret.lifetimeMonths);
}

/** When the plan's secret ends: its lifetime in days or calendar months, or the tenant's cap when that is shorter. */
export function secretEnd(
  now: number,
  secret: { readonly lifetimeMonths: SecretLifetimeMonths; readonly maxLifetimeDays: number | null },
): Date {
  const days = secretDays(secret);
  return days === null ? addMonths(now, secret.lifetimeMonths) : new Date(now + days * 86_400_000);
}

/** The keyIds of secrets to remove: this run's, except the one in memory and one the user saved. */
async function staleSecrets(ctx: OperationContext, applicationId: string): Promise<string[]> {
  const { session } = ctx;
  if (!session.secretCleanupNeeded) return [];
  let secrets = session.knownSecrets;
  session.knownSecrets = undefined;
  if (!secrets) {
    const res = await ctx.send<Application>(passwordCredentialsRequest(applicationId), {
      permissions,
      retryOnNetworkError: true,
      isReplicationLag: isNotFoundLag,
    });
    secrets = res.body?.passwordCredentials ?? [];
  }
  const stored = session.resumed?.secret;
  const keep = new Set(
    [session.secret?.keyId, stored?.saved ? stored.keyId : undefined].flatMap((k) =>
      k ? [k.toLowerCase()] : [],
    ),
  );
  return secrets
    .filter(
      (s) => isSecretOfRun(s.displayName, session.runId) || (!stored?.saved && s.keyId === stored?.keyId),
    )
    .flatMap((s) => (s.keyId && !keep.has(s.keyId.toLowerCase()) ? [s.keyId] : []));
}

/** removePassword can be repeated safely: a 404 means the secret is already gone. */
async function removeSecret(ctx: OperationContext, applicationId: string, keyId: string): Promise<void> {
  try {
    await ctx.send(removePasswordRequest(applicationId, keyId), { permissions, retryOnNetworkError: true });
  } catch (error) {
    if (!(error instanceof GraphResponseError && error.status === 404)) throw error;
  }
}

async function removeAll(
  ctx: OperationContext,
  applicationId: string,
  keyIds: readonly string[],
): Promise<void> {
  await Promise.all(keyIds.map((keyId) => removeSecret(ctx, applicationId, keyId)));
}

/** Adds the run's secret (once) and removes the ones a lost answer or an interrupted run left behind. */
export async function addClientSecret(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const app = required(session.application, 'application');
  for (let attempt = 1; ; attempt++) {
    const stale = await staleSecrets(ctx, app.id);
    if (session.secret) {
      // A retry after a failed cleanup: the secret exists, only the leftovers go.
      await removeAll(ctx, app.id, stale);
      session.secretCleanupNeeded = false;
      return;
    }
    const now = ctx.now();
    const displayName = secretDisplayName(session.runId, new Date(now).toISOString().slice(0, 10));
    const endDateTime = secretEnd(now, session.plan.credentials.clientSecret).toISOString();
    // Removing leftovers and adding the new secret touch different keyIds, so they run together.
    const [added, removed] = await Promise.allSettled([
      ctx.send<PasswordCredential>(addPasswordRequest(app.id, displayName, endDateTime), {
        permissions,
        retryOnNetworkError: false,
        isReplicationLag: isNotFoundLag,
      }),
      removeAll(ctx, app.id, stale),
    ]);
    if (added.status === 'rejected') {
      const error: unknown = added.reason;
      // No answer: the secret may exist. Any other failure (an error answer) created nothing.
      if (!(error instanceof GraphResponseError)) session.secretCleanupNeeded = true;
      if (error instanceof GraphNetworkError && attempt < MAX_ADD_ATTEMPTS) continue;
      throw error;
    }
    const pc = added.value.body;
    if (!pc?.keyId || !pc.secretText)
      throw new Error('Microsoft Graph returned the secret without its text.');
    session.secret = {
      keyId: pc.keyId,
      secretText: pc.secretText,
      hint: pc.hint ?? pc.secretText.slice(0, 3),
      endDateTime: pc.endDateTime ?? endDateTime,
      displayName: pc.displayName ?? displayName,
    };
    session.secretSaved = false;
    session.secretCleanupNeeded = removed.status === 'rejected';
    ctx.persist();
    if (removed.status === 'rejected') throw removed.reason;
    const { lifetimeMonths, maxLifetimeDays } = session.plan.credentials.clientSecret;
    ctx.detail(
      `Created a secret valid for ${maxLifetimeDays === null ? lifetimeWords(lifetimeMonths) : `${maxLifetimeDays} days (the tenant's policy)`}` +
        (stale.length
          ? `; removed ${stale.length} unsaved secret${stale.length === 1 ? '' : 's'} of an earlier attempt`
          : ''),
    );
    return;
  }
}

export const addPasswordKind: OperationKindEntry<'add-password'> = {
  title: () => 'Create the client secret',
  // A setup's secret goes on the registration the upsert made; a rotation's on the one it read.
  after: ['upsert-application', 'read-registration'],
  permissions,
  requests: (_op, plan, names) => {
    const days = secretDays(plan.credentials.clientSecret);
    return [
      addPasswordRequest(
        names.applicationId,
        secretDisplayName(names.runId, names.today),
        days === null
          ? names.secretEnd(plan.credentials.clientSecret.lifetimeMonths)
          : names.secretEndDays(days),
      ),
    ];
  },
  run: (ctx) => addClientSecret(ctx),
};
