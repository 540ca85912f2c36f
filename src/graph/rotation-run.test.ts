import { describe, expect, it } from 'vitest';
import type { Application } from '@microsoft/microsoft-graph-types';
import { resourceApi } from '../catalog/resource-apis';
import { SECOND_CERTIFICATE_BASE64 } from '../demo/emulator/fixtures/second-certificate';
import type { SeededApplication } from '../demo/emulator/seed-applications';
import type { EmulatorHttpResponse } from '../demo/emulator/types';
import { buildPlan } from '../plan/build-plan';
import type { RotatedCredential, RotationInput } from '../plan/plan-types';
import {
  createHarness,
  graphWrites,
  REDIRECT_URI,
  testKeyCredential,
} from '../../test-support/graph/emulator-harness';
import { evaluateChecklist } from './checklist';
import { describeRequests } from './describe-requests';
import type { RegistrationSnapshot } from './registration-check';
import { PLACEHOLDERS } from './request-names';

const GRAPH = resourceApi('graph').appId;
const DAY_MS = 86_400_000;

/** SharePoint for admin accounts, made in the portal: complete, but its secret ends in 10 days. */
const portalApp: SeededApplication = {
  displayName: 'Kloudless SharePoint (portal)',
  redirectUris: [REDIRECT_URI],
  permissions: [{ resourceAppId: GRAPH, value: 'User.Read', type: 'Scope' }],
  idTokens: true,
  secrets: [{ displayName: 'production', expiresInDays: 10 }],
};

const connectors = [{ id: 'outlook-mail', mode: 'user' }] as const;

function plan(
  snapshot: RegistrationSnapshot,
  old: RotatedCredential,
  stage: { stage: 'add' } | { stage: 'remove'; newKeyId: string },
  certificate = testKeyCredential(),
) {
  const app = snapshot.application;
  const rotation: RotationInput = {
    applicationId: app.id ?? '',
    appId: app.appId ?? '',
    displayName: app.displayName ?? '',
    current: app,
    old,
    ...stage,
  };
  return buildPlan({
    connectors: [...connectors],
    displayName: app.displayName ?? '',
    redirectUris: [REDIRECT_URI],
    rotation,
    certificate,
  });
}

const credentialsItem = (snapshot: RegistrationSnapshot, now: number) => {
  const check = buildPlan({
    connectors: [...connectors],
    displayName: snapshot.application.displayName ?? '',
    redirectUris: [REDIRECT_URI],
  });
  return evaluateChecklist(snapshot, check, now).find((i) => i.id === 'credentials');
};

/** The requests as the review shows them, with the ids the check read. */
const reviewed = (p: ReturnType<typeof plan>, app: Application) =>
  describeRequests(p, { ...PLACEHOLDERS, applicationId: app.id ?? '', appId: app.appId ?? '' }).map(
    (r) => `${r.method} ${r.url}`,
  );

