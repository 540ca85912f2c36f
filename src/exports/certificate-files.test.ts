import { describe, expect, it } from 'vitest';
import type { GeneratedCertificate } from '../crypto/certificate-types';
import {
  CERTIFICATE_FILE_NAMES,
  CREDENTIAL_FILE_NAMES,
  PRIVATE_KEY_FILE_NAMES,
  generatedCertificateFiles,
  publicCertificateFiles,
  signingRequestFiles,
} from './certificate-files';

const certificate = {
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  certificateDer: new Uint8Array([0x30, 0x82]),
  privateKeyPem: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE\n-----END ENCRYPTED PRIVATE KEY-----\n',
  privateKeyEncrypted: true,
  pfx: new Uint8Array([0x30, 0x80]),
  graphKeyCredential: {
    customKeyIdentifier: 'q80=',
    displayName: 'CN=ADomain',
    startDateTime: '2026-01-01T00:00:00.000Z',
    endDateTime: '2027-01-01T00:00:00.000Z',
    key: 'MIIB',
    keyId: 'k',
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  },
} as unknown as GeneratedCertificate;

describe('certificate files', () => {
  it('names every generated file as the procedure and platform do, private key files marked secret', () => {
    const files = generatedCertificateFiles(certificate);
    expect(files.map((f) => f.name)).toEqual([
      'key.pem',
      'cert.pem',
      'cert.cer',
      'key-credentials.json',
      'certificate.pfx',
    ]);
    expect([...files.map((f) => f.name)].sort()).toEqual([...CERTIFICATE_FILE_NAMES].sort());
    expect(files.filter((f) => f.secret).map((f) => f.name)).toEqual([...PRIVATE_KEY_FILE_NAMES]);
    expect(files.find((f) => f.name === CREDENTIAL_FILE_NAMES.certificateDer)?.content).toBe(
      certificate.certificateDer,
    );
  });

  it('gives a signing request its key, marked secret, and the request for the authority', () => {
    const files = signingRequestFiles({
      csrPem: '-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----\n',
      subject: 'CN=ADomain',
      keySize: 2048,
      privateKeyPem: certificate.privateKeyPem,
      privateKeyEncrypted: false,
      spkiSha256Hex: 'AB',
      keyGeneration: 'webcrypto',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(files.map((f) => [f.name, f.secret])).toEqual([
      ['key.pem', true],
      ['request.csr', false],
    ]);
    expect(files[0]?.description).toBe('The private key, unencrypted');
    expect(files[1]?.content).toContain('BEGIN CERTIFICATE REQUEST');
  });

  it('gives a brought certificate only its public files', () => {
    const files = publicCertificateFiles(certificate);
    expect(files.map((f) => f.name)).toEqual(['cert.pem', 'cert.cer', 'key-credentials.json']);
    expect(files.some((f) => f.secret)).toBe(false);
  });

  it('writes key-credentials.json in the Microsoft Graph format only, and says so', () => {
    const file = publicCertificateFiles(certificate).find(
      (f) => f.name === CREDENTIAL_FILE_NAMES.keyCredentials,
    );
    const json = JSON.parse(file?.content as string) as { keyCredentials: Record<string, string>[] };
    expect(json.keyCredentials).toEqual([certificate.graphKeyCredential]);
    expect(json.keyCredentials[0]).not.toHaveProperty('value');
    expect(file?.description).toMatch(/Microsoft Graph format/);
  });

  it('mentions the passphrase only when the key has one', () => {
    const describe = (privateKeyEncrypted: boolean) =>
      generatedCertificateFiles({ ...certificate, privateKeyEncrypted }).map((f) => f.description);
    expect(describe(true).filter((d) => /passphrase/.test(d))).toEqual([
      'The private key, encrypted with the passphrase (PKCS#8, AES-256)',
      'Certificate and private key in one file (PKCS#12), protected by the passphrase',
    ]);
    expect(describe(false).join('\n')).not.toMatch(/passphrase/i);
    expect(describe(false)).toContain(
      'Certificate and private key in one file (PKCS#12), unprotected like key.pem: its password is empty',
    );
  });
});
