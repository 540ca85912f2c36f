import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import type { RotatedCredential } from '../plan/plan-types';
import type { CredentialPolicyFacts, TenantPolicies } from '../plan/tenant-policy-types';
import { testKeyCredential } from '../../test-support/graph/emulator-harness';
import { applicationSnapshot } from '../../test-support/registration-snapshot';
import { createPermissions, permissionsToRun } from './automatic-run-code';
import { initialAnswers, type CertificateAnswer, type WizardAnswers } from './answers';
import { replacementWords, rotationPlanFor, startRemoval, startRotation } from './rotation';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();
const APP_ID = '22222222-2222-4222-8222-222222222222';

const snapshot = applicationSnapshot(
  {
    id: '11111111-1111-4111-8111-111111111111',
    appId: APP_ID,
    displayName: 'Kloudless Mail (portal)',
    passwordCredentials: [
      { keyId: 'old-secret', displayName: 'production', hint: 'abc', endDateTime: day(10) },
      { keyId: 'new-secret', displayName: 'production 2', hint: 'Xy9', endDateTime: day(170) },
    ],
    keyCredentials: [
      { keyId: 'cert', displayName: 'CN=portal', customKeyIdentifier: 'AAEC', endDateTime: day(10) },
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
const oldCertificate = {
  type: 'certificate',
  keyId: 'cert',
  displayName: 'CN=portal',
  endDateTime: day(10),
} as const;

const open: CredentialPolicyFacts = {
  readable: true,
  secretsForbidden: false,
  maxSecretLifetimeDays: null,
  trustedCertificateAuthorityRequired: false,
  maxCertificateLifetimeDays: null,
  sources: ['Default app management tenant policy'],
};
/** The policies as the read at the Rotate click found them. */
const policies = (
  credentials: Partial<CredentialPolicyFacts>,
  unreadable: string[] = [],
): TenantPolicies => ({
  consent: { userConsentPolicyIds: [], policies: {}, adminConsentWorkflow: null, tenantId: 't' },
  credentials: { ...open, ...credentials },
  unreadable,
});
const addPlan = (
  p: TenantPolicies | null,
  old: RotatedCredential = oldSecret,
  extra: Partial<WizardAnswers> = {},
) => rotationPlanFor({ ...answers, ...extra }, defaultConfig, snapshot, startRotation(APP_ID, old, p));
const certificateAnswer = (source: 'generated' | 'uploaded') =>
  ({
    source,
    certificate: { graphKeyCredential: testKeyCredential() },
    ...(source === 'generated' ? { passphrase: null } : { fileName: 'new.cer' }),
  }) as unknown as CertificateAnswer;

describe('a rotation follows the tenant credential policy before any write', () => {
  it('caps the new secret to the policy maximum, and says so', () => {
    const plan = addPlan(policies({ maxSecretLifetimeDays: 90 }));
    expect(plan.credentials.clientSecret).toMatchObject({ add: true, maxLifetimeDays: 90 });
    expect(plan.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-password']);
    expect(plan.notices.find((n) => n.kind === 'secret-lifetime-capped')?.message).toContain(
      'allows client secrets of at most 90 days, so the new secret lasts 90 days',
    );
  });

  it('adds no secret where secrets are forbidden, says why and points to a certificate', () => {
    const plan = addPlan(policies({ secretsForbidden: true }));
    expect(plan.operations).toEqual([]);
    expect(plan.credentials.clientSecret).toMatchObject({ add: false, forbidden: true });
    const notice = plan.notices.find((n) => n.kind === 'secret-forbidden')?.message ?? '';
    expect(notice).toContain('forbids new client secrets, so this secret cannot be rotated');
    expect(notice).toContain('Use a certificate instead');
    // A certificate rotation is not affected.
    const cert = addPlan(policies({ secretsForbidden: true }), oldCertificate, {
      certificate: certificateAnswer('uploaded'),
    });
    expect(cert.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-certificate']);
  });

  it('never sends a self-signed certificate where one from a trusted authority is required', () => {
    const trusted = policies({ trustedCertificateAuthorityRequired: true });
    const selfSigned = addPlan(trusted, oldCertificate, { certificate: certificateAnswer('generated') });
    expect(selfSigned.operations).toEqual([]);
    expect(selfSigned.credentials.certificate).toMatchObject({ credential: null, mustBeCaIssued: true });
    expect(selfSigned.notices.find((n) => n.kind === 'trusted-ca-required')?.message).toContain(
      'request one from your certificate authority',
    );
    // One the authority issued (brought, or issued for the request made here) goes through as it is.
    const issued = addPlan(trusted, oldCertificate, { certificate: certificateAnswer('uploaded') });
    expect(issued.credentials.certificate.credential).toEqual(testKeyCredential());
    expect(issued.notices).toEqual([]);
    // The Certificate step learns it from the wizard's plan, and opens on the request to the authority.
    const rotating = { ...answers, rotation: startRotation(APP_ID, oldCertificate, trusted) };
    expect(
      rotationPlanFor(rotating, defaultConfig, snapshot, rotating.rotation).credentials.certificate
        .mustBeCaIssued,
    ).toBe(true);
  });

  it('goes on as before when the policy could not be read, or was not read', () => {
    const refused = policies({ readable: false }, [
      'the tenant’s credential policy (defaultAppManagementPolicy): Microsoft Graph answered 403 Authorization_RequestDenied',
    ]);
    for (const p of [refused, null]) {
      const plan = addPlan(p);
      expect(plan.credentials.clientSecret).toMatchObject({ add: true, maxLifetimeDays: null });
      expect(plan.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-password']);
      expect(plan.notices).toEqual([]);
    }
  });

  it('asks for the policy read with the addition only, never for the removal', () => {
    const add = addPlan(null);
    expect(permissionsToRun(add)).toEqual(createPermissions(add));
    expect(permissionsToRun(add)).toContain('Policy.Read.All');
    // A certificate rotation asks for the same at the Rotate click, before its new certificate exists.
    const noCertificateYet = addPlan(null, oldCertificate);
    expect(noCertificateYet.operations).toEqual([]);
    expect(permissionsToRun(noCertificateYet)).toEqual(permissionsToRun(add));
    const remove = rotationPlanFor(answers, defaultConfig, snapshot, {
      ...startRotation(APP_ID, oldSecret),
      newKeyId: 'new-secret',
    });
    expect(permissionsToRun(remove)).not.toContain('Policy.Read.All');
  });
});

describe('a rotation finished later', () => {
  const newer = {
    type: 'secret',
    keyId: 'new-secret',
    displayName: 'production 2',
    endDateTime: day(170),
    hint: 'Xy9',
  } as const;

  it('removes only the old credential, keeping the newer one, and adds nothing', () => {
    const rotation = startRemoval(APP_ID, oldSecret, newer);
    expect(rotation).toMatchObject({ newKeyId: 'new-secret', done: false, replacement: newer });
    const plan = rotationPlanFor(answers, defaultConfig, snapshot, rotation);
    expect(plan.credentials.clientSecret.add).toBe(false);
    expect(plan.operations).toEqual([
      { id: 'read-registration', kind: 'read-registration' },
      { id: 'remove-password', kind: 'remove-password', keyId: 'old-secret', keepKeyId: 'new-secret' },
    ]);
  });

  it('names the newer credential with its hint or thumbprint and end date', () => {
    expect(replacementWords(newer)).toBe(
      `client secret “production 2” (hint Xy9…, ends on ${day(170).slice(0, 10)})`,
    );
    expect(replacementWords({ ...newer, type: 'certificate', displayName: null, hint: 'A1B2' })).toBe(
      `certificate new-secret (thumbprint A1B2, ends on ${day(170).slice(0, 10)})`,
    );
  });
});
