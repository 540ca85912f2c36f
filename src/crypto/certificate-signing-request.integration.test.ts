/**
 * Certificate signing requests with the real code under Node's WebCrypto, checked with the OpenSSL command line,
 * which also plays the certificate authority that issues the certificate.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  X509Certificate,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateSigningRequest, CompleteSigningRequestInput } from './certificate-signing-request';
import {
  completeSigningRequest,
  createSigningRequest,
  IssuedCertificateError,
  RequestKeyError,
} from './certificate-signing-request';
import { CertificateRequestError } from './certificate-types';
import { defaultSubject } from './subject';

// As in generate-certificate.integration.test.ts: e2e/support/openssl.ts is loaded at run time and typed here.
interface OpensslChecks {
  runOpenssl(
    args: string[],
    options?: { passphrase?: string; input?: string | Uint8Array },
  ): { stdout: string; stderr: string };
  openssl(args: string[], options?: { passphrase?: string; input?: string | Uint8Array }): string;
  readCertificate(path: string): { subject: string; issuer: string; modulus: string };
  fingerprintSha1(path: string): string;
  keyModulus(path: string, passphrase: string | null): string;
  openPkcs12(path: string, passphrase: string): { contents: string; macAlgorithm: string };
}
const opensslSupport = '../../e2e/support/openssl.ts';
const { fingerprintSha1, keyModulus, openPkcs12, openssl, readCertificate, runOpenssl } = (await import(
  /* @vite-ignore */ opensslSupport
)) as OpensslChecks;

const passphrase = 'Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D';
const OPENSSL_TIMEOUT = { timeout: 60_000 };

let dir: string;
const path = (name: string) => join(dir, name);

/** Plays the certificate authority: issues a certificate for the CSR in `csrFile`, copying the requested extensions. */
function issue(csrFile: string, out: string, serial: number) {
  openssl([
    'x509',
    '-req',
    '-in',
    path(csrFile),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    '-set_serial',
    String(serial),
    '-days',
    '30',
    '-sha256',
    '-copy_extensions',
    'copy',
    '-out',
    path(out),
  ]);
  return readFileSync(path(out), 'utf8');
}

/** SHA-256 of a public key's SubjectPublicKeyInfo DER, uppercase hex. */
const spkiHash = (key: ReturnType<typeof createPublicKey>) =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .toUpperCase();

