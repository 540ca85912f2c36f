import { describe, expect, it } from 'vitest';
import {
  TEST_CERTIFICATE_BASE64,
  TEST_CERTIFICATE_NOT_AFTER,
  TEST_CERTIFICATE_NOT_BEFORE,
  TEST_CERTIFICATE_THUMBPRINT_BASE64,
} from './fixtures/test-certificate';
import { callGraph } from './graph-client';
import { adminTenant } from './test-tenant';

const setup = (scopes = ['Application.ReadWrite.All']) => adminTenant({}, scopes);

const upsertPath = (name: string) => `/applications(uniqueName='${name}')`;
const createIfMissing = { prefer: 'create-if-missing' };

describe('keyCredentials', () => {
  const cert = (extra: Record<string, unknown> = {}) => ({
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    key: TEST_CERTIFICATE_BASE64,
    ...extra,
  });

  it('stores a certificate, defaults dates and the thumbprint, and hides key unless $selected', async () => {
    const { emu, token } = await setup();
    const created = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', keyCredentials: [cert()] },
      createIfMissing,
    );
    expect(created.status).toBe(201);
    const [key] = emu.application('a')?.keyCredentials ?? [];
    expect(key).toMatchObject({
      customKeyIdentifier: TEST_CERTIFICATE_THUMBPRINT_BASE64,
      startDateTime: TEST_CERTIFICATE_NOT_BEFORE,
      endDateTime: TEST_CERTIFICATE_NOT_AFTER,
      displayName: 'CN=Contoso Connector Test Certificate',
    });
    const id = String(created.body?.['id']);
    const plain = await callGraph(emu, token, 'GET', `/applications/${id}`);
    expect((plain.body?.['keyCredentials'] as { key: unknown }[])[0]?.key).toBeNull();
    const selected = await callGraph(emu, token, 'GET', `/applications/${id}?$select=id,keyCredentials`);
    expect(Object.keys(selected.body ?? {}).sort()).toEqual(['@odata.context', 'id', 'keyCredentials']);
    expect((selected.body?.['keyCredentials'] as { key: unknown }[])[0]?.key).toBe(TEST_CERTIFICATE_BASE64);
    const listed = await callGraph(
      emu,
      token,
      'GET',
      `/applications?$filter=uniqueName eq 'a'&$select=keyCredentials`,
    );
    expect(
      (listed.body?.['value'] as { keyCredentials: { key: unknown }[] }[])[0]?.keyCredentials[0]?.key,
    ).toBeNull();
  });

  it('replaces the whole collection on PATCH', async () => {
    const { emu, token } = await setup();
    await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', keyCredentials: [cert({ displayName: 'one' })] },
      createIfMissing,
    );
    await callGraph(emu, token, 'PATCH', upsertPath('a'), { keyCredentials: [cert({ displayName: 'two' })] });
    expect(emu.application('a')?.keyCredentials.map((k) => k.displayName)).toEqual(['two']);
  });

  it.each([
    [{ key: btoa('not a certificate') }, 'Invalid certificate'],
    [
      {
        key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB',
      },
      'Invalid certificate',
    ],
    [{ key: '%%%' }, 'Invalid certificate'],
    [{ key: null }, 'KeyValue cannot be null or empty'],
    [{ usage: 'Encrypt' }, 'Acceptable values are Sign, Verify'],
    [{ type: 'Symmetric' }, 'property "type"'],
    [{ endDateTime: '2061-01-01T00:00:00Z' }, 'Key credential end date is invalid'],
    [{ startDateTime: '2019-01-01T00:00:00Z' }, 'Key credential start date is invalid'],
  ])('rejects %j', async (change, message) => {
    const { emu, token } = await setup();
    const res = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', keyCredentials: [cert(change)] },
      createIfMissing,
    );
    expect(res.status).toBe(400);
    expect(String((res.body?.['error'] as { message: string }).message)).toContain(message);
  });

  it('enforces the certificate lifetime policy switch', async () => {
    const { emu, token } = await setup();
    emu.faults.maxCertificateLifetimeDays = 366;
    const res = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      { displayName: 'A', keyCredentials: [cert()] },
      createIfMissing,
    );
    expect(res.body?.['error']).toMatchObject({ code: 'CredentialInvalidLifetimeAsPerAppPolicy' });
    const ok = await callGraph(
      emu,
      token,
      'PATCH',
      upsertPath('a'),
      {
        displayName: 'A',
        keyCredentials: [
          cert({ startDateTime: '2030-01-01T00:00:00Z', endDateTime: '2030-12-31T00:00:00Z' }),
        ],
      },
      createIfMissing,
    );
    expect(ok.status).toBe(201);
  });
});
