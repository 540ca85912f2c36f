/**
 * Certificate files as OpenSSL writes them, made at test time: a trusted certificate (`-trustout`), a short RSA key,
 * and chains in every order and as PKCS#7. Each goes through the upload check.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from './bytes';
import { decodeCertificateList } from './certificate-input';
import {
  completeSigningRequest,
  createSigningRequest,
  IssuedCertificateError,
} from './certificate-signing-request';
import { defaultSubject } from './subject';
import { inspectCertificate, type InspectResult } from './inspect-certificate';

// As in generate-certificate.integration.test.ts: e2e/support/openssl.ts is loaded at run time and typed here.
interface OpensslChecks {
  openssl(args: string[], options?: { input?: string | Uint8Array }): string;
  fingerprintSha1(path: string, format?: 'PEM' | 'DER'): string;
  readCertificate(path: string): { subject: string; publicKeyBits: number };
}
const opensslSupport = '../../e2e/support/openssl.ts';
const { fingerprintSha1, openssl, readCertificate } = (await import(
  /* @vite-ignore */ opensslSupport
)) as OpensslChecks;

const OPENSSL_TIMEOUT = { timeout: 60_000 };
let dir: string;
const path = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(path(name), 'utf8');

/** A self-signed certificate and its key, `-days 30`. */
function selfSigned(name: string, subject: string, bits = 2048) {
  openssl([
    'req',
    '-x509',
    '-newkey',
    `rsa:${bits}`,
    '-nodes',
    '-keyout',
    path(`${name}.key`),
    '-out',
    path(`${name}.pem`),
    '-subj',
    subject,
    '-days',
    '30',
  ]);
}

function accepted(result: InspectResult) {
  if (!result.ok) throw new Error(`expected the certificate to be accepted: ${result.error.message}`);
  return result.certificate;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cert-input-it-'));
}, OPENSSL_TIMEOUT.timeout);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a trusted certificate (openssl x509 -trustout)', OPENSSL_TIMEOUT, () => {
  beforeAll(() => {
    selfSigned('plain', '/CN=Trusted Example');
    openssl([
      'x509',
      '-in',
      path('plain.pem'),
      '-trustout',
      '-addtrust',
      'clientAuth',
      '-setalias',
      'Trusted Example',
      '-out',
      path('trusted.pem'),
    ]);
  }, OPENSSL_TIMEOUT.timeout);

  it('is read as the certificate it holds, the trust settings after it ignored', () => {
    const trusted = read('trusted.pem');
    expect(trusted).toMatch(/^-----BEGIN TRUSTED CERTIFICATE-----\n/);
    // The block holds more than the certificate: the trust settings follow it.
    const body = fromBase64(trusted.replace(/-----[A-Z ]+-----/g, ''));
    const plain = fromBase64(read('plain.pem').replace(/-----[A-Z ]+-----/g, ''));
    expect(body.length).toBeGreaterThan(plain.length);

    for (const input of [trusted, new TextEncoder().encode(trusted)]) {
      const certificate = accepted(inspectCertificate(input));
      expect(certificate.thumbprintSha1Hex).toBe(fingerprintSha1(path('plain.pem')));
      expect(certificate.subject).toBe('CN=Trusted Example');
      expect(certificate.certificateDer).toEqual(plain);
    }
    const list = decodeCertificateList(trusted);
    expect(list.ok && list.certificates.map((c) => c.der)).toEqual([plain]);
  });
});

describe('a certificate with an RSA key shorter than 2048 bits', OPENSSL_TIMEOUT, () => {
  beforeAll(() => selfSigned('weak', '/CN=Weak Example', 1024), OPENSSL_TIMEOUT.timeout);

  const reason =
    /^This certificate’s RSA key has only 1024 bits\. Entra refuses it at sign-in \(AADSTS700027: RSA key size 1024 is less than the minimum required 2048 bits\)\. Create a certificate with a key of 2048 bits or more/;

  it('is refused before anything is written, with Entra’s reason and how to make a usable one', () => {
    expect(readCertificate(path('weak.pem')).publicKeyBits).toBe(1024);
    const result = inspectCertificate(read('weak.pem'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('weak-key');
    expect(!result.ok && result.error.message).toMatch(reason);
    expect(!result.ok && result.error.message).toMatch(/openssl req -x509 -newkey rsa:4096/);
  });

  it('is refused as the certificate issued for a signing request too', async () => {
    const request = await createSigningRequest({
      subject: { ...defaultSubject },
      keySize: 2048,
      passphrase: null,
    });
    const completion = completeSigningRequest({
      request,
      passphrase: null,
      issued: read('weak.pem'),
      pfxEncryption: 'aes256',
    });
    await expect(completion).rejects.toBeInstanceOf(IssuedCertificateError);
    await expect(completion).rejects.toMatchObject({
      code: 'weak-key',
      message: expect.stringMatching(reason),
    });
  });
});
