/** The emulated tenant and users, with fixed ids so tests can assert on them. */
import type { EmulatedTenant, EmulatedUser } from './types';

/** Tenant id of the emulated "Contoso" tenant (`tid`, `utid`, `/organization` id). */
export const DEFAULT_TENANT_ID = '5f4c8d2e-3a1b-4c6d-8e7f-9a0b1c2d3e4f';

/** The emulated tenant. */
export const DEFAULT_TENANT: EmulatedTenant = {
  id: DEFAULT_TENANT_ID,
  displayName: 'Contoso',
  initialDomain: 'contoso.onmicrosoft.com',
};

/** The default account: a Global Administrator who can consent to anything. */
export const DEFAULT_ADMIN: EmulatedUser = {
  oid: '0b3f2a1c-7d4e-4f5a-9b6c-1d2e3f4a5b6c',
  displayName: 'Megan Bowen',
  userPrincipalName: 'admin@contoso.onmicrosoft.com',
  mail: 'admin@contoso.onmicrosoft.com',
  isAdmin: true,
};

/**
 * An ordinary member (not in the default user list): an interactive request for an admin-only scope stops at "Need
 * admin approval" ("Approval required" with the admin consent workflow on).
 */
export const NON_ADMIN_USER: EmulatedUser = {
  oid: '1c4e3b2d-8e5f-4a6b-8c7d-2e3f4a5b6c7d',
  displayName: 'Adele Vance',
  userPrincipalName: 'adelev@contoso.onmicrosoft.com',
  mail: 'adelev@contoso.onmicrosoft.com',
  isAdmin: false,
};
