import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import procedureCertPem from './fixtures/procedure-cert.pem?raw';
import certificateRequestPem from './fixtures/certificate-request.pem?raw';
import expiredCertPem from './fixtures/expired-cert.pem?raw';
import notYetValidCertPem from './fixtures/not-yet-valid-cert.pem?raw';
import ecCertPem from './fixtures/ec-cert.pem?raw';
import type { CertificateInputErrorCode } from './certificate-input-error';
import { fromBase64, toBase64, utf8 } from './bytes';
import { webCryptoBackend } from './crypto-backend';
import { inspectCertificate, type InspectResult } from './inspect-certificate';
import { buildPfx } from './pkcs12';

// The fixture is valid from 2026-11-27 to 2036-11-24 (fixtures/README.md); pin the clock inside that range.
const now = new Date('2030-01-01T00:00:00Z');
const inspect = (input: string | Uint8Array) => inspectCertificate(input, { now });
const pemBody = (pem: string) => fromBase64(pem.replace(/-----[A-Z ]+-----/g, ''));
const procedureDer = pemBody(procedureCertPem);

function errorOf(result: InspectResult) {
  if (result.ok) throw new Error('expected the input to be refused');
  return result.error;
}

// Throw-away keys made at test time; no private key is committed.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pkcs8Pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1Pem = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const encryptedPem = rsa.privateKey
  .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' })
  .toString();
const ecKeyPem = ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const pkcs8Der = new Uint8Array(rsa.privateKey.export({ type: 'pkcs8', format: 'der' }));
const publicKeyPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('inspectCertificate accepts certificates', () => {
  it.each([
    ['PEM text', procedureCertPem],
    [
      'PEM with Windows line endings and surrounding text',
      `Here it is:\r\n${procedureCertPem.replace(/\n/g, '\r\n')}thanks`,
    ],
    ['PEM file bytes', utf8(procedureCertPem)],
    ['DER bytes (.cer)', procedureDer],
    ['base64 DER without headers', toBase64(procedureDer)],
    ['the same certificate twice', procedureCertPem + procedureCertPem],
  ])('%s', (_name, input) => {
    const result = inspect(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.certificate.thumbprintSha1Hex).toBe('BB76AA10CCF098EFD7EB3753901C2B6CE0B1A5B4');
      expect(result.certificate.subject).toBe('CN=ADomain, O=An Org, ST=Some-State, C=AU');
      expect(result.certificate.warnings).toEqual([]);
    }
  });

  it('warns when the certificate expires within 30 days', () => {
    const result = inspectCertificate(procedureCertPem, { now: new Date('2036-11-10T00:00:00Z') });
    expect(result.ok && result.certificate.warnings).toEqual([
      'It expires on 2036-11-24. Plan its replacement now.',
    ]);
  });
});

describe('inspectCertificate refuses what is not a usable certificate', () => {
  const cases: [string, string | Uint8Array, CertificateInputErrorCode, RegExp][] = [
    ['a PKCS#8 private key', pkcs8Pem, 'private-key', /This is a private key\. Never share it/],
    ['a PKCS#1 RSA private key', pkcs1Pem, 'private-key', /private key/],
    ['an encrypted private key', encryptedPem, 'private-key', /private key/],
    ['an EC private key', ecKeyPem, 'private-key', /private key/],
    ['a key and certificate pasted together', procedureCertPem + pkcs8Pem, 'private-key', /Never share it/],
    ['a DER private key', pkcs8Der, 'private-key', /private key/],
    ['a CSR', certificateRequestPem, 'certificate-request', /certificate signing request \(CSR\)/],
    ['a DER CSR', pemBody(certificateRequestPem), 'certificate-request', /CSR/],
    ['a public key', publicKeyPem, 'public-key', /bare public key/],
    ['garbage text', 'hello, this is my certificate', 'not-a-certificate', /not a certificate/],
    [
      'random bytes',
      new Uint8Array([0x30, 0x82, 0xff, 0x01, 2, 3]),
      'not-a-certificate',
      /not a certificate/,
    ],
    ['a truncated PEM', procedureCertPem.slice(0, 400), 'not-a-certificate', /BEGIN and END lines/],
    [
      'a corrupted PEM body',
      procedureCertPem.replace(/[A-Za-z]{10}\n/, '!!!!\n'),
      'not-a-certificate',
      /not a/,
    ],
    [
      'an expired certificate',
      expiredCertPem,
      'expired',
      /expired on 2021-01-01\. .*create a new certificate/,
    ],
    ['a not-yet-valid certificate', notYetValidCertPem, 'not-yet-valid', /not valid until 2045-01-01/],
    [
      'two certificates, neither the issuer of the other',
      procedureCertPem + expiredCertPem,
      'several-certificates',
      /^This file holds 2 certificates, and none of them issued another/,
    ],
    [
      'an elliptic-curve certificate',
      ecCertPem,
      'unsupported-key',
      /elliptic-curve \(ECDSA\) key\. .*need an RSA key/,
    ],
  ];

  it.each(cases)('%s', (_name, input, code, message) => {
    const error = errorOf(inspect(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a PFX, which holds the private key', async () => {
    const pfx = await buildPfx({
      backend: webCryptoBackend(crypto.subtle),
      certificateDer: procedureDer,
      pkcs8: pkcs8Der,
      password: 'x',
      encryption: 'aes256',
      iterations: 1000,
    });
    const error = errorOf(inspect(pfx));
    expect(error.code).toBe('pkcs12');
    expect(error.message).toMatch(/PFX .* contains the private key/);
  });

  it('gives each kind of problem its own message', () => {
    const messages = new Map<CertificateInputErrorCode, string>();
    for (const [, input, code] of cases) messages.set(code, errorOf(inspect(input)).message);
    expect(new Set(messages.values()).size).toBe(messages.size);
    expect(messages.size).toBe(8);
  });
});
