import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { credentialsItem, withReplacements, type CredentialExpiry } from './checklist-credentials';
import type { RegistrationSnapshot } from './registration-check';
import { applicationSnapshot } from '../../test-support/registration-snapshot';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();
const plan = buildPlan({
  connectors: [{ id: 'outlook-mail', mode: 'admin' }],
  displayName: 'Kloudless Mail',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
});

const registration = (
  secrets: { keyId: string; end: number | null; hint?: string }[],
  certificates: { keyId: string; end: number }[] = [],
) =>
  applicationSnapshot(
    {
      id: 'app-object',
      appId: 'app-client',
      passwordCredentials: secrets.map((s) => ({
        keyId: s.keyId,
        displayName: s.keyId,
        hint: s.hint ?? null,
        endDateTime: s.end === null ? null : day(s.end),
      })),
      keyCredentials: certificates.map((c) => ({
        keyId: c.keyId,
        displayName: `CN=${c.keyId}`,
        customKeyIdentifier: 'AAEC',
        endDateTime: day(c.end),
      })),
    },
    NOW,
  );

const offers = (s: RegistrationSnapshot) =>
  (credentialsItem(s, plan, NOW).credentials ?? []).flatMap((c: CredentialExpiry) =>
    c.replacement ? [[c.keyId, c.replacement.keyId]] : [],
  );

describe('the checklist offers removing an old credential a newer one replaces', () => {
  it('offers it for an old secret ending soon beside a newer valid one, naming the newer one', () => {
    const s = registration([
      { keyId: 'old', end: 10, hint: 'abc' },
      { keyId: 'new', end: 170, hint: 'Xy9' },
    ]);
    expect(offers(s)).toEqual([['old', 'new']]);
    const item = credentialsItem(s, plan, NOW);
    expect(item.credentials?.find((c) => c.keyId === 'old')?.replacement).toMatchObject({
      keyId: 'new',
      hint: 'Xy9',
      endDateTime: day(170),
    });
    expect(item.remedy).toContain('remove the old one once the platform uses the newer one');
  });

  it('says where to add a secret or certificate the registration has none of, since there is nothing to rotate', () => {
    // SharePoint's admin accounts sign in with a certificate as well; Outlook Mail's do not.
    const withCertificate = buildPlan({
      connectors: [{ id: 'sharepoint', mode: 'admin' }],
      displayName: 'Kloudless SharePoint',
      redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
    });
    const empty = credentialsItem(registration([]), withCertificate, NOW);
    expect(empty.status).toBe('error');
    expect(empty.credentials).toEqual([]);
    expect(empty.remedy).toContain(
      'There is no client secret to rotate: add one under Certificates & secrets',
    );
    expect(empty.remedy).toContain(
      'There is no certificate to rotate: make one with this wizard’s offline mode',
    );
    expect(empty.remedy).not.toContain('Rotate each one');
    expect(empty.missingCredentials).toEqual(['secret', 'certificate']);
    const mailOnly = credentialsItem(registration([]), plan, NOW);
    expect(mailOnly.remedy).not.toContain('certificate to rotate');
    expect(mailOnly.missingCredentials).toEqual(['secret']);

    const expired = credentialsItem(registration([{ keyId: 'dead', end: -3 }]), withCertificate, NOW);
    expect(expired.remedy).toContain('Rotate each one that ends soon');
    expect(expired.remedy).not.toContain('no client secret to rotate');
    expect(expired.remedy).toContain('There is no certificate to rotate');
    // An expired secret is there to rotate: only the certificate is missing.
    expect(expired.missingCredentials).toEqual(['certificate']);
    const complete = registration([{ keyId: 'live', end: 100 }], [{ keyId: 'cert', end: 100 }]);
    expect(credentialsItem(complete, withCertificate, NOW)).not.toHaveProperty('missingCredentials');
  });

  it('offers an expired one too, and picks the newest replacement of the same type', () => {
    const s = registration(
      [
        { keyId: 'dead', end: -3 },
        { keyId: 'middle', end: 90 },
        { keyId: 'newest', end: 300 },
      ],
      [{ keyId: 'cert', end: 400 }],
    );
    expect(offers(s)).toEqual([['dead', 'newest']]);
  });

  it('never offers removing the only valid credential of its type', () => {
    // Alone; beside an expired one (which may go: it is the old one); beside one that ends sooner; beside a
    // certificate only.
    expect(offers(registration([{ keyId: 'only', end: 10 }]))).toEqual([]);
    expect(
      offers(
        registration([
          { keyId: 'soon', end: 10 },
          { keyId: 'dead', end: -1 },
        ]),
      ),
    ).toEqual([['dead', 'soon']]);
    expect(
      offers(
        registration([
          { keyId: 'later', end: 20 },
          { keyId: 'sooner', end: 5 },
        ]),
      ),
    ).toEqual([['sooner', 'later']]);
    expect(offers(registration([{ keyId: 'only', end: 10 }], [{ keyId: 'cert', end: 400 }]))).toEqual([]);
  });

  it('offers nothing for a credential that is fine, or without an end date', () => {
    const healthy: CredentialExpiry[] = withReplacements(
      credentialsItem(
        registration([
          { keyId: 'a', end: 100 },
          { keyId: 'b', end: 200 },
          { keyId: 'c', end: null },
        ]),
        plan,
        NOW,
      ).credentials ?? [],
    );
    expect(healthy.filter((c) => c.replacement)).toEqual([]);
  });
});
