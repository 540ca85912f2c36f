import type { KeyCredential } from '@microsoft/microsoft-graph-types';
import type { PlannedRequiredResourceAccess, RegistrationPlan } from '../plan/plan-types';

/** The public part of a certificate credential, as Microsoft Graph stores it on the application. */
export type ManifestKeyCredential = Required<
  Pick<
    KeyCredential,
    | 'customKeyIdentifier'
    | 'displayName'
    | 'endDateTime'
    | 'key'
    | 'keyId'
    | 'startDateTime'
    | 'type'
    | 'usage'
  >
>;

/**
 * The application in the Microsoft Graph app manifest format, as the Entra portal's Manifest editor takes it. Only
 * properties an admin may set are included: read-only ones (`id`, `appId`) come from the registration itself.
 */
export function manifestFor(plan: RegistrationPlan, keyCredentials: readonly ManifestKeyCredential[] = []) {
  const {
    displayName,
    signInAudience,
    web,
    requiredResourceAccess,
    servicePrincipalLockConfiguration,
    info,
  } = plan.application;
  return {
    displayName,
    signInAudience,
    web: {
      ...(web.homePageUrl ? { homePageUrl: web.homePageUrl } : {}),
      redirectUris: web.redirectUris,
      implicitGrantSettings: web.implicitGrantSettings,
    },
    requiredResourceAccess,
    ...(servicePrincipalLockConfiguration ? { servicePrincipalLockConfiguration } : {}),
    // What users see on the consent prompt; the logo is not a manifest property (see the portal steps).
    ...(info ? { info } : {}),
    ...(keyCredentials.length ? { keyCredentials } : {}),
  };
}

/** `required-resource-access.json`: what the manifest's `requiredResourceAccess` and `az ad app` take. */
export function requiredResourceAccessFor(plan: RegistrationPlan): readonly PlannedRequiredResourceAccess[] {
  return plan.application.requiredResourceAccess;
}

export const toJsonFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The application's two JSON files, as offline mode offers them one by one and in its ZIP. */
export function applicationFiles(
  plan: RegistrationPlan,
  keyCredentials: readonly ManifestKeyCredential[] = [],
): { readonly name: string; readonly content: string }[] {
  return [
    { name: 'manifest.json', content: toJsonFile(manifestFor(plan, keyCredentials)) },
    { name: 'required-resource-access.json', content: toJsonFile(requiredResourceAccessFor(plan)) },
  ];
}
