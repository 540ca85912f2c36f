import { describe, expect, it } from 'vitest';
import { connectorModes, connectors, type ConnectorId, type ConnectorMode } from '../catalog/connectors';
import { graphAccessType } from '../catalog/permissions';
import { resolveConnectorMode } from '../catalog/resolve';
import { resourceApi } from '../catalog/resource-apis';
import { buildPlan } from './build-plan';
import type { ConnectorSelection, PlanInput, RegistrationPlan } from './plan-types';
import { uniqueNameFor } from './unique-name';

const redirect = 'https://platform.example.com/oauth/callback';
const plan = (selections: ConnectorSelection[], extra: Partial<PlanInput> = {}) =>
  buildPlan({ connectors: selections, displayName: 'Contoso Sync', redirectUris: [redirect], ...extra });

/** Flattens requiredResourceAccess to comparable strings. */
const access = (p: RegistrationPlan) =>
  p.application.requiredResourceAccess.flatMap((r) =>
    r.resourceAccess.map((a) => `${r.resourceAppId}|${a.type}|${a.id}`),
  );

const expectedAccess = (selections: ConnectorSelection[]) =>
  [
    ...new Set(
      selections.flatMap((s) =>
        resolveConnectorMode(s.id, s.mode).permissions.map(
          (p) => `${resourceApi(p.api).appId}|${graphAccessType[p.kind]}|${p.id}`,
        ),
      ),
    ),
  ].sort();

const certificateConnectors: ConnectorId[] = ['teams', 'onedrive', 'onedrive-business', 'sharepoint'];

