/**
 * The operations of a credential rotation with overlap, after `read-registration` has read the registration right
 * before writing: add the new certificate beside the ones it has (a new secret is the setup's `add-password`), and,
 * once the admin confirms that the platform uses the new credential, remove the old one. A removal first checks that
 * the new credential is still on the registration: the platform would otherwise be left with nothing to sign in with.
 */
import type { Application, KeyCredential } from '@microsoft/microsoft-graph-types';
import type { OperationOf, RegistrationPlan, RotationInput } from '../plan/plan-types';
import { GraphResponseError, PreflightError } from './graph-errors';
import {
  APPLICATION_READWRITE,
  keptKeyCredential,
  removePasswordRequest,
  setKeyCredentialsRequest,
} from './graph-requests';
import type { OperationKindEntry } from './operation-kinds';
import { certificatesToSend } from './operations-application';
import type { RequestNames } from './request-names';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];
const options = { permissions, retryOnNetworkError: true } as const;

const same = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/** The rotation a plan runs; a rotation operation in another plan is a bug in `buildPlan`. */
export function rotationOf(plan: RegistrationPlan): RotationInput {
  return required(plan.rotation ?? undefined, 'credential to rotate');
}

/** The registration as the check read it, its certificates' keys named (the review shows names, not base64). */
function namedKeys(current: Application, names: RequestNames): Application {
  return {
    ...current,
    keyCredentials: (current.keyCredentials ?? []).map((k) => ({
      ...k,
      key: k.keyId ? names.currentKey(k.keyId) : k.key,
    })),
  };
}

/** The new certificate's public part, which the plan carries while adding one. */
const newCertificate = (plan: RegistrationPlan) =>
  required(plan.credentials.certificate.credential ?? undefined, 'new certificate');

/** One PATCH of `keyCredentials`: every certificate the registration has now, and the new one. */
async function addCertificate(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const rotation = rotationOf(session.plan);
  const credential = newCertificate(session.plan);
  const current = required(session.current ?? undefined, 'registration');
  const today = new Date(ctx.now()).toISOString().slice(0, 10);
  const { keyCredentials, keyId } = certificatesToSend(current, credential, today);
  session.sentCertificateKeyId = keyId;
  if (!keyCredentials) {
    ctx.detail('The registration has this certificate already');
    return;
  }
  // The whole list again on a retry gives the same list: safe to repeat.
  await ctx.send(setKeyCredentialsRequest(rotation.applicationId, keyCredentials), options);
  const kept = keyCredentials.length - 1;
  ctx.detail(
    `Added the new certificate${kept ? `; kept the ${kept} other${kept === 1 ? '' : 's'}` : ''}, the old one included`,
  );
}

/** Refuses to remove anything while the credential that replaces it is not on the registration. */
function checkReplacement(
  entries: readonly { readonly keyId?: string | null }[],
  op: OperationOf<'remove-password' | 'remove-certificate'>,
  what: 'secret' | 'certificate',
): void {
  if (entries.some((e) => same(e.keyId, op.keepKeyId))) return;
  throw new PreflightError({
    code: 'NewCredentialMissing',
    status: 0,
    message: `The new ${what} (${op.keepKeyId}) is not on the registration any more.`,
    meaning: `Someone removed the new ${what} since it was added. Removing the old one now would leave the platform without a ${what} that works, so nothing was removed.`,
    action: 'Check the registration again, and rotate again from the checklist.',
    kind: 'other',
  });
}

/** `removePassword` of the old secret; already gone (404) is what was asked for. */
async function removeOldSecret(ctx: OperationContext, op: OperationOf<'remove-password'>): Promise<void> {
  const { session } = ctx;
  const rotation = rotationOf(session.plan);
  const secrets = required(session.current ?? undefined, 'registration').passwordCredentials ?? [];
  checkReplacement(secrets, op, 'secret');
  const old = secrets.find((s) => same(s.keyId, op.keyId));
  if (!old) {
    ctx.detail('The old secret was removed already');
    return;
  }
  try {
    await ctx.send(removePasswordRequest(rotation.applicationId, op.keyId), options);
  } catch (error) {
    if (!(error instanceof GraphResponseError && error.status === 404)) throw error;
  }
  ctx.detail(`Removed the old secret ${old.hint ? `${old.hint}…` : op.keyId}`);
}

/** The certificates to send back without the old one, or null when it is gone already. */
function withoutCertificate(keys: readonly KeyCredential[], keyId: string): KeyCredential[] | null {
  if (!keys.some((k) => same(k.keyId, keyId))) return null;
  if (keys.some((k) => !k.key || !k.keyId)) {
    throw new Error('Microsoft Graph returned a certificate without its key; nothing was changed.');
  }
  return keys.filter((k) => !same(k.keyId, keyId)).map(keptKeyCredential);
}

/** One PATCH of `keyCredentials` with every certificate but the old one (Graph replaces the whole list). */
async function removeOldCertificate(
  ctx: OperationContext,
  op: OperationOf<'remove-certificate'>,
): Promise<void> {
  const { session } = ctx;
  const rotation = rotationOf(session.plan);
  const keys = required(session.current ?? undefined, 'registration').keyCredentials ?? [];
  checkReplacement(keys, op, 'certificate');
  const kept = withoutCertificate(keys, op.keyId);
  if (!kept) {
    ctx.detail('The old certificate was removed already');
    return;
  }
  await ctx.send(setKeyCredentialsRequest(rotation.applicationId, kept), options);
  ctx.detail(`Removed the old certificate; kept ${kept.length}`);
}

const nameOf = (plan: RegistrationPlan) => {
  const { old } = rotationOf(plan);
  return old.displayName ? `“${old.displayName}”` : old.keyId;
};

export const addCertificateKind: OperationKindEntry<'add-certificate'> = {
  title: (_op, plan) => `Add the new certificate beside the old one (${nameOf(plan)})`,
  after: ['read-registration'],
  permissions,
  requests: (_op, plan, names) => {
    const rotation = rotationOf(plan);
    const { keyCredentials } = certificatesToSend(
      namedKeys(rotation.current, names),
      newCertificate(plan),
      names.today,
    );
    return keyCredentials ? [setKeyCredentialsRequest(rotation.applicationId, keyCredentials)] : [];
  },
  run: (ctx) => addCertificate(ctx),
};

export const removePasswordKind: OperationKindEntry<'remove-password'> = {
  title: (_op, plan) => `Remove the old client secret ${nameOf(plan)}`,
  after: ['read-registration'],
  permissions,
  requests: (op, plan) => [removePasswordRequest(rotationOf(plan).applicationId, op.keyId)],
  run: (ctx, op) => removeOldSecret(ctx, op),
};

export const removeCertificateKind: OperationKindEntry<'remove-certificate'> = {
  title: (_op, plan) => `Remove the old certificate ${nameOf(plan)}`,
  after: ['read-registration'],
  permissions,
  requests: (op, plan, names) => {
    const rotation = rotationOf(plan);
    const current = namedKeys(rotation.current, names).keyCredentials ?? [];
    const kept = current.filter((k) => !same(k.keyId, op.keyId)).map(keptKeyCredential);
    return [setKeyCredentialsRequest(rotation.applicationId, kept)];
  },
  run: (ctx, op) => removeOldCertificate(ctx, op),
};
