import type { Application } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { resourceApi } from '../catalog/resource-apis';
import { buildPlan } from '../plan/build-plan';
import type { RegistrationPlan } from '../plan/plan-types';
import { defaultFixes, evaluateChecklist, offeredFixes, type CheckId, type CheckStatus } from './checklist';
import type { RegistrationSnapshot } from './registration-check';
import { mergedResourceAccess, repairApplicationBody } from './repair-body';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const REDIRECT = 'https://api.kloudless.com/v1/oauth/callback';
const GRAPH = resourceApi('graph').appId;
const AAD_GRAPH = resourceApi('aad-graph').appId;

// Outlook Mail for admin accounts: delegated sign-in scopes, four application permissions, ID tokens, no certificate.
const plan: RegistrationPlan = buildPlan({
  connectors: [{ id: 'outlook-mail', mode: 'admin' }],
  displayName: 'Kloudless Mail',
  redirectUris: [REDIRECT],
});
const delegated = plan.permissions.filter((p) => p.kind === 'delegated');
const roles = plan.permissions.filter((p) => p.kind === 'application');

/** A registration with nothing wrong, then changed by `change`. */
function snapshot(
  change: (s: { -readonly [K in keyof RegistrationSnapshot]: RegistrationSnapshot[K] }) => void = () => {},
) {
  const application: Application = {
    id: 'app-object',
    appId: 'app-client',
    displayName: 'Kloudless Mail',
    uniqueName: 'entra-setup-wizard-kloudless-mail-1234',
    signInAudience: 'AzureADMultipleOrgs',
    web: {
      redirectUris: [REDIRECT],
      implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false },
    },
    requiredResourceAccess: plan.application.requiredResourceAccess.map((r) => ({
      resourceAppId: r.resourceAppId,
      resourceAccess: r.resourceAccess.map((a) => ({ ...a })),
    })),
    passwordCredentials: [
      { keyId: 'secret-1', displayName: 'production', endDateTime: new Date(NOW + 200 * DAY).toISOString() },
    ],
    keyCredentials: [],
    servicePrincipalLockConfiguration: { isEnabled: true, allProperties: true },
    verifiedPublisher: { verifiedPublisherId: '1234567', displayName: 'Kloudless' },
  };
  const s = {
    application,
    servicePrincipal: { id: 'client-sp', appId: 'app-client' },
    delegatedGrants: [
      {
        clientId: 'client-sp',
        consentType: 'AllPrincipals',
        resourceId: 'graph-sp',
        scope: delegated.map((p) => p.name).join(' '),
      },
    ],
    appRoleAssignments: roles.map((p) => ({
      principalId: 'client-sp',
      resourceId: 'graph-sp',
      appRoleId: p.id,
    })),
    owners: [
      { id: 'u1', displayName: 'Megan Bowen' },
      { id: 'u2', displayName: 'Alex Wilber' },
    ],
    resources: new Map([[GRAPH, { id: 'graph-sp', appId: GRAPH, displayName: 'Microsoft Graph' }]]),
    readAt: NOW,
  };
  change(s);
  return s as RegistrationSnapshot;
}

const statusOf = (s: RegistrationSnapshot, id: CheckId) =>
  evaluateChecklist(s, plan, NOW).find((i) => i.id === id)!;

const app = (s: { application: Application }) => s.application;
const setSecretEnd = (days: number) => (s: { application: Application }) => {
  app(s).passwordCredentials = [
    { keyId: 'secret-1', displayName: 'production', endDateTime: new Date(NOW + days * DAY).toISOString() },
  ];
};

