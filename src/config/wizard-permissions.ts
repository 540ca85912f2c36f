/**
 * Microsoft Graph permissions the wizard itself asks for, as delegated permission names. Each one is requested only
 * at the moment it is needed (incremental consent), so an admin never grants more than the task in hand. The wizard's
 * own app registration lists them all (`wizard-registration.ts`), so an administrator can grant them at once.
 */
export const WIZARD_PERMISSIONS = {
  /** OpenID Connect scopes MSAL adds to every sign-in: the admin's identity and basic profile. */
  oidc: ['openid', 'profile'],
  /** Asked for at sign-in: the admin's name, user name and tenant. */
  signIn: ['User.Read'],
  /** Asked for when the admin clicks Create: create the app registration and its service principal. */
  create: ['Application.ReadWrite.All'],
  /** Asked for too when the admin chose to grant admin consent now: app role assignments and delegated grants. */
  grantConsent: ['AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
  /**
   * Asked for with Create's permissions: read the tenant's consent and credential policies before any write. Graph
   * has no narrower delegated permission for `policies/authorizationPolicy` and `policies/adminConsentRequestPolicy`
   * (learn.microsoft.com/graph/api/authorizationpolicy-get, adminconsentrequestpolicy-get), and it lists
   * `Policy.Read.All` as the least privileged one for `policies/defaultAppManagementPolicy` too
   * (tenantappmanagementpolicy-get): `Policy.Read.PermissionGrant` and `Policy.Read.ApplicationConfiguration`
   * would be asked for on top of it, never instead.
   */
  readPolicies: ['Policy.Read.All'],
} as const;

/** Why the wizard asks for each group of permissions, in the words the deployment guide uses. */
export const WIZARD_PERMISSION_REASONS: Readonly<Record<keyof typeof WIZARD_PERMISSIONS, string>> = {
  oidc: 'at sign-in',
  signIn: 'at sign-in',
  create: 'when the admin clicks Create',
  grantConsent: 'when the admin also grants admin consent',
  readPolicies:
    "when the admin clicks Create or Rotate, to check the tenant's consent and credential policies first",
};
