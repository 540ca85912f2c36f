import { describe, expect, it } from 'vitest';
import type { GraphKeyCredential } from '../crypto/key-credential';
import { buildPlan } from './build-plan';
import type { PlanInput } from './plan-types';
import type { CredentialPolicyFacts } from './tenant-policy-types';

const open: CredentialPolicyFacts = {
  readable: true,
  secretsForbidden: false,
  maxSecretLifetimeDays: null,
  trustedCertificateAuthorityRequired: false,
  maxCertificateLifetimeDays: null,
  sources: ['Default app management tenant policy'],
};
const certificate = { key: 'AAAA', type: 'AsymmetricX509Cert', usage: 'Verify' } as GraphKeyCredential;
const plan = (policy: Partial<CredentialPolicyFacts>, input: Partial<PlanInput> = {}) =>
  buildPlan({
    connectors: [{ id: 'sharepoint', mode: 'admin' }],
    displayName: 'Contoso Sync',
    redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
    certificate,
    certificateSelfSigned: true,
    credentialPolicy: { ...open, ...policy },
    ...input,
  });

describe('the plan follows the tenant credential policy', () => {
  it('caps the secret lifetime to the policy maximum, and says so', () => {
    const capped = plan({ maxSecretLifetimeDays: 90 }, { secretLifetimeMonths: 12 });
    expect(capped.credentials.clientSecret).toEqual({
      add: true,
      lifetimeMonths: 12,
      maxLifetimeDays: 90,
      forbidden: false,
    });
    expect(capped.notices.find((n) => n.kind === 'secret-lifetime-capped')?.message).toContain(
      'at most 90 days',
    );
    // The recommended lifetime is exactly 180 days: a cap of 180 changes nothing, a cap of 179 applies.
    expect(plan({ maxSecretLifetimeDays: 180 }).credentials.clientSecret.maxLifetimeDays).toBeNull();
    expect(plan({ maxSecretLifetimeDays: 179 }).credentials.clientSecret.maxLifetimeDays).toBe(179);
    expect(
      plan({ maxSecretLifetimeDays: 179 })
        .notices.map((n) => n.message)
        .join(' '),
    ).toContain('the new secret lasts 179 days instead of 180 days');
    // 12 months can be 366 days: a 365-day cap applies.
    expect(
      plan({ maxSecretLifetimeDays: 365 }, { secretLifetimeMonths: 12 }).credentials.clientSecret
        .maxLifetimeDays,
    ).toBe(365);
  });

  it('skips the secret and explains when secrets are forbidden', () => {
    const p = plan({ secretsForbidden: true });
    expect(p.credentials.clientSecret).toMatchObject({ add: false, forbidden: true });
    expect(p.operations.map((o) => o.kind)).not.toContain('add-password');
    expect(p.notices.find((n) => n.kind === 'secret-forbidden')?.message).toContain('forbids client secrets');
  });

  it('leaves a self-signed certificate out under a trusted-CA rule, but keeps one the admin brought', () => {
    const p = plan({ trustedCertificateAuthorityRequired: true });
    expect(p.credentials.certificate).toMatchObject({
      required: true,
      credential: null,
      mustBeCaIssued: true,
    });
    expect(p.notices.map((n) => n.kind)).toContain('trusted-ca-required');
    const brought = plan({ trustedCertificateAuthorityRequired: true }, { certificateSelfSigned: false });
    expect(brought.credentials.certificate.credential).toBe(certificate);
    expect(brought.notices.map((n) => n.kind)).not.toContain('trusted-ca-required');
    // A signing request still waiting for its certificate: the notice stays.
    const waiting = plan(
      { trustedCertificateAuthorityRequired: true },
      { certificate: null, certificateSelfSigned: false },
    );
    expect(waiting.notices.map((n) => n.kind)).toContain('trusted-ca-required');
  });

  it('changes nothing without restrictions or before the policy was read', () => {
    for (const p of [plan({}), plan({}, { credentialPolicy: undefined })]) {
      expect(p.notices.filter((n) => n.kind !== 'retired-api')).toEqual([]);
      expect(p.credentials.clientSecret).toMatchObject({
        add: true,
        maxLifetimeDays: null,
        forbidden: false,
      });
      expect(p.credentials.certificate.credential).toBe(certificate);
    }
  });
});