describe('the checklist of an existing registration', () => {
  it('is all ok for a registration that has everything, and offers no fix', () => {
    const items = evaluateChecklist(snapshot(), plan, NOW);
    expect(items.map((i) => [i.id, i.status])).toEqual(items.map((i) => [i.id, 'ok']));
    expect(items).toHaveLength(15);
    expect(offeredFixes(items)).toEqual([]);
  });

  const cases: [string, Parameters<typeof snapshot>[0], CheckId, CheckStatus, string?][] = [
    [
      'no service principal',
      (s) => void (s.servicePrincipal = null),
      'service-principal',
      'error',
      'servicePrincipal',
    ],
    [
      'a permission missing',
      (s) => {
        app(s).requiredResourceAccess = [
          {
            resourceAppId: GRAPH,
            resourceAccess: app(s).requiredResourceAccess![0]!.resourceAccess!.slice(1),
          },
        ];
      },
      'permissions-missing',
      'error',
      'addPermissions',
    ],
    [
      'an extra permission',
      (s) =>
        void app(s).requiredResourceAccess![0]!.resourceAccess!.push({
          id: 'df021288-bdef-4463-88db-98f22de89214-x',
          type: 'Role',
        }),
      'permissions-extra',
      'warning',
      'removeExtraPermissions',
    ],
    [
      'Azure AD Graph still requested',
      (s) =>
        void app(s).requiredResourceAccess!.push({
          resourceAppId: AAD_GRAPH,
          resourceAccess: [{ id: '311a71cc-e848-46a1-bdf8-97ff7156d8e6', type: 'Scope' }],
        }),
      'azure-ad-graph',
      'warning',
      'removeAzureAdGraph',
    ],
    [
      'no consent for an admin-only permission',
      (s) => void (s.appRoleAssignments = []),
      'consent',
      'error',
      'consent',
    ],
    [
      'no consent for user-consentable permissions only',
      (s) => void (s.delegatedGrants = []),
      'consent',
      'warning',
      'consent',
    ],
    [
      'a redirect URI missing',
      (s) => void (app(s).web = { ...app(s).web, redirectUris: [] }),
      'redirect-uris',
      'error',
      'addRedirectUris',
    ],
    [
      'ID tokens off for admin accounts',
      (s) =>
        void (app(s).web = {
          ...app(s).web,
          implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
        }),
      'id-tokens',
      'error',
      'idTokens',
    ],
    [
      'personal accounts allowed',
      (s) => void (app(s).signInAudience = 'AzureADandPersonalMicrosoftAccount'),
      'sign-in-audience',
      'error',
      'signInAudience',
    ],
    ['a secret ending in 10 days', setSecretEnd(10), 'credentials', 'warning'],
    ['a secret ending in exactly 30 days', setSecretEnd(30), 'credentials', 'warning'],
    ['an expired secret', setSecretEnd(-1), 'credentials', 'error'],
    ['no secret at all', (s) => void (app(s).passwordCredentials = []), 'credentials', 'error'],
    ['no unique name', (s) => void (app(s).uniqueName = null), 'unique-name', 'warning', 'uniqueName'],
    [
      'the lock off',
      (s) => void (app(s).servicePrincipalLockConfiguration = null),
      'lock',
      'warning',
      'lock',
    ],
    ['one owner', (s) => void (s.owners = [{ id: 'u1', displayName: 'Megan Bowen' }]), 'owners', 'warning'],
    ['owners unreadable', (s) => void (s.owners = null), 'owners', 'warning'],
    [
      'implicit access tokens on',
      (s) =>
        void (app(s).web = {
          ...app(s).web,
          implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: true },
        }),
      'implicit-access-tokens',
      'warning',
      'disableAccessTokens',
    ],
    [
      'an http redirect URI',
      (s) => void (app(s).web = { ...app(s).web, redirectUris: [REDIRECT, 'http://callback.example.com/'] }),
      'unsafe-redirect-uris',
      'warning',
      'removeUnsafeRedirectUris',
    ],
    [
      'a wildcard redirect URI',
      (s) => void (app(s).web = { ...app(s).web, redirectUris: [REDIRECT, 'https://*.example.com/cb'] }),
      'unsafe-redirect-uris',
      'warning',
      'removeUnsafeRedirectUris',
    ],
    ['an unverified publisher', (s) => void (app(s).verifiedPublisher = {}), 'publisher', 'warning'],
  ];

  it.each(cases)('%s', (_name, change, id, status, fix) => {
    const item = statusOf(snapshot(change), id);
    expect(item.status).toBe(status);
    expect(item.fix).toBe(fix);
    expect(item.remedy).not.toBe('Nothing to do.');
  });

  it('lists every permission with its consent, and the credential with its days left (rotation’s hook)', () => {
    const s = snapshot((x) => {
      x.appRoleAssignments = [];
      setSecretEnd(10)(x);
    });
    const consent = statusOf(s, 'consent');
    expect(consent.details?.filter((d) => d.status === 'error').map((d) => d.label)).toEqual(
      roles.map((p) => `Microsoft Graph ${p.name} (application)`),
    );
    const credentials = statusOf(s, 'credentials');
    expect(credentials.credentials).toEqual([
      expect.objectContaining({ keyId: 'secret-1', type: 'secret', daysLeft: 10, status: 'warning' }),
    ]);
    expect(credentials.finding).toContain('10 days left');
  });

  it('ticks the fixes that add by default, never those that remove or cannot be undone', () => {
    const s = snapshot((x) => {
      x.servicePrincipal = null;
      app(x).uniqueName = null;
      app(x).web = { ...app(x).web, redirectUris: [REDIRECT, 'http://old.example.com/'] };
    });
    const items = evaluateChecklist(s, plan, NOW);
    expect(defaultFixes(items)).toEqual(expect.arrayContaining(['servicePrincipal', 'consent']));
    expect(defaultFixes(items)).not.toContain('uniqueName');
    expect(defaultFixes(items)).not.toContain('removeUnsafeRedirectUris');
    expect(offeredFixes(items)).toEqual(expect.arrayContaining(['uniqueName', 'removeUnsafeRedirectUris']));
  });
});

