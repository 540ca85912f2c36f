/**
 * Generates certificates with the real code under Node's WebCrypto, writes the files a user downloads and checks
 * them with the OpenSSL command line, the tool the procedure uses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRequest, GeneratedCertificate } from './certificate-types';
import { defaultSubject } from './subject';
import { generateCertificate } from './generate-certificate';
import { keyCredentialsFileJson } from './key-credentials-file';
import { privateKeyPbkdf2Iterations } from './private-key-pem';
import { pfxIterations } from './pkcs12';

// The OpenSSL checks live in e2e/support/openssl.ts so the browser end-to-end test can reuse them. That file
// belongs to the Node TypeScript project; a static import from here would pull it into the app project, which
// TypeScript refuses for composite projects (TS6307), so it is loaded at run time and typed by this contract.
interface OpensslChecks {
  readCertificate(
    path: string,
    format?: 'PEM' | 'DER',
  ): {
    text: string;
    subject: string;
    issuer: string;
    notBefore: Date;
    notAfter: Date;
    signatureAlgorithm: string;
    publicKeyBits: number;
    modulus: string;
    caFalse: boolean;
  };
  fingerprintSha1(path: string): string;
  decryptKey(path: string, passphrase: string | null): string;
  keyModulus(path: string, passphrase: string | null): string;
  asn1Parse(path: string): string;
  openPkcs12(
    path: string,
    passphrase: string,
  ): { contents: string; info: string; macAlgorithm: string; macIterations: number };
  clientAssertionHeader(thumbprintBase64url: string): string;
  signJwtWithKey(header: string, payload: string, keyPath: string, passphrase: string | null): string;
  verifyJwtWithCertificate(jwt: string, certificatePath: string): boolean;
}
const opensslSupport = '../../e2e/support/openssl.ts';
const {
  asn1Parse,
  clientAssertionHeader,
  decryptKey,
  fingerprintSha1,
  keyModulus,
  openPkcs12,
  readCertificate,
  signJwtWithKey,
  verifyJwtWithCertificate,
} = (await import(/* @vite-ignore */ opensslSupport)) as OpensslChecks;

const passphrase = 'Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D';
const base: CertificateRequest = {
  subject: { ...defaultSubject },
  keySize: 2048,
  validityDays: 18250,
  passphrase,
  pfxEncryption: 'aes256',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cert-it-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, generated: GeneratedCertificate) {
  const paths = {
    cert: join(dir, `${name}-cert.pem`),
    der: join(dir, `${name}-cert.cer`),
    key: join(dir, `${name}-key.pem`),
    pfx: join(dir, `${name}-certificate.pfx`),
    json: join(dir, `${name}-key-credentials.json`),
  };
  writeFileSync(paths.cert, generated.certificatePem);
  writeFileSync(paths.der, generated.certificateDer);
  writeFileSync(paths.key, generated.privateKeyPem);
  writeFileSync(paths.pfx, generated.pfx);
  writeFileSync(paths.json, keyCredentialsFileJson(generated.graphKeyCredential));
  return paths;
}

// Each openssl check of key.pem runs its 600,000 PBKDF2 iterations: seconds of CPU on a busy machine, not a hang.
const OPENSSL_TIMEOUT = { timeout: 60_000 };

