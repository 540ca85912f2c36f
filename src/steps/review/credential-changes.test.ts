import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan';
import type { ExistingCredential, ExistingRegistration, PlanInput } from '../../plan/plan-types';
import { credentialChanges, defaultNewSecret } from './credential-changes';

const credential = (over: Partial<ExistingCredential>): ExistingCredential => ({
  keyId: 'k',
  displayName: 'Entra Setup Wizard 1a2b3c4d 2026-01-02',
  hint: 'abc',
  startDateTime: '2026-01-02T00:00:00Z',
  endDateTime: '2027-01-02T00:00:00Z',
  expired: false,
  madeByWizard: true,
  ...over,
});

const existing: ExistingRegistration = {
  id: 'o',
  appId: 'a',
  displayName: 'Contoso Sync',
  uniqueName: 'u',
  secrets: [
    credential({ keyId: 's1', hint: 'Xy1' }),
    credential({ keyId: 's0', hint: 'Old', expired: true, endDateTime: '2025-06-01T00:00:00Z' }),
  ],
  certificates: [
    credential({ keyId: 'c1', hint: 'AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617' }),
    credential({ keyId: 'c2', hint: '0102', madeByWizard: false, displayName: 'uploaded by hand' }),
  ],
};

const input: PlanInput = {
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Contoso Sync',
  redirectUris: ['https://api.example.com/cb'],
  grantAdminConsent: true,
};
const newCertificate = { subject: 'CN=ADomain', thumbprint: '771FE8897669578B32D203A78C41D18BA78395EA' };

describe('defaultNewSecret', () => {
  it('adds a secret only when no valid one exists, not counting an unsaved one of an interrupted run', () => {
    expect(defaultNewSecret(undefined, null)).toBe(true);
    expect(defaultNewSecret(null, null)).toBe(true);
    expect(defaultNewSecret(existing, null)).toBe(false);
    expect(defaultNewSecret(existing, 's1')).toBe(true);
    expect(defaultNewSecret({ ...existing, secrets: [existing.secrets[1]!] }, null)).toBe(true);
  });
});

describe('credentialChanges', () => {
  it('on a new registration adds the secret and the certificate and keeps nothing', () => {
    const plan = buildPlan({ ...input, existing: null });
    expect(credentialChanges(plan, null, newCertificate, 12, null)).toEqual({
      adds: [
        'a client secret valid for 12 months',
        'the certificate CN=ADomain (771FE8897669578B32D203A78C41D18BA78395EA)',
      ],
      keeps: [],
      removes: [],
    });
  });

  it('on a registration with a valid secret adds only the certificate and keeps everything', () => {
    const plan = buildPlan({ ...input, existing });
    const changes = credentialChanges(plan, existing, newCertificate, 12, null);
    expect(changes.adds).toEqual(['the certificate CN=ADomain (771FE8897669578B32D203A78C41D18BA78395EA)']);
    expect(changes.keeps).toEqual([
      'the client secret Xy1… (made by this wizard, expires 2027-01-02)',
      'the client secret Old… (made by this wizard, expired 2025-06-01)',
      'the certificate AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617 (made by this wizard, expires 2027-01-02)',
      'the certificate 0102 (not made by this wizard, expires 2027-01-02)',
    ]);
    expect(changes.removes).toEqual([]);
  });

  it('adds a secret when asked, and replaces only the unsaved secret of an interrupted run', () => {
    const plan = buildPlan({ ...input, existing, newSecret: true });
    const changes = credentialChanges(plan, existing, newCertificate, 6, 's1');
    expect(changes.adds[0]).toBe('a client secret valid for 180 days');
    expect(changes.removes).toEqual([
      'the client secret Xy1… (made by this wizard, expires 2027-01-02), which an interrupted run made and nobody saved',
    ]);
    expect(changes.keeps).toHaveLength(3);
  });

  it('does not add a certificate the registration has already', () => {
    const plan = buildPlan({ ...input, existing });
    const same = { subject: 'CN=Contoso', thumbprint: 'afa71cebaeaa59abbd5a3d7de0e00995097b6617' };
    const changes = credentialChanges(plan, existing, same, 12, null);
    expect(changes.adds).toEqual([]);
    expect(changes.keeps).toContain(
      'the certificate AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617 (made by this wizard, expires 2027-01-02), the one you chose',
    );
  });
});
