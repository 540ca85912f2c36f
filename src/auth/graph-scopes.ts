import type { Cloud } from '../config/clouds';
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';

/** The permissions to request when the admin clicks Create, by whether they chose to grant admin consent now. */
export function permissionsToCreate(grantConsent: boolean): readonly string[] {
  return grantConsent
    ? [...WIZARD_PERMISSIONS.create, ...WIZARD_PERMISSIONS.grantConsent]
    : WIZARD_PERMISSIONS.create;
}

/**
 * Graph permissions as scope URIs of the cloud's Graph host (`https://graph.microsoft.us/User.Read`), so tokens are
 * issued for the right national cloud. Values that already are URIs are kept as they are.
 */
export function graphScopes(cloud: Cloud, permissions: readonly string[]): string[] {
  return permissions.map((p) => (/^https:\/\//i.test(p) ? p : `${cloud.graph}/${p}`));
}

/** The authority every sign-in goes to: any work or school account, in the configured cloud. */
export function authorityFor(cloud: Cloud): string {
  return `${cloud.login}/organizations`;
}
