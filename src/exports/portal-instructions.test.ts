import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { buildPlan } from '../plan/build-plan';
import type { ConnectorSelection } from '../plan/plan-types';
import { portalInstructions, type PrivateKeyProtection } from './portal-instructions';

const instructions = (
  connectors: ConnectorSelection[],
  redirectUris = ['https://a.example.com/cb'],
  clientId?: string,
  privateKey: PrivateKeyProtection = 'passphrase',
) =>
  portalInstructions({
    plan: buildPlan({ connectors, displayName: 'Contoso Sync', redirectUris }),
    privateKey,
    cloud: clouds.global,
    platformName: 'Kloudless',
    ...(clientId ? { clientId } : {}),
  });

describe('portal instructions', () => {
  it('for non-admin OneDrive: register, IDs, permissions, secret, platform; nothing else', () => {
    const steps = instructions([{ id: 'onedrive', mode: 'user' }]);
    expect(steps.map((s) => s.id)).toEqual([
      'register',
      'ids',
      'instance-lock',
      'permissions',
      'secret',
      'platform',
    ]);
    expect(steps[0]?.values).toEqual([
      { label: 'Name', value: 'Contoso Sync' },
      { label: 'Redirect URI (Web)', value: 'https://a.example.com/cb' },
    ]);
    expect(steps.at(-1)?.title).toBe("Enter the credentials on Kloudless's Custom OAuth keys page");
    expect(steps.at(-1)?.details).not.toContain('The private key file: key.pem');
  });

  it('leaves the lock step out when the admin turned the lock off', () => {
    const steps = portalInstructions({
      plan: buildPlan({
        connectors: [{ id: 'onedrive', mode: 'user' }],
        displayName: 'Contoso Sync',
        redirectUris: ['https://a.example.com/cb'],
        lockInstanceProperties: false,
      }),
      privateKey: 'passphrase',
      cloud: clouds.global,
      platformName: 'Kloudless',
    });
    expect(steps.map((s) => s.id)).not.toContain('instance-lock');
  });

  it('for admin SharePoint: ID tokens, certificate, consent and the certificate fields', () => {
    const steps = instructions([{ id: 'sharepoint', mode: 'admin' }]);
    expect(steps.map((s) => s.id)).toEqual([
      'register',
      'ids',
      'authentication',
      'instance-lock',
      'permissions',
      'secret',
      'certificate',
      'consent',
      'platform',
    ]);
    expect(steps.find((s) => s.id === 'authentication')?.details.join(' ')).toMatch(/ID tokens/);
    expect(steps.find((s) => s.id === 'instance-lock')?.details.join(' ')).toMatch(
      /Enable property lock.*All properties/,
    );
    expect(steps.find((s) => s.id === 'secret')?.details.join(' ')).toContain('180 days');
    expect(steps.find((s) => s.id === 'permissions')?.values).toEqual([
      {
        label: 'Microsoft Graph, Application',
        value:
          'Directory.ReadWrite.All Files.ReadWrite.All Group.ReadWrite.All Sites.ReadWrite.All User.ReadWrite.All',
      },
      {
        label: 'SharePoint, Application',
        value: 'Sites.FullControl.All TermStore.ReadWrite.All User.ReadWrite.All',
      },
      { label: 'Office 365 Management APIs, Application', value: 'ActivityFeed.Read' },
      { label: 'Azure Active Directory Graph, Application', value: 'Directory.ReadWrite.All' },
    ]);
    expect(steps.at(-1)?.details).toContain('The private key file: key.pem');
  });

  it('asks for the passphrase of key.pem only when it has one', () => {
    const admin = [{ id: 'sharepoint', mode: 'admin' }] as const;
    const text = (privateKey: PrivateKeyProtection) =>
      instructions([...admin], undefined, undefined, privateKey)
        .flatMap((s) => [s.title, ...s.details, ...(s.values ?? []).map((v) => `${v.label} ${v.value}`)])
        .join('\n');
    const fields = (privateKey: PrivateKeyProtection) =>
      instructions([...admin], undefined, undefined, privateKey)
        .find((s) => s.id === 'platform')
        ?.details.filter((d) => /private key/i.test(d));

    expect(fields('passphrase')).toEqual([
      'Private key passphrase: the passphrase of key.pem',
      'The private key file: key.pem',
    ]);
    expect(text('passphrase')).toMatch(/Keep key.pem and its passphrase safe/);

    expect(text('none')).not.toMatch(/passphrase/i);
    expect(fields('none')).toEqual(['The private key file: key.pem (not encrypted)']);
    expect(text('none')).toMatch(/Keep key.pem safe: it is not encrypted/);

    // A brought certificate's key is the admin's own: not key.pem, and perhaps without a passphrase.
    expect(fields('own')).toEqual([
      'Private key passphrase: the passphrase of your private key, if it has one',
      'The private key file: the private key of your certificate',
    ]);
    expect(text('own')).not.toMatch(/key\.pem/);
  });

  it('asks for the extra redirect URIs on the Authentication page', () => {
    const steps = instructions(
      [
        { id: 'teams', mode: 'user' },
        { id: 'outlook-mail', mode: 'user' },
      ],
      ['https://a.example.com/cb', 'https://b.example.com/cb'],
    );
    const auth = steps.find((s) => s.id === 'authentication');
    expect(auth?.values).toEqual([{ label: 'Redirect URI 2', value: 'https://b.example.com/cb' }]);
    expect(auth?.details.join(' ')).not.toMatch(/ID tokens/);
  });

  it("links to the app's own pages once the client ID is known", () => {
    const id = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
    const withId = instructions([{ id: 'onedrive', mode: 'user' }], undefined, id);
    expect(withId.find((s) => s.id === 'secret')?.link?.href).toBe(
      `https://portal.azure.com/#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/Credentials/appId/${id}/isMSAApp/`,
    );
    const without = instructions([{ id: 'onedrive', mode: 'user' }]);
    expect(without.find((s) => s.id === 'secret')?.link?.href).toMatch(/ApplicationsListBlade$/);
  });
});
