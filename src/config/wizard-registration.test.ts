import { describe, expect, it } from 'vitest';
import source from '../catalog/microsoft-permissions.source.json';
import { WIZARD_PERMISSIONS } from './wizard-permissions';
import { ORIGIN_PLACEHOLDER, wizardOriginProblem, wizardRegistration } from './wizard-registration';

const GRAPH = '00000003-0000-0000-c000-000000000000';

/** The delegated Graph permission ids as the permission data records them, by name. */
const sourceIds = new Map(
  (source.resources.find((r) => r.appId === GRAPH)?.permissions ?? [])
    .filter((p) => p.type === 'Scope' && p.exists)
    .map((p) => [p.value, p.id]),
);

describe('wizardRegistration', () => {
  it('is a multitenant single-page application returning to the redirect bridge of the site', () => {
    const { manifest, origin, placeholder, redirectUri } = wizardRegistration('https://Setup.Example.com/');
    expect(origin).toBe('https://setup.example.com');
    expect(placeholder).toBe(false);
    expect(redirectUri).toBe('https://setup.example.com/redirect.html');
    expect(manifest).toMatchObject({
      displayName: 'Entra Setup Wizard',
      signInAudience: 'AzureADMultipleOrgs',
      spa: { redirectUris: ['https://setup.example.com/redirect.html'] },
    });
    expect(Object.keys(manifest)).toEqual(['displayName', 'signInAudience', 'spa', 'requiredResourceAccess']);
  });

  it('requests every Microsoft Graph delegated permission the wizard asks for, with the ids of the permission data', () => {
    const { manifest, permissions } = wizardRegistration('https://setup.example.com');
    expect(permissions.map((p) => p.name)).toEqual([
      'openid',
      'profile',
      'User.Read',
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
      'Policy.Read.All',
    ]);
    expect(permissions.map((p) => p.name)).toEqual(Object.values(WIZARD_PERMISSIONS).flat());
    expect(manifest.requiredResourceAccess).toHaveLength(1);
    const [graph] = manifest.requiredResourceAccess;
    expect(graph?.resourceAppId).toBe(GRAPH);
    expect(graph?.resourceAccess).toEqual(
      permissions.map((p) => ({ id: sourceIds.get(p.name), type: 'Scope' as const })),
    );
    expect(graph?.resourceAccess.map((a) => a.id)).toContain('bdfbf15f-ee85-4955-8675-146e8e5296b5');
  });

  it('says when the wizard asks for each permission', () => {
    const asked = Object.fromEntries(wizardRegistration().permissions.map((p) => [p.name, p.askedFor]));
    expect(asked).toMatchObject({
      'User.Read': 'at sign-in',
      'Application.ReadWrite.All': 'when the admin clicks Create',
      'DelegatedPermissionGrant.ReadWrite.All': 'when the admin also grants admin consent',
    });
  });

  it('puts a placeholder that Entra refuses where the origin goes when none is given', () => {
    const registration = wizardRegistration();
    expect(registration.placeholder).toBe(true);
    expect(registration.manifest.spa.redirectUris).toEqual([`${ORIGIN_PLACEHOLDER}/redirect.html`]);
    expect(() => new URL(registration.redirectUri)).toThrow();
  });

  it('accepts http only for localhost, with its port', () => {
    expect(wizardRegistration('http://localhost:5173').redirectUri).toBe(
      'http://localhost:5173/redirect.html',
    );
    expect(() => wizardRegistration('http://setup.example.com')).toThrow(/must use https:\/\//);
  });
});

describe('wizardOriginProblem', () => {
  it.each([
    ['https://setup.example.com', null],
    ['https://setup.example.com:8443', null],
    ['http://localhost:4173', null],
    ['setup.example.com', /is not an absolute URL/],
    ['http://127.0.0.1:5173', /must use https:\/\/ \(plain http:\/\/ only for http:\/\/localhost\)/],
    ['ftp://setup.example.com', /must use https:\/\//],
    ['https://setup.example.com/wizard', /must be an origin only .* served at the root of its site/],
    ['https://setup.example.com/?x=1', /must be an origin only/],
    ['https://setup.example.com#top', /must be an origin only/],
    ['https://admin:secret@setup.example.com', /must not carry a user name or password/],
  ])('%s', (origin, problem) => {
    const found = wizardOriginProblem(origin);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
