/**
 * What a run does to the registration's credentials, in words, for the review: what it adds, what it keeps and what
 * it removes. Pure, so the review says exactly what the runner will do.
 */
import type {
  ExistingCredential,
  ExistingRegistration,
  RegistrationPlan,
  SecretLifetimeMonths,
} from '../../plan/plan-types';
import { lifetimeWords } from '../../plan/plan-types';

/** The certificate the admin made or brought on the certificate step. */
export interface NewCertificate {
  readonly subject: string;
  /** SHA-1 thumbprint, hex. */
  readonly thumbprint: string;
}

export interface CredentialChanges {
  readonly adds: readonly string[];
  readonly keeps: readonly string[];
  readonly removes: readonly string[];
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'no end date');
const by = (c: ExistingCredential) => (c.madeByWizard ? 'made by this wizard' : 'not made by this wizard');
const secretWords = (c: ExistingCredential) =>
  `the client secret ${c.hint}… (${by(c)}, ${c.expired ? 'expired' : 'expires'} ${day(c.endDateTime)})`;
const certificateWords = (c: ExistingCredential) =>
  `the certificate ${c.hint} (${by(c)}, ${c.expired ? 'expired' : 'expires'} ${day(c.endDateTime)})`;

/**
 * A client secret is added by default only when none is valid: the platform already holds a valid one. A secret an
 * interrupted run made that nobody saved does not count: nobody holds it, and the run replaces it.
 */
export function defaultNewSecret(
  existing: ExistingRegistration | null | undefined,
  unsavedSecretKeyId: string | null,
): boolean {
  return !existing?.secrets.some((s) => !s.expired && s.keyId !== unsavedSecretKeyId);
}

/** The run's credential changes for this plan on this registration (null: a new one). */
export function credentialChanges(
  plan: RegistrationPlan,
  existing: ExistingRegistration | null,
  newCertificate: NewCertificate | null,
  secretLifetimeMonths: SecretLifetimeMonths,
  unsavedSecretKeyId: string | null,
): CredentialChanges {
  const adds: string[] = [];
  const keeps: string[] = [];
  const removes: string[] = [];
  const secrets = existing?.secrets ?? [];
  const unsaved = secrets.find((s) => s.keyId === unsavedSecretKeyId);

  if (plan.credentials.clientSecret.add)
    adds.push(`a client secret valid for ${lifetimeWords(secretLifetimeMonths)}`);
  for (const s of secrets) {
    if (s === unsaved && plan.credentials.clientSecret.add) {
      removes.push(`${secretWords(s)}, which an interrupted run made and nobody saved`);
    } else keeps.push(secretWords(s));
  }

  const certificates = existing?.certificates ?? [];
  const thumbprint = newCertificate?.thumbprint.toUpperCase();
  const already = certificates.some((c) => c.hint.toUpperCase() === thumbprint);
  if (plan.credentials.certificate.required && newCertificate && !already) {
    adds.push(`the certificate ${newCertificate.subject} (${newCertificate.thumbprint})`);
  }
  for (const c of certificates) {
    keeps.push(
      c.hint.toUpperCase() === thumbprint ? `${certificateWords(c)}, the one you chose` : certificateWords(c),
    );
  }
  return { adds, keeps, removes };
}
