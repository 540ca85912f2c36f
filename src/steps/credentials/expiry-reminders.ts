import type { ExpiringCredential } from '../../exports/expiry-calendar';
import type { CreatedSecret } from '../../graph/run-types';
import type { ExistingRegistration } from '../../plan/plan-types';

interface RemindersInput {
  /** The secret the run added, if any. */
  readonly secret: CreatedSecret | null;
  /** The certificate the run sent, if any. */
  readonly certificate: {
    readonly keyId: string;
    readonly thumbprintSha1Hex: string;
    readonly endDateTime: string;
  } | null;
  /** The registration as the run found it: its credentials that still work get reminders too. */
  readonly before: ExistingRegistration | null;
  /** keyIds removed since (no reminder for a credential that is gone). */
  readonly removed: ReadonlySet<string>;
  readonly now: number;
}

/** Every expiry the run created or found, each once, the soonest first; none for credentials already expired. */
export function expiryReminders({
  secret,
  certificate,
  before,
  removed,
  now,
}: RemindersInput): ExpiringCredential[] {
  const all: ExpiringCredential[] = [
    ...(secret
      ? [{ kind: 'secret', keyId: secret.keyId, hint: secret.hint, endDateTime: secret.endDateTime } as const]
      : []),
    ...(certificate
      ? [
          {
            kind: 'certificate',
            keyId: certificate.keyId,
            hint: certificate.thumbprintSha1Hex,
            endDateTime: certificate.endDateTime,
          } as const,
        ]
      : []),
  ];
  const found = [
    ...(before?.secrets.map((s) => ({ kind: 'secret' as const, c: s })) ?? []),
    ...(before?.certificates.map((c) => ({ kind: 'certificate' as const, c })) ?? []),
  ];
  for (const { kind, c } of found) {
    if (!c.endDateTime || c.expired || removed.has(c.keyId.toLowerCase())) continue;
    const same = all.some(
      (a) =>
        a.keyId.toLowerCase() === c.keyId.toLowerCase() ||
        (kind === 'certificate' && a.kind === kind && a.hint.toUpperCase() === c.hint.toUpperCase()),
    );
    if (!same) all.push({ kind, keyId: c.keyId, hint: c.hint, endDateTime: c.endDateTime });
  }
  return all
    .filter((c) => Date.parse(c.endDateTime) > now)
    .sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
}
