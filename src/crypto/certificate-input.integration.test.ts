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

describe('a file with several certificates', OPENSSL_TIMEOUT, () => {
  /** A certificate for `subject` signed by the certificate authority `ca`; `isCa` makes it an authority itself. */
  function issued(name: string, subject: string, ca: string, serial: number, isCa = false) {
    openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path(`${name}.key`),
      '-out',
      path(`${name}.csr`),
      '-subj',
      subject,
      ...(isCa ? ['-addext', 'basicConstraints=critical,CA:TRUE'] : []),
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path(`${ca}.pem`),
      '-CAkey',
      path(`${ca}.key`),
      '-set_serial',
      String(serial),
      '-days',
      '30',
      '-copy_extensions',
      'copy',
      '-out',
      path(`${name}.pem`),
    ]);
  }

  /** A PKCS#7 file (.p7b) of `names` in that order, as PEM text and as DER bytes. */
  function p7b(names: string[]): [string, Uint8Array] {
    const certfiles = names.flatMap((name) => ['-certfile', path(`${name}.pem`)]);
    const pem = openssl(['crl2pkcs7', '-nocrl', ...certfiles]);
    openssl(['crl2pkcs7', '-nocrl', ...certfiles, '-outform', 'DER', '-out', path('chain.p7b')]);
    return [pem, new Uint8Array(readFileSync(path('chain.p7b')))];
  }

  beforeAll(() => {
    selfSigned('root', '/CN=Test Root CA');
    issued('intermediate', '/CN=Test Intermediate CA', 'root', 2, true);
    issued('leaf', '/CN=app.example', 'intermediate', 3);
    issued('direct', '/CN=direct.example', 'root', 4);
    selfSigned('unrelated', '/CN=Unrelated Example');
  }, OPENSSL_TIMEOUT.timeout);

  const chainOf = (...names: string[]) => names.map((name) => read(`${name}.pem`)).join('');

  it('uses the certificate that issued none of the others, whichever order the file has', () => {
    const leaf = fingerprintSha1(path('direct.pem'));
    const note =
      'The file held 2 certificates; using the one for CN=direct.example, not its issuer CN=Test Root CA.';
    const inputs = [chainOf('root', 'direct'), chainOf('direct', 'root'), ...p7b(['root', 'direct'])];
    inputs.push(new TextEncoder().encode(chainOf('root', 'direct')));
    for (const input of inputs) {
      const certificate = accepted(inspectCertificate(input));
      expect(certificate.thumbprintSha1Hex).toBe(leaf);
      expect(certificate.subject).toBe('CN=direct.example');
      expect(certificate.chain).toEqual({ certificates: 2, note });
    }
  });

  it('finds the certificate at the end of a longer chain in any order, and names the issuers from it up', () => {
    const leaf = fingerprintSha1(path('leaf.pem'));
    const note =
      'The file held 3 certificates; using the one for CN=app.example, not its issuers CN=Test Intermediate CA and CN=Test Root CA.';
    const inputs = [
      chainOf('root', 'leaf', 'intermediate'),
      chainOf('intermediate', 'root', 'leaf'),
      ...p7b(['root', 'intermediate', 'leaf']),
    ];
    for (const input of inputs) {
      const certificate = accepted(inspectCertificate(input));
      expect(certificate.thumbprintSha1Hex).toBe(leaf);
      expect(certificate.chain).toEqual({ certificates: 3, note });
    }
  });

  it('says nothing of a chain for a file of one certificate, even when it is in the file twice', () => {
    expect(accepted(inspectCertificate(read('direct.pem'))).chain).toBeNull();
    expect(accepted(inspectCertificate(chainOf('direct', 'direct'))).chain).toBeNull();
  });

  it('asks for one certificate when several issued none of the others', () => {
    for (const input of [chainOf('direct', 'unrelated'), chainOf('root', 'direct', 'leaf', 'intermediate')]) {
      const result = inspectCertificate(input);
      expect(!result.ok && result.error.code).toBe('several-certificates');
    }
    const result = inspectCertificate(chainOf('direct', 'unrelated'));
    expect(!result.ok && result.error.message).toBe(
      'This file holds 2 certificates, and none of them issued another, so it is not clear which one is for the app: ' +
        'CN=direct.example or CN=Unrelated Example. Upload only the app’s certificate: choose its own .cer, .crt or ' +
        '.pem file, or paste just its block, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    );
    const four = inspectCertificate(chainOf('root', 'direct', 'leaf', 'intermediate'));
    expect(!four.ok && four.error.message).toMatch(
      /^This file holds 4 certificates, and 2 of them issued none of the others, so it is not clear which one is for the app: CN=direct\.example or CN=app\.example\./,
    );
  });
});
