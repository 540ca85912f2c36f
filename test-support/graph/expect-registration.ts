/** Assertions on the emulator's final directory state after a run (test support only). */
import { expect } from 'vitest';
import type { Emulator } from '../../src/demo/emulator/emulator';
import { TEST_CERTIFICATE_THUMBPRINT_BASE64 } from '../../src/demo/emulator/fixtures/test-certificate';
import { resourceApi } from '../../src/catalog/resource-apis';
import type { RunResult } from '../../src/graph/run-types';
import type { RegistrationPlan } from '../../src/plan/plan-types';

/** Resource service principals the emulator seeds (Graph, SharePoint, Management APIs, Azure AD Graph). */
const SEEDED_SERVICE_PRINCIPALS = 4;

/** What consent the final state must show. */
export type ExpectedConsent = 'granted' | 'none';

/**
 * Exactly one application with the plan's properties, exactly one live secret (the result's), the certificate
 * stored with its thumbprint, one service principal, and exactly the planned grants, or none.
 */
export function expectRegistration(
  emu: Emulator,
  plan: RegistrationPlan,
  result: RunResult,
  consent: ExpectedConsent,
  liveSecrets = 1,
): void {
  const apps = emu.applications();
  expect(apps).toHaveLength(1);
  const [app] = apps;
  if (!app) throw new Error('No application was created.');
  expect(result.application).toEqual({
    id: app.id,
    appId: app.appId,
    displayName: plan.application.displayName,
  });
  expect(app.uniqueName).toBe(plan.application.uniqueName);
  expect(app.displayName).toBe(plan.application.displayName);
  expect(app.signInAudience).toBe('AzureADMultipleOrgs');
  expect(app.web?.redirectUris).toEqual(plan.application.web.redirectUris);
  expect(app.web?.implicitGrantSettings).toEqual(plan.application.web.implicitGrantSettings);
  expect(app.requiredResourceAccess).toEqual(plan.application.requiredResourceAccess);

  const secrets = emu.liveSecrets(app.id);
  expect(secrets).toHaveLength(liveSecrets);
  const secret = result.secret;
  if (!secret) throw new Error('The run made no secret');
  expect(secrets.filter((s) => s.secretText === secret.secretText)).toHaveLength(1);
  expect(secrets.find((s) => s.keyId === secret.keyId)?.displayName).toBe(secret.displayName);

  if (plan.credentials.certificate.required) {
    expect(app.keyCredentials).toHaveLength(1);
    expect(app.keyCredentials[0]?.customKeyIdentifier).toBe(TEST_CERTIFICATE_THUMBPRINT_BASE64);
    expect(result.storedCustomKeyIdentifier).toBe(TEST_CERTIFICATE_THUMBPRINT_BASE64);
  } else {
    expect(app.keyCredentials).toEqual([]);
    expect(result.storedCustomKeyIdentifier).toBeNull();
  }

  expect(emu.servicePrincipals()).toHaveLength(SEEDED_SERVICE_PRINCIPALS + 1);
  const sp = emu.servicePrincipal(app.appId);
  expect(sp?.id).toBe(result.servicePrincipalId);
  expect(result.tenantId).toBe(emu.tenantId);

  const spOf = (appId: string) => emu.servicePrincipal(appId)?.id ?? 'missing';
  const grants = emu.grantsFor(result.servicePrincipalId ?? 'missing');
  const roles = emu.appRoleAssignmentsFor(result.servicePrincipalId ?? 'missing');
  if (consent === 'none') {
    expect(grants).toEqual([]);
    expect(roles).toEqual([]);
    return;
  }
  const delegated = plan.permissions.filter((p) => p.kind === 'delegated');
  const wantGrants = [...new Set(delegated.map((p) => p.api))].map((api) => ({
    resourceId: spOf(resourceApi(api).appId),
    scope: delegated
      .filter((p) => p.api === api)
      .map((p) => p.name)
      .sort(),
  }));
  const haveGrants = grants.map((g) => {
    expect(g).toMatchObject({ consentType: 'AllPrincipals', principalId: null });
    return { resourceId: g.resourceId, scope: g.scope.split(' ').sort() };
  });
  expect(haveGrants).toEqual(expect.arrayContaining(wantGrants));
  expect(haveGrants).toHaveLength(wantGrants.length);

  const wantRoles = plan.permissions
    .filter((p) => p.kind === 'application')
    .map((p) => `${spOf(resourceApi(p.api).appId)} ${p.id}`)
    .sort();
  expect(roles.map((r) => `${r.resourceId} ${r.appRoleId}`).sort()).toEqual(wantRoles);
}
