import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { testKeyCredential } from '../../test-support/graph/emulator-harness';
import { applicationSnapshot } from '../../test-support/registration-snapshot';
import { initialAnswers, type WizardAnswers } from './answers';
import { inOverlap, rotatedName, rotationPlanFor, rotationReminders, startRotation } from './rotation';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

const snapshot = applicationSnapshot(
  {
    id: '11111111-1111-4111-8111-111111111111',
    appId: '22222222-2222-4222-8222-222222222222',
    displayName: 'Kloudless Mail (portal)',
    passwordCredentials: [
      { keyId: 'old-secret', displayName: 'production', hint: 'abc', endDateTime: day(10) },
      { keyId: 'spare-secret', displayName: 'spare', hint: 'xyz', endDateTime: day(200) },
      { keyId: 'dead-secret', displayName: 'dead', hint: 'ddd', endDateTime: day(-3) },
    ],
    keyCredentials: [
      { keyId: 'cert', displayName: 'CN=portal', customKeyIdentifier: 'AAEC', endDateTime: day(400) },
    ],
  },
  NOW,
);

const answers: WizardAnswers = {
  ...initialAnswers(defaultConfig),
  path: 'repair',
  connectors: [{ id: 'outlook-mail', mode: 'admin' }],
};
const oldSecret = {
  type: 'secret',
  keyId: 'old-secret',
  displayName: 'production',
  endDateTime: day(10),
} as const;

describe('credential rotation from the checklist', () => {
  it('plans the addition of a secret for the chosen lifetime, then the removal of the old one', () => {
    const rotation = startRotation('22222222-2222-4222-8222-222222222222', oldSecret);
    expect(inOverlap(rotation)).toBe(false);
    const add = rotationPlanFor({ ...answers, secretLifetimeMonths: 12 }, defaultConfig, snapshot, rotation);
    expect(add.rotation?.stage).toBe('add');
    expect(add.operations.map((o) => o.id)).toEqual(['read-registration', 'add-password']);
    expect(add.credentials.clientSecret).toMatchObject({ add: true, lifetimeMonths: 12 });
    // A rotation changes nothing else: no lock, no consent, no certificate.
    expect(add.application.servicePrincipalLockConfiguration).toBeNull();
    expect(add.adminConsent.grantNow).toBe(false);
    expect(add.credentials.certificate.credential).toBeNull();

    const overlap = { ...rotation, newKeyId: 'new-secret' };
    expect(inOverlap(overlap)).toBe(true);
    const remove = rotationPlanFor(answers, defaultConfig, snapshot, overlap);
    expect(remove.credentials.clientSecret.add).toBe(false);
    expect(remove.operations).toEqual([
      { id: 'read-registration', kind: 'read-registration' },
      { id: 'remove-password', kind: 'remove-password', keyId: 'old-secret', keepKeyId: 'new-secret' },
    ]);
    expect(inOverlap({ ...overlap, done: true })).toBe(false);
  });

  it('carries the new certificate only while adding it', () => {
    const old = {
      type: 'certificate',
      keyId: 'cert',
      displayName: 'CN=portal',
      endDateTime: day(400),
    } as const;
    const rotation = startRotation('22222222-2222-4222-8222-222222222222', old);
    const certificate = testKeyCredential();
    const withCertificate = {
      ...answers,
      certificate: {
        source: 'uploaded',
        fileName: 'new.cer',
        certificate: { graphKeyCredential: certificate },
      },
    } as unknown as WizardAnswers;
    const add = rotationPlanFor(withCertificate, defaultConfig, snapshot, rotation);
    expect(add.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-certificate']);
    expect(add.credentials.certificate.credential).toEqual(certificate);
    expect(add.credentials.clientSecret.add).toBe(false);
    const remove = rotationPlanFor(withCertificate, defaultConfig, snapshot, {
      ...rotation,
      newKeyId: certificate.keyId,
    });
    expect(remove.credentials.certificate.credential).toBeNull();
    expect(remove.operations.at(-1)).toMatchObject({ kind: 'remove-certificate', keyId: 'cert' });
    expect(rotatedName(old)).toBe('certificate “CN=portal”');
  });

  it('reminds of the new credential and of those that stay, never of the old one or an expired one', () => {
    const added = { kind: 'secret', keyId: 'new-secret', hint: 'new', endDateTime: day(180) } as const;
    const reminders = rotationReminders(snapshot, added, 'old-secret', NOW);
    expect(reminders.map((r) => [r.keyId, r.hint])).toEqual([
      ['new-secret', 'new'],
      ['spare-secret', 'xyz'],
      // The certificate by its thumbprint in hex, as the portal shows it.
      ['cert', '000102'],
    ]);
    // Read again after the addition, the registration lists the new secret too: still one reminder for it.
    const again = {
      ...snapshot,
      application: {
        ...snapshot.application,
        passwordCredentials: [
          ...(snapshot.application.passwordCredentials ?? []),
          { keyId: 'new-secret', hint: 'new', endDateTime: day(180) },
        ],
      },
    };
    expect(
      rotationReminders(again, added, 'old-secret', NOW).filter((r) => r.keyId === 'new-secret'),
    ).toHaveLength(1);
  });
});