describe('generated certificate, checked with openssl', OPENSSL_TIMEOUT, () => {
  const now = new Date('2025-06-01T12:00:30.500Z');
  let generated: GeneratedCertificate;
  let paths: ReturnType<typeof write>;
  beforeAll(async () => {
    generated = await generateCertificate(base, { now: () => now });
    paths = write('default', generated);
  }, OPENSSL_TIMEOUT.timeout);

  it('is an X.509 certificate signed with sha256WithRSAEncryption, RSA 2048, CA:FALSE', () => {
    const cert = readCertificate(paths.cert);
    expect(cert.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(cert.text).not.toMatch(/sha1WithRSAEncryption/);
    expect(cert.publicKeyBits).toBe(2048);
    expect(cert.caFalse).toBe(true);
    expect(cert.text).toMatch(/Version: 3/);
    expect(generated.keyGeneration).toBe('webcrypto');
    expect(readCertificate(paths.der, 'DER').modulus).toBe(cert.modulus);
  });

  it('has the chosen subject as subject and issuer, with empty fields left out', () => {
    const cert = readCertificate(paths.cert);
    expect(cert.subject).toBe('CN=ADomain,O=An Org,ST=Some-State,C=AU');
    expect(cert.issuer).toBe(cert.subject);
    expect(generated.subject).toBe('CN=ADomain, O=An Org, ST=Some-State, C=AU');
  });

  it('is valid from a minute before now for the chosen number of days', () => {
    const cert = readCertificate(paths.cert);
    expect(cert.notBefore.toISOString()).toBe('2025-06-01T11:59:30.000Z');
    expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBe(18250 * 86_400_000);
    expect(generated.notBefore).toBe(cert.notBefore.toISOString());
    expect(generated.notAfter).toBe(cert.notAfter.toISOString());
    expect(generated.graphKeyCredential.startDateTime).toBe(generated.notBefore);
    expect(generated.graphKeyCredential.endDateTime).toBe(generated.notAfter);
  });

  it('reports the thumbprint openssl computes, as base64 customKeyIdentifier, hex and base64url', () => {
    const hex = fingerprintSha1(paths.cert);
    expect(Buffer.from(generated.customKeyIdentifier, 'base64').toString('hex').toUpperCase()).toBe(hex);
    expect(generated.thumbprintSha1Hex).toBe(hex);
    expect(Buffer.from(generated.thumbprintBase64url, 'base64url').toString('hex').toUpperCase()).toBe(hex);
    expect(generated.graphKeyCredential.customKeyIdentifier).toBe(generated.customKeyIdentifier);
    expect(Buffer.from(generated.graphKeyCredential.key, 'base64')).toEqual(
      Buffer.from(generated.certificateDer),
    );
  });

  it('encrypts key.pem with PBES2, AES-256-CBC, HMAC-SHA256 and a high iteration count', () => {
    expect(generated.privateKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const parsed = asn1Parse(paths.key);
    expect(parsed).toMatch(/:PBES2/);
    expect(parsed).toMatch(/:PBKDF2/);
    expect(parsed).toMatch(/:hmacWithSHA256/);
    expect(parsed).toMatch(/:aes-256-cbc/);
    const iterations = /INTEGER\s+:([0-9A-F]+)/.exec(parsed)?.[1];
    expect(parseInt(iterations ?? '0', 16)).toBe(privateKeyPbkdf2Iterations);
    expect(privateKeyPbkdf2Iterations).toBeGreaterThanOrEqual(100_000);
  });

  // Five openssl runs, each deriving the key with the high PBKDF2 count: seconds on a busy machine.
  it('decrypts with the passphrase only, and the key matches the certificate', () => {
    expect(decryptKey(paths.key, passphrase)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(() => decryptKey(paths.key, 'wrong-passphrase')).toThrow();
    expect(() => decryptKey(paths.key, '')).toThrow();
    expect(() => decryptKey(paths.key, null)).toThrow(/Could not read key|bad decrypt|unable to load/i);
    expect(keyModulus(paths.key, passphrase)).toBe(readCertificate(paths.cert).modulus);
  }, 30_000);

  it('packs a PFX that openssl opens with the passphrase: AES-256 bags and a SHA-256 MAC', () => {
    const report = openPkcs12(paths.pfx, passphrase);
    expect(report.macAlgorithm).toBe('sha256');
    expect(report.macIterations).toBe(pfxIterations.aes256);
    expect(report.info).toMatch(
      /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/,
    );
    expect(report.info).toMatch(
      /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/,
    );
    expect(report.contents).toContain(generated.certificatePem.trim());
    expect(report.contents).toMatch(/-----BEGIN PRIVATE KEY-----/);
    expect(report.contents).toMatch(/friendlyName: ADomain/);
    expect(() => openPkcs12(paths.pfx, 'wrong-passphrase')).toThrow(/mac verify error/i);
  });

  it('signs a client assertion that verifies with the certificate, as Entra checks it', () => {
    const header = clientAssertionHeader(generated.thumbprintBase64url);
    const payload = JSON.stringify({
      aud: 'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      sub: 'x',
    });
    const jwt = signJwtWithKey(header, payload, paths.key, passphrase);
    expect(verifyJwtWithCertificate(jwt, paths.cert)).toBe(true);
    const tampered = jwt.replace(/\.[^.]+\./, `.${Buffer.from('{"sub":"y"}').toString('base64url')}.`);
    expect(verifyJwtWithCertificate(tampered, paths.cert)).toBe(false);
  });
});

describe('variants', OPENSSL_TIMEOUT, () => {
  it('3DES PFX with a SHA-1 MAC opens in openssl without the legacy provider', async () => {
    const generated = await generateCertificate({ ...base, pfxEncryption: '3des' });
    const paths = write('3des', generated);
    const report = openPkcs12(paths.pfx, passphrase);
    expect(report.macAlgorithm).toBe('sha1');
    expect(report.info).toMatch(/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC/);
    expect(report.info).toMatch(/PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC/);
    expect(report.contents).toContain(generated.certificatePem.trim());
    expect(report.contents).toMatch(/-----BEGIN PRIVATE KEY-----/);
  });

  it('without a passphrase: plain PKCS#8 key and a PFX with an empty password', async () => {
    const generated = await generateCertificate({ ...base, passphrase: null });
    const paths = write('plain', generated);
    expect(generated.privateKeyEncrypted).toBe(false);
    expect(generated.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keyModulus(paths.key, null)).toBe(readCertificate(paths.cert).modulus);
    const report = openPkcs12(paths.pfx, '');
    expect(report.contents).toMatch(/-----BEGIN PRIVATE KEY-----/);
  });

  it('the forge fallback (no WebCrypto) writes files openssl accepts too', async () => {
    const generated = await generateCertificate(base, { subtle: null });
    expect(generated.keyGeneration).toBe('forge');
    const paths = write('forge', generated);
    expect(readCertificate(paths.cert).signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(keyModulus(paths.key, passphrase)).toBe(readCertificate(paths.cert).modulus);
    expect(openPkcs12(paths.pfx, passphrase).macAlgorithm).toBe('sha256');
  }, 30_000);

  it('RSA 4096 with a custom subject and short validity', async () => {
    const started = Date.now();
    const generated = await generateCertificate({
      ...base,
      keySize: 4096,
      validityDays: 365,
      subject: { C: 'de', ST: '', L: 'Köln', O: 'Ünïcode & Co, Ltd', OU: 'IT', CN: 'wizard.example.com' },
    });
    const paths = write('4096', generated);
    const cert = readCertificate(paths.cert);
    expect(cert.publicKeyBits).toBe(4096);
    expect(generated.keySize).toBe(4096);
    expect(cert.subject).toBe('CN=wizard.example.com,OU=IT,O=Ünïcode & Co\\, Ltd,L=Köln,C=DE');
    expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBe(365 * 86_400_000);
    expect(keyModulus(paths.key, passphrase)).toBe(cert.modulus);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
