/**
 * Credential rotation from the check-and-repair checklist: the plans of its two stages (add the new credential beside
 * the old one; remove the old one once the platform uses the new one), and the expiries its calendar reminds of.
 * Pure.
 */
import type { AppConfig } from '../config/config-schema';
import type { ExpiringCredential } from '../exports/expiry-calendar';
import { describeExisting } from '../graph/existing-registration';
import type { RegistrationSnapshot } from '../graph/registration-check';
import { buildPlan } from '../plan/build-plan';
import type { RegistrationPlan, RotatedCredential } from '../plan/plan-types';
import type { TenantPolicies } from '../plan/tenant-policy-types';
import { certificateOf, redirectUriFor, type WizardAnswers } from './answers';

/** A credential of the registration as the checklist names it: with its hint or thumbprint. */
export type NamedCredential = RotatedCredential & {
  /** Secrets: the first characters Entra keeps. Certificates: the SHA-1 thumbprint in hex. */
  readonly hint: string | null;
};

/**
 * The credential the admin chose to rotate from the checklist, and how far the rotation got. Ids and dates only:
 * the new secret's text stays in the run, the new private key in the certificate answer.
 */
export interface RotationAnswer {
  /** The registration it belongs to (application (client) ID). */
  readonly appId: string;
  readonly old: RotatedCredential;
  /** The new credential's keyId once it is on the registration; null before. */
  readonly newKeyId: string | null;
  /** The old credential was removed: the rotation is over. */
  readonly done: boolean;
  /**
   * The tenant's consent and credential policies for this registration, read when the admin chose the rotation and
   * before any write; the new credential follows them. Null: not read (a rotation finished later adds nothing).
   */
  readonly policies: TenantPolicies | null;
  /**
   * A rotation finished later: the newer credential the checklist found beside the old one, which the platform is
   * to use now. Only the removal is left; nothing was added or handed over in this page. Null otherwise.
   */
  readonly replacement: NamedCredential | null;
}

/**
 * The rotation of `old` on the registration with client ID `appId`, before anything was added, with the policies
 * read for it.
 */
export function startRotation(
  appId: string,
  old: RotatedCredential,
  policies: TenantPolicies | null = null,
): RotationAnswer {
  return { appId, old, newKeyId: null, done: false, policies, replacement: null };
}

/**
 * A rotation's last stage alone: the registration holds `old` and the newer `replacement` the platform moved to
 * (perhaps days ago). Only `old` goes, and only after the admin confirms that the platform uses `replacement`.
 */
export function startRemoval(
  appId: string,
  old: RotatedCredential,
  replacement: NamedCredential,
): RotationAnswer {
  return { appId, old, newKeyId: replacement.keyId, done: false, policies: null, replacement };
}

/** The newer credential in words for the confirmation: `client secret “v2” (hint Abc…, ends on 2026-06-01)`. */
export function replacementWords(c: NamedCredential): string {
  const facts = [
    ...(c.hint ? [c.type === 'secret' ? `hint ${c.hint}…` : `thumbprint ${c.hint}`] : []),
    c.endDateTime ? `ends on ${c.endDateTime.slice(0, 10)}` : 'no end date',
  ];
  return `${rotatedName(c)} (${facts.join(', ')})`;
}

/** A new credential is on the registration and the old one is not removed yet: the overlap. */
export const inOverlap = (
  rotation: RotationAnswer | null,
): rotation is RotationAnswer & { newKeyId: string } =>
  rotation !== null && rotation.newKeyId !== null && !rotation.done;

/** The words for the rotated credential: `client secret “production”`, `certificate “CN=…”`. */
export function rotatedName(old: RotatedCredential): string {
  const kind = old.type === 'secret' ? 'client secret' : 'certificate';
  return `${kind} ${old.displayName ? `“${old.displayName}”` : old.keyId}`;
}

/**
 * The plan of the rotation's next stage on the registration as the check read it: `add` until the new credential is
 * on it, then `remove`. A new certificate is the certificate answer's public part; a new secret lasts the answers'
 * secret lifetime, capped by the tenant's policy.
 */
export function rotationPlanFor(
  answers: WizardAnswers,
  config: AppConfig,
  snapshot: RegistrationSnapshot,
  rotation: RotationAnswer,
): RegistrationPlan {
  const app = snapshot.application;
  const displayName = app.displayName ?? '';
  const base = {
    applicationId: app.id ?? '',
    appId: app.appId ?? '',
    displayName,
    current: app,
    old: rotation.old,
  };
  const certificate = certificateOf(answers.certificate)?.graphKeyCredential ?? null;
  return buildPlan({
    connectors: answers.connectors,
    displayName,
    redirectUris: answers.connectors.map((c) => redirectUriFor(answers, config, c.id)),
    secretLifetimeMonths: answers.secretLifetimeMonths,
    // The same adaptation as a setup's review: a capped lifetime, no secret where forbidden, no self-signed
    // certificate where one from a trusted authority is required.
    ...(rotation.policies ? { credentialPolicy: rotation.policies.credentials } : {}),
    ...(rotation.old.type === 'certificate'
      ? { certificate, certificateSelfSigned: answers.certificate?.source === 'generated' }
      : {}),
    rotation:
      rotation.newKeyId === null
        ? { ...base, stage: 'add' }
        : { ...base, stage: 'remove', newKeyId: rotation.newKeyId },
  });
}

/**
 * The expiries the rotation's calendar reminds of: the new credential, and every other credential of the registration
 * that still works, except the one being rotated out. Soonest first; one event per credential.
 */
export function rotationReminders(
  snapshot: RegistrationSnapshot,
  added: ExpiringCredential,
  oldKeyId: string,
  now: number,
): ExpiringCredential[] {
  const existing = describeExisting(snapshot.application, '', now);
  const others: ExpiringCredential[] = [
    ...existing.secrets.map((c) => ({ kind: 'secret' as const, c })),
    ...existing.certificates.map((c) => ({ kind: 'certificate' as const, c })),
  ].flatMap(({ kind, c }) =>
    c.endDateTime && !c.expired ? [{ kind, keyId: c.keyId, hint: c.hint, endDateTime: c.endDateTime }] : [],
  );
  const skip = new Set([oldKeyId, added.keyId].map((k) => k.toLowerCase()));
  return [added, ...others.filter((c) => !skip.has(c.keyId.toLowerCase()))]
    .filter((c) => Date.parse(c.endDateTime) > now)
    .sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
}
