import { describe, expect, it } from 'vitest';
import type { ConnectorId, ConnectorMode } from '../catalog/connectors';
import type { EmulatorOptions } from '../demo/emulator/emulator';
import type { UserConsentSetting } from '../demo/emulator/types';
import { consentReadiness, type ConsentOutcome } from '../plan/consent-readiness';
import {
  adminSharePointPlan,
  createHarness,
  graphWrites,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';
import { durationDays } from './tenant-policies';

const POLICY_SCOPES = ['Application.ReadWrite.All', 'Policy.Read.All'];

/** Reads the emulated tenant's policies the way the review does, with a token for Create's permissions. */
async function readPolicies(emulator: EmulatorOptions = {}, scopes = POLICY_SCOPES) {
  const harness = createHarness({ emulator });
  const token = harness.emu.mintAccessToken({ scopes });
  const runner = harness.createRunner({ getToken: () => token });
  const policies = await runner.readPolicies({ tenantId: harness.emu.tenantId });
  return { ...harness, runner, policies };
}

const userModes: ConnectorId[] = [
  'onedrive',
  'onedrive-business',
  'outlook-calendar',
  'outlook-mail',
  'sharepoint',
];
/** Admin modes with application permissions (OneDrive's admin mode has delegated ones only). */
const adminModes: ConnectorId[] = [
  'onedrive-business',
  'outlook-calendar',
  'outlook-mail',
  'sharepoint',
  'teams',
];

/** The outcome for every connector and mode the catalog has, under one user consent setting. */
async function outcomes(setting: UserConsentSetting) {
  const { policies } = await readPolicies({ tenant: { userConsent: setting } });
  const of = (id: ConnectorId, mode: ConnectorMode) =>
    consentReadiness([{ id, mode }], policies.consent).connectors[0]!;
  return { policies, of };
}

describe('tenant readiness: user consent per connector and mode', () => {
  it.each<[UserConsentSetting, ConsentOutcome]>([
    ['off', 'users-cannot-consent'],
    ['legacy', 'users-can-consent'],
    ['low', 'depends'],
    ['recommended', 'users-cannot-consent'],
  ])(
    'user consent %s: every user mode is %s, every admin mode needs an administrator',
    async (setting, expected) => {
      const { of, policies } = await outcomes(setting);
      expect(policies.unreadable).toEqual([]);
      for (const id of userModes) expect(of(id, 'user').outcome, `${id} user`).toBe(expected);
      for (const id of adminModes)
        expect(of(id, 'admin').outcome, `${id} admin`).toBe('admin-consent-required');
      const readiness = consentReadiness(
        userModes.map((id) => ({ id, mode: 'user' as const })),
        policies.consent,
      );
      expect(readiness.recommendConsentNow).toBe(expected !== 'users-can-consent');
      expect(readiness.settingsDecide).toBe(expected !== 'users-can-consent');
    },
  );

  it('recommends consent for an admin-only permission, but only the settings are news to the review', async () => {
    const { policies } = await outcomes('legacy');
    // Teams' users need ChannelMessage.ReadWrite, which only an administrator can grant: the plan says so already.
    const readiness = consentReadiness(
      [
        { id: 'teams', mode: 'user' },
        { id: 'outlook-mail', mode: 'user' },
      ],
      policies.consent,
    );
    expect(readiness.connectors.map((c) => c.outcome)).toEqual([
      'admin-consent-required',
      'users-can-consent',
    ]);
    expect(readiness.recommendConsentNow).toBe(true);
    expect(readiness.settingsDecide).toBe(false);
  });

  it('names the permissions the Microsoft-managed policy keeps from users, per connector', async () => {
    const { of } = await outcomes('recommended');
    expect(of('sharepoint', 'user').blocking).toEqual(['Files.ReadWrite.All']);
    expect(of('onedrive', 'user').blocking).toEqual(['Files.ReadWrite.All']);
    expect(of('outlook-calendar', 'user').blocking).toEqual(['Calendars.ReadWrite']);
    expect(of('outlook-mail', 'user').blocking).toEqual(['Mail.ReadWrite']);
    expect(of('outlook-mail', 'user').text).toContain('Need admin approval');
  });

  it('says what the low-impact policy depends on', async () => {
    const { of } = await outcomes('low');
    expect(of('outlook-mail', 'user').dependsOn).toEqual([
      expect.stringContaining('which permissions your tenant classifies as low impact'),
    ]);
  });

  it('reads the admin consent workflow and who reviews', async () => {
    const off = await readPolicies();
    expect(off.policies.consent.adminConsentWorkflow).toEqual({ enabled: false, reviewers: [] });
    const on = await readPolicies({ tenant: { adminConsentRequestPolicy: { isEnabled: true } } });
    expect(on.policies.consent.adminConsentWorkflow).toEqual({ enabled: true, reviewers: ['1 user'] });
  });

  it('says what could not be checked when Graph refuses a read, and reads the rest', async () => {
    const { policies } = await readPolicies({ faults: { consentPolicyReadDenied: true } });
    expect(policies.unreadable).toEqual([
      expect.stringContaining(
        'the user consent settings (authorizationPolicy): Microsoft Graph answered 403',
      ),
    ]);
    expect(policies.consent.userConsentPolicyIds).toBeNull();
    expect(policies.consent.adminConsentWorkflow).not.toBeNull();
    expect(policies.credentials.readable).toBe(true);
    const readiness = consentReadiness([{ id: 'outlook-mail', mode: 'user' }], policies.consent);
    expect(readiness.connectors[0]?.outcome).toBe('depends');
  });

  it('gets 403 for every policy read without Policy.Read.All, like Graph', async () => {
    const { policies } = await readPolicies({}, ['Application.ReadWrite.All']);
    expect(policies.unreadable).toHaveLength(3);
    expect(policies.credentials.readable).toBe(false);
  });
});

describe('tenant readiness: credential policy', () => {
  it('reads a lifetime cap, forbidden secrets and a trusted-CA rule from the default app management policy', async () => {
    const none = await readPolicies();
    expect(none.policies.credentials).toMatchObject({
      readable: true,
      secretsForbidden: false,
      maxSecretLifetimeDays: null,
      trustedCertificateAuthorityRequired: false,
    });
    const { policies } = await readPolicies({
      tenant: {
        appManagementPolicy: {
          maxSecretLifetimeDays: 90,
          secretsForbidden: true,
          trustedCertificateAuthority: true,
          maxCertificateLifetimeDays: 365,
        },
      },
    });
    expect(policies.credentials).toEqual({
      readable: true,
      secretsForbidden: true,
      maxSecretLifetimeDays: 90,
      trustedCertificateAuthorityRequired: true,
      maxCertificateLifetimeDays: 365,
      sources: ['Default app management tenant policy'],
    });
  });

  it('turns ISO 8601 durations into days without overstating a cap', () => {
    expect(durationDays('P90D')).toBe(90);
    expect(durationDays('P1Y')).toBe(365);
    expect(durationDays('P6M')).toBe(168);
    expect(durationDays('P2W')).toBe(14);
    expect(durationDays(null)).toBeNull();
    expect(durationDays('90 days')).toBeNull();
  });

  it.each([
    ['a 90-day secret cap', { maxSecretLifetimeDays: 90 }],
    ['forbidden secrets', { secretsForbidden: true }],
    ['a trusted-CA rule', { trustedCertificateAuthority: true }],
  ])(
    'a plan adapted to %s is accepted on the first write; the unadapted one is refused',
    async (_, policy) => {
      const options = { tenant: { appManagementPolicy: policy } };
      const { policies, runner, emu } = await readPolicies(options);
      const plain = adminSharePointPlan(false, { certificateSelfSigned: true });
      const refused = await runner.run(plain).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(emu.log.some((e) => e.fault === 'policy')).toBe(true);

      const fresh = await readPolicies(options);
      const adapted = adminSharePointPlan(false, {
        certificateSelfSigned: true,
        credentialPolicy: policies.credentials,
      });
      const result = await fresh.runner.run(adapted);
      expect(graphWrites(fresh.emu).every((w) => Number(w.status) < 400)).toBe(true);
      expect(fresh.emu.log.some((e) => e.fault === 'policy')).toBe(false);
      const app = fresh.emu.applications()[0]!;
      if ('maxSecretLifetimeDays' in policy) {
        const [secret] = fresh.emu.liveSecrets(app.id);
        const days =
          (Date.parse(secret?.endDateTime ?? '') - Date.parse(secret?.startDateTime ?? '')) / 86_400_000;
        expect(days).toBeLessThanOrEqual(90);
        expect(result.secret).toBeDefined();
      }
      if ('secretsForbidden' in policy) {
        expect(fresh.emu.liveSecrets(app.id)).toEqual([]);
        expect(result.secret ?? null).toBeNull();
      }
      if ('trustedCertificateAuthority' in policy) expect(app.keyCredentials).toEqual([]);
    },
  );

  it('keeps user plans unchanged where no policy applies', () => {
    const plan = userMailTeamsPlan(false, {
      credentialPolicy: {
        readable: true,
        secretsForbidden: false,
        maxSecretLifetimeDays: null,
        trustedCertificateAuthorityRequired: false,
        maxCertificateLifetimeDays: null,
        sources: [],
      },
    });
    expect(plan.notices.map((n) => n.kind)).toEqual([]);
    expect(plan.credentials.clientSecret).toMatchObject({
      add: true,
      maxLifetimeDays: null,
      forbidden: false,
    });
  });
});
