import { describe, expect, it } from 'vitest';
import {
  SECOND_CERTIFICATE_BASE64,
  SECOND_CERTIFICATE_NOT_AFTER,
  SECOND_CERTIFICATE_NOT_BEFORE,
  SECOND_CERTIFICATE_THUMBPRINT_BASE64,
} from '../demo/emulator/fixtures/second-certificate';
import { TEST_CERTIFICATE_THUMBPRINT_BASE64 } from '../demo/emulator/fixtures/test-certificate';
import { buildPlan } from '../plan/build-plan';
import type { PlanInput } from '../plan/plan-types';
import {
  createHarness,
  graphWrites,
  memoryStorage,
  REDIRECT_URI,
  testKeyCredential,
} from '../../test-support/graph/emulator-harness';

const sharepointAdmin: PlanInput = {
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Contoso Sync',
  redirectUris: [REDIRECT_URI],
  grantAdminConsent: true,
  certificate: testKeyCredential(),
};

const secondCertificate = testKeyCredential({
  key: SECOND_CERTIFICATE_BASE64,
  keyId: '7b9f3c2e-1d4a-4e6b-8c5d-9e0f1a2b3c4d',
  displayName: 'CN=Contoso Connector Second Test Certificate',
  customKeyIdentifier: SECOND_CERTIFICATE_THUMBPRINT_BASE64,
  startDateTime: SECOND_CERTIFICATE_NOT_BEFORE,
  endDateTime: SECOND_CERTIFICATE_NOT_AFTER,
});

/** A first run of admin SharePoint, then what the review of a later session reads before any write. */
async function firstRunThenInspect() {
  const harness = createHarness();
  const plan = buildPlan(sharepointAdmin);
  const first = await harness.createRunner().run(plan);
  // A new browser session: no resume record, a new runner.
  const later = harness.createRunner({ storage: memoryStorage() });
  const writesBefore = graphWrites(harness.emu).length;
  const existing = await later.inspect(plan.application.uniqueName);
  return {
    ...harness,
    first,
    later,
    existing,
    inspectWrites: graphWrites(harness.emu).length - writesBefore,
  };
}

