/** `/me` and `/organization`. */
import { requireScope } from './graph-auth';
import { collection, entity, graphJson, methodNotAllowed } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

/** `GET /me`: the signed-in user. */
export function handleMe(g: GraphContext): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const denied = requireScope(g, 'readMe');
  if (denied) return denied;
  const u = g.user;
  return graphJson(
    g,
    200,
    entity(g, 'users/$entity', {
      businessPhones: [],
      displayName: u?.displayName ?? null,
      givenName: u?.displayName.split(' ')[0] ?? null,
      jobTitle: null,
      mail: u?.mail ?? u?.userPrincipalName ?? null,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'en-US',
      surname: u?.displayName.split(' ').slice(1).join(' ') || null,
      userPrincipalName: u?.userPrincipalName ?? null,
      id: u?.oid ?? g.token?.userOid ?? null,
    }),
  );
}

/** `GET /organization`: the tenant. */
export function handleOrganization(g: GraphContext): EmulatorHttpResponse {
  if (g.req.method !== 'GET') return methodNotAllowed(g);
  const denied = requireScope(g, 'readOrganization');
  if (denied) return denied;
  const t = g.rt.state.tenant;
  return collection(g, 'organization', [
    {
      id: t.id,
      displayName: t.displayName,
      tenantType: 'AAD',
      countryLetterCode: 'US',
      verifiedDomains: [
        {
          capabilities: 'Email, OfficeCommunicationsOnline',
          isDefault: true,
          isInitial: true,
          name: t.initialDomain,
          type: 'Managed',
        },
      ],
    },
  ]);
}
