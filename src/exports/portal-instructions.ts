import { resourceApis } from '../catalog/resource-apis';
import type { Cloud } from '../config/clouds';
import type { RegistrationPlan } from '../plan/plan-types';
import { portalLinks } from './portal-links';

/** A value the admin types or pastes into the portal, shown with a copy button. */
export interface InstructionValue {
  readonly label: string;
  readonly value: string;
}

export interface InstructionStep {
  readonly id: string;
  readonly title: string;
  readonly link?: { readonly label: string; readonly href: string };
  readonly details: readonly string[];
  readonly values?: readonly InstructionValue[];
}

export interface InstructionsInput {
  readonly plan: RegistrationPlan;
  readonly cloud: Cloud;
  readonly platformName: string;
  /** Once the admin has registered the app, links go straight to its pages. */
  readonly clientId?: string;
}

/** Numbered portal steps for exactly this plan: nothing the selection does not need. */
export function portalInstructions({
  plan,
  cloud,
  platformName,
  clientId,
}: InstructionsInput): InstructionStep[] {
  const [firstUri = '', ...otherUris] = plan.application.web.redirectUris;
  const steps: InstructionStep[] = [
    {
      id: 'register',
      title: 'Register the application',
      link: { label: 'Open New registration', href: portalLinks.newRegistration(cloud) },
      details: [
        'Enter the name below.',
        'Under Supported account types, select "Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)". Do not select the option that includes personal Microsoft accounts.',
        'Under Redirect URI, select the Web platform and enter the URI below.',
        'Select Register.',
      ],
      values: [
        { label: 'Name', value: plan.application.displayName },
        { label: 'Redirect URI (Web)', value: firstUri },
      ],
    },
    {
      id: 'ids',
      title: 'Copy the application and directory IDs',
      link: { label: 'Open Overview', href: portalLinks.app(cloud, 'Overview', clientId) },
      details: [
        'On the Overview page, copy the Application (client) ID and the Directory (tenant) ID. Paste the client ID below to turn these links into links to your app and to build the admin consent link.',
      ],
    },
  ];

  if (otherUris.length || plan.idTokens.enabled) {
    steps.push({
      id: 'authentication',
      title: 'Finish the Authentication settings',
      link: { label: 'Open Authentication', href: portalLinks.app(cloud, 'Authentication', clientId) },
      details: [
        ...(otherUris.length ? ['Under Web > Redirect URIs, select Add URI and add each URI below.'] : []),
        ...(plan.idTokens.enabled
          ? [
              'Under Implicit grant and hybrid flows, select "ID tokens (used for implicit and hybrid flows)". Admin accounts need it; leave "Access tokens" cleared.',
            ]
          : []),
        'Select Save.',
      ],
      values: otherUris.map((uri, i) => ({ label: `Redirect URI ${i + 2}`, value: uri })),
    });
  }

  steps.push({
    id: 'permissions',
    title: 'Add the API permissions',
    link: { label: 'Open Manifest', href: portalLinks.app(cloud, 'Manifest', clientId) },
    details: [
      'Fastest: in the Manifest editor, replace the value of "requiredResourceAccess" with the contents of required-resource-access.json, then select Save.',
      'Or, under API permissions, select Add a permission and add each permission listed below, choosing the API and then Delegated or Application permissions.',
      ...(plan.permissions.some((p) => p.api === 'aad-graph')
        ? [
            'Azure Active Directory Graph may no longer appear in the permission picker; the manifest route adds it.',
          ]
        : []),
    ],
    values: resourceApis.flatMap((api) =>
      (['delegated', 'application'] as const).flatMap((kind) => {
        const names = plan.permissions.filter((p) => p.api === api.id && p.kind === kind).map((p) => p.name);
        return names.length
          ? [
              {
                label: `${api.portalName}, ${kind === 'delegated' ? 'Delegated' : 'Application'}`,
                value: names.join(' '),
              },
            ]
          : [];
      }),
    ),
  });

  steps.push({
    id: 'secret',
    title: 'Create the client secret',
    link: { label: 'Open Certificates & secrets', href: portalLinks.app(cloud, 'Credentials', clientId) },
    details: [
      'Under Client secrets, select New client secret, enter a description and choose an expiry (Microsoft recommends less than 12 months), then select Add.',
      'Copy the secret’s Value (not its Secret ID) at once: the portal shows it only now.',
    ],
  });

  if (plan.credentials.certificate.required) {
    steps.push({
      id: 'certificate',
      title: 'Add the certificate',
      link: { label: 'Open Certificates & secrets', href: portalLinks.app(cloud, 'Credentials', clientId) },
      details: [
        'Under Certificates, select Upload certificate and choose cert.cer (or cert.pem), then select Add.',
        'Or, in the Manifest editor, paste the entry from key-credentials.json into the "keyCredentials" list, then select Save. It is in the Microsoft Graph format the editor uses; the procedure’s entry with "value" is the retired Azure AD Graph format, which nothing accepts any more.',
        'Keep key.pem and its passphrase safe: the platform needs them, and nobody else should have them.',
      ],
    });
  }

  if (plan.adminConsent.required) {
    steps.push({
      id: 'consent',
      title: 'Grant admin consent',
      link: { label: 'Open API permissions', href: portalLinks.app(cloud, 'CallAnAPI', clientId) },
      details: [
        `${plan.adminConsent.permissions.length} of the permissions need an administrator's consent. Select "Grant admin consent for <your organization>" and confirm.`,
        'Granting Microsoft Graph application permissions needs the Privileged Role Administrator or Global Administrator role; Cloud Application Administrator can grant the others. Someone without these roles can send the admin consent link below to their administrator.',
      ],
    });
  }

  const fields = [
    'Client ID: the Application (client) ID',
    'Client Secret: the secret’s Value',
    ...(plan.credentials.certificate.required
      ? [
          'Custom Key Identifier: from the certificate step',
          'Private key passphrase: the passphrase of key.pem',
          'The private key file: key.pem',
        ]
      : []),
    'Azure Directory ID (optional): the Directory (tenant) ID',
  ];
  steps.push({
    id: 'platform',
    title: `Enter the credentials on ${platformName}'s Custom OAuth keys page`,
    details: fields,
  });

  return steps;
}
