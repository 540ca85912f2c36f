/** Read-side helpers for tests: the final directory state, issued tokens, and a shortcut to mint a token. */
import { DEFAULT_ADMIN } from './defaults';
import { GRAPH_APP_ID, recordConsent } from './login-scopes';
import type { ParsedScopes } from './login-scopes';
import { issueTokens } from './login-token-issue';
import { isHeld } from './replication';
import type { Runtime } from './runtime';
import type {
  AdminConsentRequest,
  IssuedAccessToken,
  StoredApplication,
  StoredAppRoleAssignment,
  StoredGrant,
  StoredLogo,
  StoredPasswordCredential,
  StoredServicePrincipal,
} from './state';
import type { EmulatedUser } from './types';

/** Options of {@link EmulatorQueries.mintAccessToken}. */
export interface MintOptions {
  /** Graph permission values, e.g. `['Application.ReadWrite.All']`; they are recorded as consented. */
  readonly scopes: readonly string[];
  readonly user?: EmulatedUser;
  /** Default: a fixed test client id. */
  readonly clientId?: string;
  /** Default `https://graph.microsoft.com`. */
  readonly resource?: string;
}

/** The query helpers every emulator has. */
export interface EmulatorQueries {
  /** Every application, as stored (secrets keep `secretText`, certificates keep `key`). */
  applications(): StoredApplication[];
  /** The application with this object id, appId or uniqueName. */
  application(ref: string): StoredApplication | undefined;
  /** Every service principal (seeded first-party ones included). */
  servicePrincipals(): StoredServicePrincipal[];
  /** The service principal with this object id or appId. */
  servicePrincipal(ref: string): StoredServicePrincipal | undefined;
  /** The application's client secrets that have not expired (by the emulator clock). */
  liveSecrets(appRef: string): StoredPasswordCredential[];
  /** The logo uploaded to the application (object id, appId or uniqueName); undefined when none was. */
  logoOf(appRef: string): StoredLogo | undefined;
  /** Delegated grants whose client is this service principal (object id or appId). */
  grantsFor(clientSpRef: string): StoredGrant[];
  /** App role assignments whose principal is this service principal (object id or appId). */
  appRoleAssignmentsFor(clientSpRef: string): StoredAppRoleAssignment[];
  /** Access tokens issued so far. */
  accessTokens(): IssuedAccessToken[];
  /** Requests users sent with "Request approval" (admin consent workflow on), oldest first. */
  adminConsentRequests(): AdminConsentRequest[];
  /** Whether the object is still invisible because of the replication delay. */
  isReplicating(objectId: string): boolean;
  /** The Microsoft Graph service principal (seeded). */
  graphServicePrincipal(): StoredServicePrincipal | undefined;
  /**
   * Issues a Graph access token directly (no sign-in page), recording consent to `scopes`. For tests that
   * exercise Graph alone, and for demo modes that skip sign-in.
   */
  mintAccessToken(options: MintOptions): Promise<string>;
}

/** Fixed client id used by {@link EmulatorQueries.mintAccessToken} when none is given. */
export const TEST_CLIENT_ID = 'b9a2f1e3-5c4d-4e6f-8a7b-0c1d2e3f4a5b';

/** Builds the query helpers over a runtime. */
export function createQueries(rt: Runtime): EmulatorQueries {
  const s = rt.state;
  const application = (ref: string) => {
    const r = ref.toLowerCase();
    return [...s.applications.values()].find(
      (a) => a.id === r || a.appId === r || a.uniqueName?.toLowerCase() === r,
    );
  };
  const servicePrincipal = (ref: string) => {
    const r = ref.toLowerCase();
    return [...s.servicePrincipals.values()].find((sp) => sp.id === r || sp.appId === r);
  };
  return {
    applications: () => [...s.applications.values()],
    application,
    logoOf: (appRef) => {
      const id = application(appRef)?.id;
      return id ? s.applicationLogos.get(id) : undefined;
    },
    servicePrincipals: () => [...s.servicePrincipals.values()],
    servicePrincipal,
    liveSecrets: (appRef) => {
      const secrets: StoredPasswordCredential[] = application(appRef)?.passwordCredentials ?? [];
      return secrets.filter((p) => Date.parse(p.endDateTime ?? '') > rt.now());
    },
    grantsFor: (ref) => {
      const sp = servicePrincipal(ref);
      return [...s.oauth2PermissionGrants.values()].filter((g) => g.clientId === sp?.id);
    },
    appRoleAssignmentsFor: (ref) => {
      const sp = servicePrincipal(ref);
      return [...s.appRoleAssignments.values()].filter((a) => a.principalId === sp?.id);
    },
    accessTokens: () => [...s.accessTokens.values()],
    adminConsentRequests: () => [...s.adminConsentRequests],
    isReplicating: (id) => isHeld(rt, id),
    graphServicePrincipal: () => servicePrincipal(GRAPH_APP_ID),
    mintAccessToken: async (options) => {
      const user = options.user ?? s.users[0] ?? DEFAULT_ADMIN;
      const clientId = options.clientId ?? TEST_CLIENT_ID;
      const resource = options.resource ?? 'https://graph.microsoft.com';
      recordConsent(rt, clientId, user.oid, options.scopes);
      const scopes: ParsedScopes = { resource, permissions: [...options.scopes], offlineAccess: false };
      const host = new URL(resource).host;
      const response = await issueTokens(
        rt,
        {
          method: 'POST',
          url: new URL(`https://${host}/`),
          host: 'login.microsoftonline.com',
          headers: {},
          body: undefined,
          countedHolds: new Set(),
          batchItem: false,
        },
        { clientId, user, scopeParam: options.scopes.map((p) => `${resource}/${p}`).join(' '), scopes },
      );
      return (JSON.parse(response.body) as { access_token: string }).access_token;
    },
  };
}
