import type { Application } from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { compareWithPlan } from './drift';
import { applicationBody, keyCredentialBody } from './graph-requests';
import { adminSharePointPlan, testKeyCredential } from '../../test-support/graph/emulator-harness';

const plan = adminSharePointPlan();
const rra = plan.application.requiredResourceAccess.map((r) => ({
  resourceAppId: r.resourceAppId,
  resourceAccess: r.resourceAccess.map((a) => ({ ...a })),
}));
const body = applicationBody(plan.application, rra, [keyCredentialBody(testKeyCredential(), '2026-01-01')]);
const certificateKeyId = testKeyCredential().keyId;
const secretKeyId = '44444444-4444-4444-8444-444444444444';

const asStored = (): Application => ({
  displayName: body.displayName,
  signInAudience: body.signInAudience,
  web: {
    redirectUris: [...body.web.redirectUris],
    implicitGrantSettings: { ...body.web.implicitGrantSettings },
  },
  requiredResourceAccess: structuredClone(rra).reverse(),
  servicePrincipalLockConfiguration: { isEnabled: true, allProperties: true, credentialsWithUsageSign: true },
  keyCredentials: [{ keyId: certificateKeyId, customKeyIdentifier: 'r6cc666qWau9Wj194OAJlQl7Zhc=' }],
  passwordCredentials: [{ keyId: secretKeyId }],
});

describe('compareWithPlan', () => {
  it('finds no drift when the registration reads back as sent (order does not matter)', () => {
    expect(compareWithPlan(asStored(), { body, certificateKeyId, secretKeyId })).toEqual({
      drift: [],
      storedCustomKeyIdentifier: 'r6cc666qWau9Wj194OAJlQl7Zhc=',
    });
  });

  it('lists each property that differs', () => {
    const stored: Application = {
      ...asStored(),
      displayName: 'Renamed',
      signInAudience: 'AzureADandPersonalMicrosoftAccount',
      web: {
        redirectUris: ['https://other.example/cb'],
        implicitGrantSettings: { enableIdTokenIssuance: false },
      },
      requiredResourceAccess: [
        { resourceAppId: rra[0]?.resourceAppId ?? '', resourceAccess: [{ id: 'extra', type: 'Role' }] },
      ],
      keyCredentials: [],
      passwordCredentials: [],
      servicePrincipalLockConfiguration: { isEnabled: false },
    };
    const { drift, storedCustomKeyIdentifier } = compareWithPlan(stored, {
      body,
      certificateKeyId,
      secretKeyId,
    });
    const properties = new Set(drift.map((d) => d.property));
    expect(properties).toEqual(
      new Set([
        'displayName',
        'signInAudience',
        'web.redirectUris',
        'web.implicitGrantSettings.enableIdTokenIssuance',
        'requiredResourceAccess',
        'servicePrincipalLockConfiguration',
        'keyCredentials',
        'passwordCredentials',
      ]),
    );
    expect(drift.find((d) => d.property === 'displayName')).toEqual({
      property: 'displayName',
      expected: 'Contoso Sync',
      actual: 'Renamed',
    });
    expect(drift.filter((d) => d.property === 'requiredResourceAccess')).toHaveLength(11);
    expect(storedCustomKeyIdentifier).toBeNull();
  });
});
