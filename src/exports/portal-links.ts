import type { Cloud } from '../config/clouds';

/** Pages of an app registration in the portal, by the name of their blade. */
export type AppBlade = 'Overview' | 'Authentication' | 'Credentials' | 'CallAnAPI' | 'Manifest' | 'Branding';

export const portalLinks = {
  appRegistrations: (cloud: Cloud) =>
    `${cloud.portal}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`,
  newRegistration: (cloud: Cloud) =>
    `${cloud.portal}/#view/Microsoft_AAD_RegisteredApps/CreateApplicationBlade/quickStartType~/null/isMSAApp~/false`,
  companyBranding: (cloud: Cloud) =>
    `${cloud.portal}/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/LoginTenantBranding`,
  /** A page of one registration when its client ID is known; the list of registrations otherwise. */
  app: (cloud: Cloud, blade: AppBlade, clientId?: string) =>
    clientId
      ? `${cloud.portal}/#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/${blade}/appId/${clientId}/isMSAApp/`
      : portalLinks.appRegistrations(cloud),
};
