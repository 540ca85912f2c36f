import type { Cloud } from '../config/clouds';

/**
 * Microsoft Graph permissions the wizard itself asks for, as delegated permission names. Each one is requested only
 * at the moment it is needed (incremental consent), so an admin never grants more than the task in hand.
 */
export const WIZARD_PERMISSIONS = {
  /** Asked for at sign-in: the admin's name, user name and tenant. */
  signIn: ['User.Read'],
  /** Asked for when the admin clicks Create: create the app registration and its service principal. */
  create: ['Application.ReadWrite.All'],
  /** Asked for too when the admin chose to grant admin consent now: app role assignments and delegated grants. */
  grantConsent: ['AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
} as const;

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

/**
 * The wizard's redirect URI: the redirect bridge page (`redirect.html`) next to the app. It must be registered as a
 * single-page application redirect URI on the wizard's own app registration.
 */
export function bridgeUriFor(origin: string): string {
  return `${origin}/redirect.html`;
}