/** The unencrypted key in `openssl pkcs12 -nodes` output. */
function pfxKey(contents: string) {
  const pem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(contents)?.[0];
  if (!pem) throw new Error(`no private key in the PFX:\n${contents}`);
  return createPublicKey(createPrivateKey(pem));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csr-it-'));
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-subj',
    '/CN=Test Issuing CA',
    '-days',
    '365',
  ]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate signing request, checked and signed with openssl', OPENSSL_TIMEOUT, () => {
  let request: CertificateSigningRequest;
  let issuedPem: string;
  const complete = (overrides: Partial<CompleteSigningRequestInput> = {}) =>
    completeSigningRequest({ request, passphrase, issued: issuedPem, pfxEncryption: 'aes256', ...overrides });

  beforeAll(async () => {
    request = await createSigningRequest(
      { subject: { ...defaultSubject }, keySize: 2048, passphrase },
      { now: () => new Date('2025-06-01T12:00:00Z') },
    );
    writeFileSync(path('request.csr'), request.csrPem);
    writeFileSync(path('key.pem'), request.privateKeyPem);
    issuedPem = issue('request.csr', 'issued.pem', 1001);
  }, OPENSSL_TIMEOUT.timeout);

  it('is a PKCS#10 request whose signature openssl verifies, signed with sha256WithRSAEncryption', () => {
    expect(request.csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const { stdout, stderr } = runOpenssl(['req', '-in', path('request.csr'), '-noout', '-verify', '-text']);
    expect(`${stdout}${stderr}`).toMatch(/verify OK/);
    expect(stdout).toMatch(/Version: 1 \(0x0\)/);
    expect(stdout).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(stdout).toMatch(/Public-Key: \(2048 bit\)/);
    expect(request).toMatchObject({ keySize: 2048, keyGeneration: 'webcrypto', privateKeyEncrypted: true });
    expect(request.createdAt).toBe('2025-06-01T12:00:00.000Z');
  });

  it('asks for the subject and the extensions of a generated certificate, plus client authentication', () => {
    const subject = openssl(['req', '-in', path('request.csr'), '-noout', '-subject', '-nameopt', 'RFC2253']);
    expect(subject.trim()).toBe('subject=CN=ADomain,O=An Org,ST=Some-State,C=AU');
    expect(request.subject).toBe('CN=ADomain, O=An Org, ST=Some-State, C=AU');
    const text = openssl(['req', '-in', path('request.csr'), '-noout', '-text']);
    expect(text).toMatch(/Requested Extensions:/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\s*\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication/);
  });

  it('writes key.pem encrypted with the passphrase, for the request’s public key', () => {
    expect(request.privateKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const csrModulus = /Modulus=(\S+)/.exec(
      openssl(['req', '-in', path('request.csr'), '-noout', '-modulus']),
    );
    expect(keyModulus(path('key.pem'), passphrase)).toBe(csrModulus?.[1]?.toUpperCase());
    expect(() => keyModulus(path('key.pem'), 'wrong-passphrase')).toThrow();
    const csrKey = createPublicKey(openssl(['req', '-in', path('request.csr'), '-noout', '-pubkey']));
    expect(request.spkiSha256Hex).toBe(spkiHash(csrKey));
    // Plain data for the worker boundary, without the unencrypted key.
    expect(structuredClone(request)).toEqual(request);
    expect(JSON.stringify(request)).not.toMatch(/BEGIN PRIVATE KEY|BEGIN RSA PRIVATE KEY|pkcs8/);
  });

  it('completes with the issued certificate: summary, keyCredential and a PFX with the matching key', async () => {
    const completed = await complete({ now: new Date() });
    writeFileSync(path('completed.pfx'), completed.pfx);
    writeFileSync(path('completed-cert.pem'), completed.certificatePem);
    const issued = new X509Certificate(issuedPem);
    expect(completed.certificatePem.trim()).toBe(issuedPem.trim());
    expect(Buffer.from(completed.graphKeyCredential.key, 'base64')).toEqual(issued.raw);
    expect(completed.thumbprintSha1Hex).toBe(fingerprintSha1(path('issued.pem')));
    expect(completed.subject).toBe('CN=ADomain, O=An Org, ST=Some-State, C=AU');
    expect(readCertificate(path('completed-cert.pem')).issuer).toBe('CN=Test Issuing CA');
    expect(completed).toMatchObject({
      privateKeyPem: request.privateKeyPem,
      privateKeyEncrypted: true,
      pfxEncryption: 'aes256',
      keyGeneration: 'webcrypto',
      keySize: 2048,
    });
    // Issued for 30 days: the same warning an uploaded certificate gets.
    expect(completed.warnings).toEqual([expect.stringMatching(/^It expires on \d{4}-\d\d-\d\d/)]);

    const report = openPkcs12(path('completed.pfx'), passphrase);
    expect(report.macAlgorithm).toBe('sha256');
    expect(report.contents).toContain(issuedPem.trim());
    expect(report.contents).toMatch(/friendlyName: ADomain/);
    expect(spkiHash(pfxKey(report.contents))).toBe(spkiHash(issued.publicKey));
    expect(() => openPkcs12(path('completed.pfx'), 'wrong-passphrase')).toThrow(/mac verify error/i);
  });

  it('accepts the certificate as DER, in a chain after its CA, and in a PKCS#7 file', async () => {
    const issuedDer = new Uint8Array(new X509Certificate(issuedPem).raw);
    const chain = `${readFileSync(path('ca.pem'), 'utf8')}${issuedPem}`;
    writeFileSync(path('chain.pem'), chain);
    const p7bPem = openssl(['crl2pkcs7', '-nocrl', '-certfile', path('chain.pem')]);
    openssl([
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      path('chain.pem'),
      '-outform',
      'DER',
      '-out',
      path('chain.p7b'),
    ]);
    const p7bDer = new Uint8Array(readFileSync(path('chain.p7b')));
    const expected = fingerprintSha1(path('issued.pem'));
    for (const issued of [issuedDer, chain, new TextEncoder().encode(chain), p7bPem, p7bDer]) {
      const completed = await complete({ issued });
      expect(completed.thumbprintSha1Hex).toBe(expected);
    }
  });

  it('refuses a certificate issued for another key, saying what to upload instead', async () => {
    openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path('other.key'),
      '-out',
      path('other.csr'),
      '-subj',
      '/C=AU/ST=Some-State/O=An Org/CN=ADomain',
    ]);
    const other = issue('other.csr', 'other.pem', 1002);
    const refusal = complete({ issued: other });
    await expect(refusal).rejects.toBeInstanceOf(IssuedCertificateError);
    await expect(refusal).rejects.toMatchObject({
      name: 'IssuedCertificateError',
      code: 'key-mismatch',
      message:
        'This certificate was not issued for the request made here: its public key differs. Upload the certificate ' +
        'your authority issued for request.csr (subject CN=ADomain, O=An Org, ST=Some-State, C=AU), or make a new request.',
    });
    const chain = `${readFileSync(path('ca.pem'), 'utf8')}${other}`;
    await expect(complete({ issued: chain })).rejects.toMatchObject({
      code: 'key-mismatch',
      message: expect.stringMatching(/^None of the 2 certificates in this file was issued for the request/),
    });
  });

  it('refuses what is not a usable certificate with the upload check’s messages', async () => {
    await expect(complete({ issued: request.privateKeyPem })).rejects.toMatchObject({
      name: 'IssuedCertificateError',
      code: 'private-key',
    });
    await expect(complete({ issued: request.csrPem })).rejects.toMatchObject({ code: 'certificate-request' });
    await expect(complete({ now: new Date('2099-01-01T00:00:00Z') })).rejects.toMatchObject({
      code: 'expired',
      message: expect.stringMatching(/^This certificate expired on/),
    });
  });

  it('refuses a wrong or missing passphrase with a clear message', async () => {
    await expect(complete({ passphrase: 'wrong-passphrase' })).rejects.toMatchObject({
      name: 'RequestKeyError',
      message:
        'The passphrase does not unlock key.pem of this request. Enter the passphrase you chose when you made the request.',
    });
    await expect(complete({ passphrase: null })).rejects.toBeInstanceOf(RequestKeyError);
    await expect(complete({ passphrase: null })).rejects.toThrow(
      /Enter the passphrase that protects key.pem/,
    );
    await expect(complete({ passphrase: '' })).rejects.toMatchObject({
      name: 'RequestKeyError',
      message: 'Enter the passphrase that protects key.pem of this request.',
    });
  });

  it('refuses a key.pem that belongs to another request', async () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(
      complete({ request: { ...request, privateKeyPem: otherKey, privateKeyEncrypted: false } }),
    ).rejects.toThrow(/does not belong to this request/);
  });
});

