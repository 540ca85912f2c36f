/**
 * The checklist's client secrets and certificates: each one's end, and for one ending soon whether a newer one
 * replaces it already (a rotation begun earlier), which rotation and its later removal plug into. Pure.
 */
import type { RegistrationPlan } from '../plan/plan-types';
import type { CheckStatus, ChecklistItem } from './checklist';
import { hexOf } from './existing-registration';
import type { RegistrationSnapshot } from './registration-check';

/** A client secret or certificate and how close it is to its end: what credential rotation plugs into. */
export interface CredentialExpiry {
  readonly keyId: string;
  readonly type: 'secret' | 'certificate';
  readonly displayName: string | null;
  readonly endDateTime: string | null;
  /** Secrets: the first characters Entra keeps. Certificates: the SHA-1 thumbprint in hex. */
  readonly hint: string | null;
  /** Whole days left; negative once expired. Null without an end date. */
  readonly daysLeft: number | null;
  readonly status: CheckStatus;
  /**
   * For one ending soon or ended: a newer valid credential of the same type that ends later, as a rotation begun
   * earlier leaves it. The checklist then offers removing this one (the rotation's last stage) rather than rotating
   * it again, which would add a third. Null otherwise.
   */
  readonly replacement: CredentialExpiry | null;
}

const DAY_MS = 86_400_000;
/** Within this many days of its end, a credential is a warning. */
export const EXPIRY_WARNING_DAYS = 30;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function expiry(
  entry: { keyId?: string | null; displayName?: string | null; endDateTime?: string | null },
  type: CredentialExpiry['type'],
  hint: string | null,
  now: number,
): CredentialExpiry {
  const end = entry.endDateTime ?? null;
  const daysLeft = end === null ? null : Math.ceil((Date.parse(end) - now) / DAY_MS);
  const expired = end !== null && Date.parse(end) <= now;
  const status: CheckStatus = expired
    ? 'error'
    : daysLeft !== null && daysLeft <= EXPIRY_WARNING_DAYS
      ? 'warning'
      : 'ok';
  return {
    keyId: entry.keyId ?? '',
    type,
    displayName: entry.displayName ?? null,
    endDateTime: end,
    hint,
    daysLeft,
    status,
    replacement: null,
  };
}

/**
 * Each credential with the newer one that replaces it, where there is one: same type, not expired, ending later.
 * Only a credential ending soon or ended gets one, so the only valid credential of its type is never offered for
 * removal (the replacement is valid, and stays).
 */
export function withReplacements(credentials: readonly CredentialExpiry[]): CredentialExpiry[] {
  const end = (c: CredentialExpiry) => (c.endDateTime ? Date.parse(c.endDateTime) : Number.NaN);
  return credentials.map((c) => {
    if (c.status === 'ok' || Number.isNaN(end(c))) return c;
    const newer = credentials
      .filter((n) => n.type === c.type && n.keyId !== c.keyId && n.status !== 'error' && end(n) > end(c))
      .sort((a, b) => end(b) - end(a))[0];
    return newer ? { ...c, replacement: newer } : c;
  });
}

const describeExpiry = (c: CredentialExpiry) => {
  const name = `${c.type === 'secret' ? 'Secret' : 'Certificate'} ${c.displayName ?? c.keyId}`;
  if (c.endDateTime === null) return `${name}: no end date`;
  const day = c.endDateTime.slice(0, 10);
  if (c.status === 'error') return `${name}: expired on ${day}`;
  return `${name}: ends on ${day} (${plural(Math.max(c.daysLeft ?? 0, 0), 'day')} left)`;
};

/**
 * What to do about the credentials: rotate those that end soon, and, for a kind the platform needs that the
 * registration has none of (nothing to rotate), where to add one.
 */
function credentialsRemedy(
  credentials: readonly CredentialExpiry[],
  missing: readonly CredentialExpiry['type'][],
  replaced: boolean,
): string {
  const none = (type: CredentialExpiry['type']) => missing.includes(type);
  return [
    ...(credentials.some((c) => c.status !== 'ok')
      ? [
          'Rotate each one that ends soon: the wizard adds a new one beside it, you give the new one to the platform, and the old one is removed only after you confirm that the platform uses the new one.',
          ...(replaced
            ? [
                'Where a newer one is on the registration already (a rotation begun earlier), remove the old one once the platform uses the newer one.',
              ]
            : []),
        ]
      : []),
    ...(none('secret')
      ? [
          'There is no client secret to rotate: add one under Certificates & secrets in the Microsoft Entra admin center (New client secret), and give it to the platform.',
        ]
      : []),
    ...(none('certificate')
      ? [
          'There is no certificate to rotate: make one with this wizard’s offline mode (its Certificate step), upload its cert.cer under Certificates & secrets, and give the platform its private key.',
        ]
      : []),
    'Repair itself does not change credentials.',
  ].join(' ');
}

/**
 * The kinds of credential the platform needs that the registration has none of, expired or not: there is nothing to
 * rotate, and one is added under Certificates & secrets instead. A certificate only when admin accounts need one.
 */
export function missingCredentials(
  credentials: readonly CredentialExpiry[],
  plan: RegistrationPlan,
): CredentialExpiry['type'][] {
  const none = (type: CredentialExpiry['type']) => !credentials.some((c) => c.type === type);
  return [
    ...(none('secret') ? (['secret'] as const) : []),
    ...(plan.credentials.certificate.required && none('certificate') ? (['certificate'] as const) : []),
  ];
}

export function credentialsItem(s: RegistrationSnapshot, plan: RegistrationPlan, now: number): ChecklistItem {
  const credentials = withReplacements([
    ...(s.application.passwordCredentials ?? []).map((p) => expiry(p, 'secret', p.hint ?? null, now)),
    ...(s.application.keyCredentials ?? []).map((k) =>
      expiry(k, 'certificate', k.customKeyIdentifier ? hexOf(k.customKeyIdentifier) : null, now),
    ),
  ]);
  const replaced = credentials.some((c) => c.replacement);
  const missing = missingCredentials(credentials, plan);
  const valid = (type: CredentialExpiry['type']) =>
    credentials.some((c) => c.type === type && c.status !== 'error');
  const problems: string[] = [];
  if (!valid('secret')) problems.push('no valid client secret');
  if (plan.credentials.certificate.required && !valid('certificate')) problems.push('no valid certificate');
  const worst: CheckStatus =
    problems.length || credentials.some((c) => c.status === 'error')
      ? 'error'
      : credentials.some((c) => c.status === 'warning')
        ? 'warning'
        : 'ok';
  const findings = [
    ...problems.map((p) => `${p[0]?.toUpperCase()}${p.slice(1)}.`),
    ...credentials.map((c) => `${describeExpiry(c)}.`),
  ];
  return {
    id: 'credentials',
    title: 'Client secrets and certificates',
    status: worst,
    finding: findings.join(' ') || 'None.',
    meaning: `The platform signs in with a client secret${plan.credentials.certificate.required ? ', and admin accounts with a certificate' : ''}; once it expires, every connection fails. Within ${EXPIRY_WARNING_DAYS} days of its end a credential is a warning, after it an error.`,
    remedy: worst === 'ok' ? 'Nothing to do.' : credentialsRemedy(credentials, missing, replaced),
    details: credentials.map((c) => ({ label: describeExpiry(c), status: c.status })),
    credentials,
    ...(missing.length ? { missingCredentials: missing } : {}),
  };
}
