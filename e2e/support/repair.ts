import { resourceApi } from '../../src/catalog/resource-apis';
import { DEFAULT_ADMIN } from '../../src/demo/emulator/defaults';
import type { SeededApplication } from '../../src/demo/emulator/seed-applications';
import { REDIRECT } from './automatic';

const GRAPH = resourceApi('graph').appId;
const scope = (value: string) => ({ resourceAppId: GRAPH, value, type: 'Scope' as const });
const role = (value: string) => ({ resourceAppId: GRAPH, value, type: 'Role' as const });

/**
 * Outlook Mail for admin accounts, made by hand in the portal: Mail.ReadWrite and Mail.Send missing, ID tokens off,
 * its secret ending in 10 days, no service principal (so no consent), two owners.
 */
export const driftedMail: SeededApplication = {
  displayName: 'Kloudless Mail (portal)',
  redirectUris: [REDIRECT],
  permissions: [
    scope('email'),
    scope('offline_access'),
    scope('openid'),
    scope('profile'),
    role('MailboxSettings.Read'),
    role('User.Read.All'),
  ],
  idTokens: false,
  secrets: [{ displayName: 'production', expiresInDays: 10 }],
  servicePrincipal: false,
  owners: [DEFAULT_ADMIN.oid, '0f5a3b2c-1d4e-4f60-8a7b-9c0d1e2f3a4b'],
};