describe('variants', OPENSSL_TIMEOUT, () => {
  it('the forge fallback without a passphrase: unencrypted key.pem and a PFX with an empty password', async () => {
    const request = await createSigningRequest(
      { subject: { ...defaultSubject, CN: 'forge.example' }, keySize: 2048, passphrase: null },
      { subtle: null },
    );
    expect(request).toMatchObject({ keyGeneration: 'forge', privateKeyEncrypted: false });
    expect(request.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    writeFileSync(path('forge.csr'), request.csrPem);
    const { stdout, stderr } = runOpenssl(['req', '-in', path('forge.csr'), '-noout', '-verify', '-text']);
    expect(`${stdout}${stderr}`).toMatch(/verify OK/);
    expect(stdout).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);

    const issued = issue('forge.csr', 'forge.pem', 1003);
    const completed = await completeSigningRequest(
      { request, passphrase: null, issued, pfxEncryption: '3des' },
      { subtle: null },
    );
    expect(completed).toMatchObject({
      keyGeneration: 'forge',
      privateKeyEncrypted: false,
      pfxEncryption: '3des',
    });
    writeFileSync(path('forge.pfx'), completed.pfx);
    const report = openPkcs12(path('forge.pfx'), '');
    expect(report.macAlgorithm).toBe('sha1');
    expect(spkiHash(pfxKey(report.contents))).toBe(spkiHash(new X509Certificate(issued).publicKey));
  }, 60_000);

  it('refuses an empty passphrase, an invalid subject and an unoffered key size before any work', async () => {
    const input = { subject: { ...defaultSubject }, keySize: 2048 as const, passphrase: '' };
    await expect(createSigningRequest(input)).rejects.toBeInstanceOf(CertificateRequestError);
    await expect(createSigningRequest(input)).rejects.toThrow(/Enter a passphrase/);
    await expect(
      createSigningRequest({ ...input, passphrase: null, subject: { ...defaultSubject, C: 'Australia' } }),
    ).rejects.toThrow(/two-letter/);
    await expect(createSigningRequest({ ...input, passphrase: null, keySize: 1024 as 2048 })).rejects.toThrow(
      /Key size/,
    );
  });
});