describe('every connector and mode alone', () => {
  const cases = connectors.flatMap((c) =>
    connectorModes.map((mode) => [c.id, mode] as [ConnectorId, ConnectorMode]),
  );

  it.each(cases)('%s (%s)', (id, mode) => {
    const p = plan([{ id, mode }]);
    expect(p.application.signInAudience).toBe('AzureADMultipleOrgs');
    expect(p.application.displayName).toBe('Contoso Sync');
    expect(p.application.web.redirectUris).toEqual([redirect]);
    expect(p.application.web.implicitGrantSettings).toEqual({
      enableIdTokenIssuance: mode === 'admin',
      enableAccessTokenIssuance: false,
    });
    expect([...access(p)].sort()).toEqual(expectedAccess([{ id, mode }]));
    expect(new Set(access(p)).size).toBe(access(p).length);
    expect(p.credentials.clientSecret).toEqual({
      add: true,
      lifetimeMonths: 6,
      maxLifetimeDays: null,
      forbidden: false,
    });
    expect(p.application.servicePrincipalLockConfiguration).toEqual({ isEnabled: true, allProperties: true });
    expect(p.credentials.certificate.required).toBe(mode === 'admin' && certificateConnectors.includes(id));
    const needsConsent = p.permissions.filter((x) => x.adminConsentRequired);
    expect(p.adminConsent.required).toBe(needsConsent.length > 0);
    expect(p.adminConsent.permissions).toEqual(needsConsent);
    for (const r of p.application.requiredResourceAccess) {
      for (const a of r.resourceAccess) expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('mixes', () => {
  it('de-duplicates permissions that several connectors need and records who needs them', () => {
    const p = plan([
      { id: 'outlook-mail', mode: 'user' },
      { id: 'outlook-calendar', mode: 'user' },
    ]);
    const userRead = p.permissions.filter((x) => x.name === 'User.Read');
    expect(userRead).toHaveLength(1);
    expect(userRead[0]?.neededBy).toEqual(['outlook-calendar', 'outlook-mail']);
    expect([...access(p)].sort()).toEqual(
      expectedAccess([
        { id: 'outlook-mail', mode: 'user' },
        { id: 'outlook-calendar', mode: 'user' },
      ]),
    );
  });

  it('keeps the same permission on different APIs apart (User.ReadWrite.All shares a GUID)', () => {
    const p = plan([{ id: 'sharepoint', mode: 'admin' }]);
    const graph = p.application.requiredResourceAccess.find(
      (r) => r.resourceAppId === resourceApi('graph').appId,
    );
    const sharepoint = p.application.requiredResourceAccess.find(
      (r) => r.resourceAppId === resourceApi('sharepoint').appId,
    );
    expect(graph?.resourceAccess).toContainEqual({
      id: '741f803b-c850-494e-b5df-cde7c675a1ca',
      type: 'Role',
    });
    expect(sharepoint?.resourceAccess).toContainEqual({
      id: '741f803b-c850-494e-b5df-cde7c675a1ca',
      type: 'Role',
    });
    expect(p.application.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual([
      resourceApi('graph').appId,
      resourceApi('sharepoint').appId,
      resourceApi('management').appId,
      resourceApi('aad-graph').appId,
    ]);
    expect(p.notices.map((n) => n.kind)).toEqual(['retired-api']);
  });

  it('is the same whatever order the connectors were chosen in', () => {
    const a = plan([
      { id: 'sharepoint', mode: 'admin' },
      { id: 'outlook-mail', mode: 'user' },
      { id: 'teams', mode: 'user' },
    ]);
    const b = plan([
      { id: 'teams', mode: 'user' },
      { id: 'outlook-mail', mode: 'user' },
      { id: 'sharepoint', mode: 'admin' },
    ]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.connectors.map((c) => c.id)).toEqual(['teams', 'outlook-mail', 'sharepoint']);
  });

  it('enables ID tokens and a certificate only for the admin connectors that need them', () => {
    const p = plan([
      { id: 'outlook-mail', mode: 'admin' },
      { id: 'onedrive', mode: 'user' },
    ]);
    expect(p.idTokens).toEqual({ enabled: true, neededBy: ['outlook-mail'] });
    expect(p.credentials.certificate).toEqual({
      required: false,
      neededBy: [],
      credential: null,
      mustBeCaIssued: false,
    });

    const q = plan([
      { id: 'outlook-mail', mode: 'admin' },
      { id: 'teams', mode: 'admin' },
    ]);
    expect(q.credentials.certificate).toEqual({
      required: true,
      neededBy: ['teams'],
      credential: null,
      mustBeCaIssued: false,
    });
    expect(q.notices.map((n) => n.kind)).toContain('teams-activity-monitoring');
  });

  it('explains each correction and which connectors it affects', () => {
    const p = plan([
      { id: 'teams', mode: 'admin' },
      { id: 'teams', mode: 'user' },
      { id: 'outlook-calendar', mode: 'admin' },
    ]);
    // The last mode given for a connector wins.
    expect(p.connectors).toEqual([
      { id: 'teams', mode: 'user' },
      { id: 'outlook-calendar', mode: 'admin' },
    ]);
    expect(p.corrections.map((c) => [c.asWritten.name, c.resolvedTo.name, c.connectors])).toEqual([
      ['ChannelMessage.Delete', 'ChannelMessage.ReadWrite', ['teams']],
      ['Calendar.ReadWrite', 'Calendars.ReadWrite', ['outlook-calendar']],
    ]);
  });

  it('an all-user plan of OneDrive needs no admin consent', () => {
    const p = plan([{ id: 'onedrive', mode: 'user' }]);
    expect(p.adminConsent.required).toBe(false);
    expect(p.permissions.map((x) => x.name)).toEqual([
      'Files.ReadWrite.All',
      'offline_access',
      'openid',
      'profile',
      'User.Read',
    ]);
  });

  it('de-duplicates redirect URIs and trims the display name', () => {
    const p = buildPlan({
      connectors: [{ id: 'onedrive', mode: 'user' }],
      displayName: '  Contoso  ',
      redirectUris: [redirect, ` ${redirect} `, 'https://other.example.com/cb'],
    });
    expect(p.application.web.redirectUris).toEqual([redirect, 'https://other.example.com/cb']);
    expect(p.application.displayName).toBe('Contoso');
  });
});

describe('operations', () => {
  it('creates, then adds the secret and the service principal side by side, without consent by default', () => {
    const p = plan([{ id: 'sharepoint', mode: 'admin' }]);
    expect(p.operations.map((o) => o.id)).toEqual([
      'resolve-permissions',
      'read-existing',
      'upsert-application',
      'add-password',
      'ensure-service-principal',
      'read-back',
    ]);
    expect(p.credentials.certificate).toMatchObject({ required: true, credential: null });
    expect(p.credentials.clientSecret).toEqual({
      add: true,
      lifetimeMonths: 6,
      maxLifetimeDays: null,
      forbidden: false,
    });
    expect(p.adminConsent.grantNow).toBe(false);
  });

  it('adds no secret when the registration has a valid one, unless asked; an expired one does not count', () => {
    const secret = {
      keyId: 'k',
      displayName: 'Entra Setup Wizard 1a2b3c4d 2026-01-02',
      hint: 'abc',
      startDateTime: '2026-01-02T00:00:00Z',
      endDateTime: '2027-01-02T00:00:00Z',
      expired: false,
      madeByWizard: true,
    };
    const existing = {
      id: 'o',
      appId: 'a',
      displayName: 'Contoso Sync',
      uniqueName: 'u',
      secrets: [secret],
      certificates: [],
    };
    const kept = plan([{ id: 'sharepoint', mode: 'admin' }], { existing });
    expect(kept.credentials.clientSecret).toEqual({
      add: false,
      lifetimeMonths: 6,
      maxLifetimeDays: null,
      forbidden: false,
    });
    expect(kept.operations.map((o) => o.id)).not.toContain('add-password');
    expect(kept.existing).toBe(existing);
    const asked = plan([{ id: 'sharepoint', mode: 'admin' }], { existing, newSecret: true });
    expect(asked.operations.map((o) => o.id)).toContain('add-password');
    const expired = plan([{ id: 'sharepoint', mode: 'admin' }], {
      existing: { ...existing, secrets: [{ ...secret, expired: true }] },
    });
    expect(expired.credentials.clientSecret).toEqual({
      add: true,
      lifetimeMonths: 6,
      maxLifetimeDays: null,
      forbidden: false,
    });
    expect(plan([{ id: 'sharepoint', mode: 'admin' }], { instance: 2 }).application.uniqueName).toMatch(
      /-2$/,
    );
  });

  it('grants every requested permission per API when consent is chosen', () => {
    const p = plan(
      [
        { id: 'sharepoint', mode: 'admin' },
        { id: 'outlook-mail', mode: 'user' },
      ],
      { grantAdminConsent: true },
    );
    const grants = p.operations.filter((o) => o.kind === 'grant-delegated' || o.kind === 'grant-app-roles');
    expect(grants.map((o) => o.id)).toEqual([
      'grant-delegated:graph',
      'grant-app-roles:graph',
      'grant-app-roles:sharepoint',
      'grant-app-roles:management',
      'grant-app-roles:aad-graph',
    ]);
    const delegated = grants[0];
    expect(delegated?.kind === 'grant-delegated' && delegated.scopes).toContain('Mail.Send');
    const total = grants.reduce(
      (n, g) =>
        n +
        (g.kind === 'grant-delegated' ? g.scopes.length : g.kind === 'grant-app-roles' ? g.roles.length : 0),
      0,
    );
    expect(total).toBe(p.permissions.length);
    expect(new Set(p.operations.map((o) => o.id)).size).toBe(p.operations.length);
  });

  it('holds every review choice: the secret lifetime, the certificate and consent', () => {
    const certificate = {
      customKeyIdentifier: 'AA==',
      displayName: 'CN=Contoso',
      startDateTime: '2026-01-01T00:00:00.000Z',
      endDateTime: '2028-01-01T00:00:00.000Z',
      key: 'MIIB',
      keyId: '5d1e0c1a-8f0e-4d3b-9a41-2f6f0b7c9e11',
      type: 'AsymmetricX509Cert' as const,
      usage: 'Verify' as const,
    };
    const admin = plan([{ id: 'sharepoint', mode: 'admin' }], {
      secretLifetimeMonths: 6,
      certificate,
      grantAdminConsent: true,
    });
    expect(admin.credentials.clientSecret.lifetimeMonths).toBe(6);
    expect(admin.credentials.certificate.credential).toBe(certificate);
    expect(admin.operations.some((o) => o.kind === 'grant-app-roles')).toBe(true);
    // A certificate the plan does not need is not carried.
    const user = plan([{ id: 'outlook-mail', mode: 'user' }], { certificate });
    expect(user.credentials.certificate.credential).toBeNull();
    expect(user.operations.some((o) => o.kind.startsWith('grant-'))).toBe(false);
  });
});

describe('uniqueNameFor', () => {
  it.each([
    ['Contoso Sync', 'entra-setup-wizard-contoso-sync-'],
    ['  Café   Connectors!! ', 'entra-setup-wizard-cafe-connectors-'],
    ['Продажи 365', 'entra-setup-wizard-prodazhi-365-'],
    ['Маркетинг 365', 'entra-setup-wizard-marketing-365-'],
    ['Συγχρονισμός Αρχείων', 'entra-setup-wizard-sygchronismos-archeion-'],
    ['販売 365', 'entra-setup-wizard-365-'],
    ['コネクタ', 'entra-setup-wizard-'],
    ['🚀📁', 'entra-setup-wizard-'],
  ])('%s reads as %s… and is stable', (name, prefix) => {
    const key = uniqueNameFor(name);
    expect(key.startsWith(prefix)).toBe(true);
    expect(key).toMatch(/^entra-setup-wizard(-[a-z0-9]+)*-[0-9a-f]{12}$/);
    expect(key.length).toBeLessThanOrEqual(120);
    expect(uniqueNameFor(name)).toBe(key);
  });

  it('gives distinct names distinct keys in any script, and the same name the same key', () => {
    const names = [
      'Продажи 365',
      'Маркетинг 365',
      'Продажи 365!',
      'Συγχρονισμός Αρχείων',
      'Συγχρονισμός αρχείων',
      '販売 365',
      '営業 365',
      'コネクタ',
      'コネクター',
      '🚀📁',
      '📁🚀',
      'Contoso Sync',
      'contoso sync',
      'Contoso-Sync',
      'Contoso  Sync',
    ];
    const keys = names.map((n) => uniqueNameFor(n));
    expect(new Set(keys).size).toBe(names.length);
    // Surrounding blanks and canonically equal spellings are the same name.
    expect(uniqueNameFor('  Contoso Sync ')).toBe(uniqueNameFor('Contoso Sync'));
    expect(uniqueNameFor('Cafe\u0301')).toBe(uniqueNameFor('Caf\u00e9'));
  });

  it('names a further registration of the same name with an instance number', () => {
    expect(uniqueNameFor('Contoso Sync', 2)).toBe(`${uniqueNameFor('Contoso Sync')}-2`);
    expect(uniqueNameFor('Contoso Sync', 1)).toBe(uniqueNameFor('Contoso Sync'));
  });

  it('cuts a long slug but keeps the hash of the whole name', () => {
    const long = 'Contoso '.repeat(40);
    expect(uniqueNameFor(long)).not.toBe(uniqueNameFor(`${long}x`));
    expect(uniqueNameFor(long).length).toBeLessThanOrEqual(120);
  });
});
