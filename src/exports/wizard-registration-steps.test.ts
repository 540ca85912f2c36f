import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { wizardRegistration } from '../config/wizard-registration';
import { stepsMarkdown } from './portal-steps-file';
import { AZ_CLOUD_NAMES, azCommand, wizardPortalSteps } from './wizard-registration-steps';

const registration = wizardRegistration('https://setup.example.com');

/** The JSON body of the command, as bash hands it to az: everything between the single quotes. */
const bodyOf = (command: string) => JSON.parse(/--body '([^']*)'$/.exec(command)?.[1] ?? 'null') as unknown;

describe('azCommand', () => {
  it('posts exactly the manifest to Microsoft Graph and prints the new Application (client) ID', () => {
    const command = azCommand(registration, clouds.global);
    expect(bodyOf(command)).toEqual(registration.manifest);
    expect(command.split('\n').slice(0, 4)).toEqual([
      'az cloud set --name AzureCloud',
      'az login --allow-no-subscriptions',
      'az rest --method POST --uri https://graph.microsoft.com/v1.0/applications --resource https://graph.microsoft.com \\',
      '  --headers Content-Type=application/json --query appId --output tsv \\',
    ]);
  });

  it('uses the Azure CLI cloud and the Graph host of each cloud', () => {
    expect(azCommand(registration, clouds.china)).toContain('az cloud set --name AzureChinaCloud\n');
    expect(azCommand(registration, clouds.china)).toContain(
      '--uri https://microsoftgraph.chinacloudapi.cn/v1.0/applications --resource https://microsoftgraph.chinacloudapi.cn',
    );
    expect(azCommand(registration, clouds.usgovdod)).toContain('--uri https://dod-graph.microsoft.us/v1.0/');
    expect(Object.keys(AZ_CLOUD_NAMES).sort()).toEqual(Object.keys(clouds).sort());
  });

  it('keeps the placeholder origin, which Microsoft Graph refuses, until it is replaced', () => {
    expect(azCommand(wizardRegistration(), clouds.global)).toContain(
      '"https://<your-wizard-host>/redirect.html"',
    );
  });
});

describe('wizardPortalSteps', () => {
  it('registers a multitenant single-page application with the site’s redirect bridge', () => {
    const [register] = wizardPortalSteps(registration, clouds.usgov);
    expect(register?.link?.href).toMatch(
      /^https:\/\/portal\.azure\.us\/#view\/Microsoft_AAD_RegisteredApps\/Create/,
    );
    expect(register?.details.join(' ')).toContain('(Any Microsoft Entra ID tenant - Multitenant)');
    expect(register?.details.join(' ')).toContain('Single-page application (SPA)');
    expect(register?.values).toEqual([
      { label: 'Name', value: 'Entra Setup Wizard' },
      { label: 'Redirect URI (Single-page application)', value: 'https://setup.example.com/redirect.html' },
    ]);
  });

  it('adds the same Microsoft Graph delegated permissions as the manifest, then puts the client ID in config.json', () => {
    const steps = wizardPortalSteps(registration, clouds.global);
    expect(steps.map((s) => s.id)).toEqual(['register', 'permissions', 'client-id']);
    expect(steps[1]?.values).toEqual([
      {
        label: 'Microsoft Graph, Delegated',
        value:
          'openid profile User.Read Application.ReadWrite.All AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All Policy.Read.All',
      },
    ]);
    expect(stepsMarkdown(steps)).toContain('config.json as "clientId"');
  });
});
