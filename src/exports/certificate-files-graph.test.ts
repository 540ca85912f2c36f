import { describe, expect, it } from 'vitest';
import { callGraph } from '../demo/emulator/graph-client';
import { adminTenant } from '../demo/emulator/test-tenant';
import { generateCertificate } from '../crypto/generate-certificate';
import { defaultSubject } from '../crypto/subject';
import { CREDENTIAL_FILE_NAMES, generatedCertificateFiles } from './certificate-files';

interface FileEntry {
  readonly customKeyIdentifier: string;
  readonly displayName: string;
  readonly endDateTime: string;
  readonly key: string;
  readonly keyId: string;
  readonly startDateTime: string;
  readonly type: string;
  readonly usage: string;
}

/** A certificate as the wizard generates it, its key-credentials.json entry, and an application in a tenant. */
async function setup() {
  const certificate = await generateCertificate(
    {
      subject: { ...defaultSubject },
      keySize: 2048,
      validityDays: 730,
      passphrase: null,
      pfxEncryption: 'aes256',
    },
    { subtle: crypto.subtle },
  );
  const file = generatedCertificateFiles(certificate).find(
    (f) => f.name === CREDENTIAL_FILE_NAMES.keyCredentials,
  );
  const { keyCredentials } = JSON.parse(String(file?.content)) as { keyCredentials: FileEntry[] };
  const { emu, token, create } = await adminTenant();
  const app = await create('c1', 'Connector');
  const patch = (entries: readonly object[]) =>
    callGraph(emu, token, 'PATCH', `/applications/${app.id}`, { keyCredentials: entries });
  return { certificate, keyCredentials, emu, patch };
}

describe('key-credentials.json in Microsoft Graph', () => {
  it('PATCHes into an application exactly as the wizard writes it, and Graph stores that certificate', async () => {
    const { certificate, keyCredentials, emu, patch } = await setup();
    const res = await patch(keyCredentials);
    expect(res.status).toBe(204);
    const stored = emu.application('c1')?.keyCredentials ?? [];
    expect(stored).toHaveLength(1);
    const [entry] = keyCredentials;
    expect(stored[0]).toMatchObject({
      key: Buffer.from(certificate.certificateDer).toString('base64'),
      keyId: entry?.keyId,
      customKeyIdentifier: certificate.customKeyIdentifier,
      displayName: certificate.subject,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    });
    expect(Date.parse(stored[0]?.startDateTime ?? '')).toBe(Date.parse(certificate.notBefore));
    expect(Date.parse(stored[0]?.endDateTime ?? '')).toBe(Date.parse(certificate.notAfter));
  }, 30_000);

  it("refuses the procedure's legacy Azure AD Graph entry, which carries the certificate as value", async () => {
    const { keyCredentials, emu, patch } = await setup();
    const [entry] = keyCredentials;
    const legacy = {
      customKeyIdentifier: entry?.customKeyIdentifier,
      keyId: entry?.keyId,
      type: entry?.type,
      usage: entry?.usage,
      value: entry?.key,
    };
    for (const refused of [legacy, { ...entry, value: entry?.key }]) {
      const res = await patch([refused]);
      expect(res.status).toBe(400);
      expect((res.body?.['error'] as { message: string }).message).toBe(
        "Property 'value' does not exist as a declared property of keyCredential",
      );
    }
    expect(emu.application('c1')?.keyCredentials).toEqual([]);
  }, 30_000);
});