describe('the repair body', () => {
  const repairPlan = (
    current: Application,
    fixes: Parameters<typeof buildPlan>[0]['repair'] extends infer R
      ? R extends { fixes: infer F }
        ? F
        : never
      : never,
  ) =>
    buildPlan({
      ...plan.input,
      repair: {
        applicationId: 'app-object',
        appId: 'app-client',
        displayName: 'Kloudless Mail',
        current,
        fixes,
      },
    });
  const wanted = plan.application.requiredResourceAccess.map((r) => ({
    ...r,
    resourceAccess: [...r.resourceAccess],
  }));

  it('sends whole collections: kept entries and added ones, removing only what is ticked', () => {
    const current: Application = {
      requiredResourceAccess: [
        { resourceAppId: GRAPH, resourceAccess: [{ id: 'extra-1', type: 'Scope' }] },
        { resourceAppId: AAD_GRAPH, resourceAccess: [{ id: 'aad-1', type: 'Scope' }] },
      ],
      web: { redirectUris: ['https://kept.example.com/cb', 'http://old.example.com/'] },
    };
    const body = repairApplicationBody(
      current,
      repairPlan(current, ['addPermissions', 'addRedirectUris', 'idTokens']),
      wanted,
    )!;
    const ids = body.requiredResourceAccess!.flatMap((r) => r.resourceAccess!.map((a) => a.id));
    expect(ids).toEqual(expect.arrayContaining(['extra-1', 'aad-1', ...plan.permissions.map((p) => p.id)]));
    expect(body.web?.redirectUris).toEqual([
      'https://kept.example.com/cb',
      'http://old.example.com/',
      REDIRECT,
    ]);
    expect(body.web?.implicitGrantSettings).toEqual({
      enableIdTokenIssuance: true,
      enableAccessTokenIssuance: false,
    });

    const removing = repairApplicationBody(
      current,
      repairPlan(current, ['removeExtraPermissions', 'removeAzureAdGraph', 'removeUnsafeRedirectUris']),
      wanted,
    )!;
    expect(removing.requiredResourceAccess).toEqual([]);
    expect(removing.web?.redirectUris).toEqual(['https://kept.example.com/cb']);
  });

  it('sends nothing when the registration has what the fixes add', () => {
    const s = snapshot();
    expect(
      repairApplicationBody(
        s.application,
        repairPlan(s.application, ['addPermissions', 'idTokens', 'lock']),
        wanted,
      ),
    ).toBeNull();
    expect(mergedResourceAccess([], [], [])).toEqual([]);
  });
});