describe('plan runner on a registration that exists', () => {
  it('reads the registration before any write: its name, secrets and certificates, and which the wizard made', async () => {
    const { emu, first, existing, inspectWrites } = await firstRunThenInspect();
    const app = emu.applications()[0]!;
    expect(existing).toMatchObject({
      id: app.id,
      appId: app.appId,
      displayName: 'Contoso Sync',
      uniqueName: app.uniqueName,
    });
    expect(existing?.secrets).toEqual([
      expect.objectContaining({
        keyId: first.secret?.keyId,
        hint: first.secret?.secretText.slice(0, 3),
        madeByWizard: true,
        expired: false,
      }),
    ]);
    expect(existing?.certificates).toEqual([
      expect.objectContaining({
        keyId: testKeyCredential().keyId,
        hint: 'AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617',
        madeByWizard: true,
        expired: false,
      }),
    ]);
    expect(existing?.certificates[0]?.displayName).toMatch(
      /^Entra Setup Wizard \d{4}-\d{2}-\d{2} CN=Contoso Connector Test Certificate$/,
    );
    expect(inspectWrites, 'reading wrote nothing').toBe(0);
    const { later } = await firstRunThenInspect();
    expect(await later.inspect('entra-setup-wizard-nothing-here-000000000000')).toBeNull();
  });

  it('keeps the certificate in use when a later session adds its own, and adds no secret when one is live', async () => {
    const { emu, later, existing } = await firstRunThenInspect();
    const plan = buildPlan({ ...sharepointAdmin, existing, certificate: secondCertificate });
    expect(plan.credentials.clientSecret.add).toBe(false);
    emu.clearLog();
    const result = await later.run(plan);

    const app = emu.applications()[0]!;
    expect(emu.applications()).toHaveLength(1);
    // Both certificates: the first one still signs the platform's tokens (a PATCH replaces the whole list).
    expect(app.keyCredentials.map((k) => k.customKeyIdentifier).sort()).toEqual(
      [TEST_CERTIFICATE_THUMBPRINT_BASE64, SECOND_CERTIFICATE_THUMBPRINT_BASE64].sort(),
    );
    expect(result.storedCustomKeyIdentifier).toBe(SECOND_CERTIFICATE_THUMBPRINT_BASE64);
    // No new secret: the platform already has the live one.
    expect(result.secret).toBeNull();
    expect(emu.liveSecrets(app.id)).toHaveLength(1);
    expect(emu.log.some((e) => /\/(add|remove)Password$/.test(e.path))).toBe(false);
    expect(result.drift).toEqual([]);
    // The review's read moments before gave the ids and the certificates: the run reads neither again.
    expect(emu.log.filter((e) => e.method === 'GET' && e.path.includes('uniqueName='))).toHaveLength(0);
  });

  it('sends the same certificate only once, however often the plan runs', async () => {
    const { emu, later, existing } = await firstRunThenInspect();
    // The admin brought the certificate already on the registration, under another keyId.
    const same = testKeyCredential({ keyId: '0c0c0c0c-1d1d-4e4e-8f8f-a0a0a0a0a0a0' });
    const plan = buildPlan({ ...sharepointAdmin, existing, certificate: same });
    emu.clearLog();
    const result = await later.run(plan);
    expect(emu.applications()[0]?.keyCredentials).toHaveLength(1);
    expect(result.storedCustomKeyIdentifier).toBe(TEST_CERTIFICATE_THUMBPRINT_BASE64);
    const upsert = emu.log.find((e) => e.method === 'PATCH');
    expect(JSON.parse(upsert?.requestBody ?? '{}')).not.toHaveProperty('keyCredentials');
  });

  it('adds a secret when the admin asks for one, and keeps the old one until the admin removes it', async () => {
    const { emu, first, later, existing } = await firstRunThenInspect();
    const plan = buildPlan({ ...sharepointAdmin, existing, newSecret: true, certificate: secondCertificate });
    const result = await later.run(plan);
    const app = emu.applications()[0]!;
    expect(
      emu
        .liveSecrets(app.id)
        .map((s) => s.keyId)
        .sort(),
    ).toEqual([first.secret?.keyId, result.secret?.keyId].sort());

    // After the new ones are saved, the admin ticks the older secret and certificate the wizard made.
    const removal = await later.removeCredentials({
      secrets: [first.secret!.keyId],
      certificates: [testKeyCredential().keyId],
    });
    expect(removal.failed).toEqual([]);
    expect([...removal.removed].sort()).toEqual([first.secret!.keyId, testKeyCredential().keyId].sort());
    expect(emu.liveSecrets(app.id).map((s) => s.keyId)).toEqual([result.secret?.keyId]);
    expect(emu.applications()[0]?.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([
      SECOND_CERTIFICATE_THUMBPRINT_BASE64,
    ]);
  });

  it('leaves a registration alone when the removal names nothing, and reports what it could not remove', async () => {
    const { emu, later, existing } = await firstRunThenInspect();
    const plan = buildPlan({ ...sharepointAdmin, existing, certificate: secondCertificate });
    await later.run(plan);
    emu.faults.consentForbidden = false;
    emu.clearLog();
    expect(await later.removeCredentials({ secrets: [], certificates: [] })).toEqual({
      removed: [],
      failed: [],
    });
    expect(emu.log).toHaveLength(0);
    emu.faults.unavailable = { count: 20, status: 503 };
    const removal = await later.removeCredentials({ secrets: [], certificates: [testKeyCredential().keyId] });
    expect(removal.removed).toEqual([]);
    expect(removal.failed).toEqual([
      expect.objectContaining({
        keyId: testKeyCredential().keyId,
        error: expect.objectContaining({ status: 503 }),
      }),
    ]);
    expect(emu.applications()[0]?.keyCredentials).toHaveLength(2);
  });
});