describe('credential rotation with overlap against the emulated tenant', () => {
  it('adds a secret beside the one ending soon, then removes the old one: two live secrets, then one', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication(portalApp);
    const oldKeyId = app.passwordCredentials[0]!.keyId;
    const runner = h.createRunner();
    const snapshot = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    const item = credentialsItem(snapshot, h.clock.now());
    expect(item?.status).toBe('warning');
    const [expiring] = item?.credentials ?? [];
    expect(expiring).toMatchObject({ keyId: oldKeyId, type: 'secret', daysLeft: 10, status: 'warning' });
    const old: RotatedCredential = {
      type: 'secret',
      keyId: oldKeyId,
      displayName: 'production',
      endDateTime: expiring!.endDateTime,
    };

    // 1. Add: the review shows exactly the read and the addPassword; the run sends them and nothing else.
    const add = plan(snapshot, old, { stage: 'add' });
    expect(add.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-password']);
    expect(add.credentials.clientSecret.add).toBe(true);
    expect(reviewed(add, snapshot.application)).toEqual([
      expect.stringMatching(new RegExp(`^GET /v1\\.0/applications/${app.id}\\?\\$select=`)),
      `POST /v1.0/applications/${app.id}/addPassword`,
    ]);
    const [, addPassword] = describeRequests(add);
    expect(addPassword?.body).toEqual({
      passwordCredential: {
        displayName: 'Entra Setup Wizard {runId} {today}',
        endDateTime: '{today + 180 days}',
      },
    });
    const added = await runner.run(add);
    const secret = added.secret!;
    expect(secret.secretText.length).toBeGreaterThan(20);
    expect(Date.parse(secret.endDateTime) - h.clock.now()).toBe(180 * DAY_MS);
    expect(graphWrites(h.emu).map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v1.0/applications/${app.id}/addPassword`,
    ]);
    // The overlap: both secrets work while the platform changes over.
    expect(
      h.emu
        .liveSecrets(app.id)
        .map((s) => s.keyId)
        .sort(),
    ).toEqual([oldKeyId, secret.keyId].sort());

    // 3. Remove, once the admin confirmed: one removePassword of the old keyId.
    const again = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    const remove = plan(again, old, { stage: 'remove', newKeyId: secret.keyId });
    expect(remove.operations.map((o) => o.kind)).toEqual(['read-registration', 'remove-password']);
    expect(remove.credentials.clientSecret.add).toBe(false);
    const [, removal] = describeRequests(remove);
    expect(removal).toMatchObject({
      method: 'POST',
      url: `/v1.0/applications/${app.id}/removePassword`,
      body: { keyId: oldKeyId },
    });
    const removed = await runner.run(remove);
    expect(removed.secret).toBeNull();
    expect(h.emu.liveSecrets(app.id).map((s) => s.keyId)).toEqual([secret.keyId]);

    // Checking again: the credentials item is OK.
    const after = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    expect(credentialsItem(after, h.clock.now())?.status).toBe('ok');
  });

  it('removes nothing when the new secret has gone from the registration meanwhile', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication(portalApp);
    const oldKeyId = app.passwordCredentials[0]!.keyId;
    const runner = h.createRunner();
    const snapshot = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    const old: RotatedCredential = { type: 'secret', keyId: oldKeyId, displayName: null, endDateTime: null };
    const remove = plan(snapshot, old, {
      stage: 'remove',
      newKeyId: '99999999-9999-4999-8999-999999999999',
    });
    await expect(runner.run(remove)).rejects.toMatchObject({
      explained: { code: 'NewCredentialMissing' },
    });
    expect(runner.getState().status).toBe('failed');
    expect(h.emu.liveSecrets(app.id).map((s) => s.keyId)).toEqual([oldKeyId]);
    expect(graphWrites(h.emu)).toEqual([]);
  });

  it('rotates a certificate: the new one goes in keyCredentials with the others, then the old one leaves', async () => {
    const h = createHarness();
    const app = h.emu.seedApplication({
      ...portalApp,
      secrets: [{ displayName: 'production', expiresInDays: 300 }],
    });
    // The certificate the platform uses today, ending in 10 days, and another one that stays throughout.
    const ending = testKeyCredential({
      keyId: '0c0c0c0c-0000-4000-8000-000000000001',
      endDateTime: new Date(h.clock.now() + 10 * DAY_MS).toISOString(),
    });
    const token = await h.emu.mintAccessToken({ scopes: ['Application.ReadWrite.All'] });
    const seeded = (await h.emu.handle({
      method: 'PATCH',
      url: `https://graph.microsoft.com/v1.0/applications/${app.id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        keyCredentials: [{ ...ending, customKeyIdentifier: undefined, displayName: 'CN=portal' }],
      }),
    })) as EmulatorHttpResponse;
    expect(seeded.status).toBe(204);
    const runner = h.createRunner();
    const snapshot = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    const item = credentialsItem(snapshot, h.clock.now());
    expect(item?.credentials?.find((c) => c.type === 'certificate')).toMatchObject({
      keyId: ending.keyId,
      status: 'warning',
    });
    const old: RotatedCredential = {
      type: 'certificate',
      keyId: ending.keyId,
      displayName: 'CN=portal',
      endDateTime: ending.endDateTime,
    };
    const fresh = testKeyCredential({
      keyId: '0c0c0c0c-0000-4000-8000-000000000002',
      key: SECOND_CERTIFICATE_BASE64,
      displayName: 'CN=Contoso Connector Second Test Certificate',
      startDateTime: '2026-12-02T11:01:18Z',
      endDateTime: '2036-11-29T11:01:18Z',
    });

    // 1. Add: one PATCH with the old certificate sent back (its key named in the review) and the new one.
    const add = plan(snapshot, old, { stage: 'add' }, fresh);
    expect(add.operations.map((o) => o.kind)).toEqual(['read-registration', 'add-certificate']);
    expect(add.credentials.clientSecret.add).toBe(false);
    const [, patch] = describeRequests(add);
    const sent = (patch?.body as { keyCredentials: { keyId: string; key: string }[] }).keyCredentials;
    expect(sent.map((k) => [k.keyId, k.key])).toEqual([
      [ending.keyId, `{the current key of certificate ${ending.keyId}}`],
      [fresh.keyId, SECOND_CERTIFICATE_BASE64],
    ]);
    const added = await runner.run(add);
    expect(added.secret).toBeNull();
    const keys = () => h.emu.application(app.id)!.keyCredentials.map((k) => k.keyId);
    expect(keys(), 'two certificates during the overlap').toEqual([ending.keyId, fresh.keyId]);
    // The new one is described as the wizard's, so a later run tells it from others.
    expect(h.emu.application(app.id)!.keyCredentials[1]?.displayName).toMatch(
      /^Entra Setup Wizard \d{4}-\d{2}-\d{2} CN=/,
    );

    // 3. Remove: the list without the old certificate, the new one's key sent back.
    const again = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    const remove = plan(again, old, { stage: 'remove', newKeyId: fresh.keyId }, fresh);
    expect(remove.operations.map((o) => o.kind)).toEqual(['read-registration', 'remove-certificate']);
    const [, removal] = describeRequests(remove);
    expect(
      (removal?.body as { keyCredentials: { keyId: string }[] }).keyCredentials.map((k) => k.keyId),
    ).toEqual([fresh.keyId]);
    await runner.run(remove);
    expect(keys(), 'one certificate after the confirmation').toEqual([fresh.keyId]);
    expect(h.emu.application(app.id)!.keyCredentials[0]?.key).toBe(SECOND_CERTIFICATE_BASE64);
    const after = (await runner.checkRegistration(app.appId, [GRAPH]))!;
    expect(credentialsItem(after, h.clock.now())?.status).toBe('ok');
  });
});
