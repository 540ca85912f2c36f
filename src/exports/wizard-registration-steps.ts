import type { Cloud, CloudId } from '../config/clouds';
import type { WizardRegistration } from '../config/wizard-registration';
import type { InstructionStep } from './portal-instructions';
import { portalLinks } from './portal-links';

/**
 * The two ways to make the wizard's own app registration besides its manifest file: an Azure CLI command and portal
 * steps. Both are made from the registration itself, so names, the redirect URI and permission ids never drift from
 * `wizard-registration.json`.
 */

/** The Azure CLI's name for each cloud (`az cloud list`). */
export const AZ_CLOUD_NAMES: Readonly<Record<CloudId, string>> = {
  global: 'AzureCloud',
  usgov: 'AzureUSGovernment',
  usgovdod: 'AzureUSGovernment',
  china: 'AzureChinaCloud',
};

/**
 * A bash command that creates the registration with the Azure CLI and prints its Application (client) ID. `az ad app
 * create` cannot set single-page application redirect URIs, so it posts the manifest to Microsoft Graph with `az rest`.
 * `--allow-no-subscriptions` lets an administrator of a tenant without Azure subscriptions sign in.
 */
export function azCommand({ manifest }: WizardRegistration, cloud: Cloud): string {
  const body = JSON.stringify(manifest, null, 2);
  if (body.includes("'")) throw new Error('The manifest needs shell escaping');
  return [
    `az cloud set --name ${AZ_CLOUD_NAMES[cloud.id]}`,
    'az login --allow-no-subscriptions',
    `az rest --method POST --uri ${cloud.graph}/v1.0/applications --resource ${cloud.graph} \\`,
    '  --headers Content-Type=application/json --query appId --output tsv \\',
    `  --body '${body}'`,
  ].join('\n');
}

/** The registration, step by step in the Microsoft Entra admin center of the cloud. */
export function wizardPortalSteps(registration: WizardRegistration, cloud: Cloud): InstructionStep[] {
  const { manifest, permissions, redirectUri } = registration;
  return [
    {
      id: 'register',
      title: 'Register the application',
      link: { label: 'Open New registration', href: portalLinks.newRegistration(cloud) },
      details: [
        'Enter the name below.',
        'Under Supported account types, select "Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)".',
        'Under Redirect URI, select the Single-page application (SPA) platform and enter the URI below.',
        'Select Register.',
      ],
      values: [
        { label: 'Name', value: manifest.displayName },
        { label: 'Redirect URI (Single-page application)', value: redirectUri },
      ],
    },
    {
      id: 'permissions',
      title: 'Add the Microsoft Graph permissions',
      details: [
        'On the new registration’s API permissions page, select Add a permission, then Microsoft Graph, then Delegated permissions.',
        'Select each permission below, then Add permissions. Admins consent to them when they first use the wizard, so granting consent here is not needed.',
      ],
      values: [{ label: 'Microsoft Graph, Delegated', value: permissions.map((p) => p.name).join(' ') }],
    },
    {
      id: 'client-id',
      title: 'Put the Application (client) ID in config.json',
      details: [
        'Copy the Application (client) ID from the registration’s Overview page into the site’s config.json as "clientId".',
        'Add no client secret or certificate: the wizard signs admins in as a single-page application.',
      ],
    },
  ];
}
