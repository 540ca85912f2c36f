import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import type { CertificateRequest, CertificateStage } from './certificate-types';
import { fromDer, oid } from './asn1';
import { fromBase64 } from './bytes';
import { assertValidRequest, generateCertificate } from './generate-certificate';
import { inspectCertificate } from './inspect-certificate';
import { defaultSubject } from './subject';

const request: CertificateRequest = {
  subject: { ...defaultSubject },
  keySize: 2048,
  validityDays: 30,
  passphrase: 'correct-horse-battery-staple',
  pfxEncryption: 'aes256',
};

describe('generateCertificate', () => {
  it('falls back to forge when WebCrypto is missing, and says so', async () => {
    const stages: CertificateStage[] = [];
    const result = await generateCertificate(request, { subtle: null, onProgress: (s) => stages.push(s) });
    expect(result.keyGeneration).toBe('forge');
    expect(stages).toEqual(['generating-key', 'building-certificate', 'protecting-key', 'packaging-pfx']);

    // Node's own X.509 parser agrees: SHA-256 RSA signature that verifies with the certificate's key.
    const x509 = new X509Certificate(result.certificateDer);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.fingerprint.replace(/:/g, '')).toBe(result.thumbprintSha1Hex);
    const cert = forge.pki.certificateFromAsn1(fromDer(result.certificateDer));
    expect(cert.signatureOid).toBe(oid.sha256WithRSAEncryption);
    expect(cert.siginfo.algorithmOid).toBe(oid.sha256WithRSAEncryption);

    // The encrypted key opens with the passphrase and belongs to the certificate.
    const key = createPrivateKey({ key: result.privateKeyPem, passphrase: request.passphrase ?? '' });
    expect(createPublicKey(key).export({ format: 'der', type: 'spki' })).toEqual(
      x509.publicKey.export({ format: 'der', type: 'spki' }),
    );
    expect(() => createPrivateKey({ key: result.privateKeyPem, passphrase: 'wrong' })).toThrow();
  }, 60_000);

  it('uses WebCrypto when it is there', async () => {
    const result = await generateCertificate({ ...request, passphrase: null }, { subtle: crypto.subtle });
    expect(result.keyGeneration).toBe('webcrypto');
    expect(result.privateKeyEncrypted).toBe(false);
    expect(
      new X509Certificate(result.certificateDer).checkPrivateKey(createPrivateKey(result.privateKeyPem)),
    ).toBe(true);
  });

  it('makes a certificate that inspectCertificate accepts with the same thumbprints and entries', async () => {
    const now = new Date('2026-03-01T10:00:00.250Z');
    const result = await generateCertificate(request, { now: () => now });
    const inspected = inspectCertificate(result.certificatePem, { now });
    if (!inspected.ok) throw new Error(inspected.error.message);
    expect(inspected.certificate.thumbprintSha1Hex).toBe(result.thumbprintSha1Hex);
    expect(inspected.certificate.customKeyIdentifier).toBe(result.customKeyIdentifier);
    expect(inspected.certificate.notBefore).toBe('2026-03-01T09:59:00.000Z');
    expect(inspected.certificate.notAfter).toBe('2026-03-31T09:59:00.000Z');
    expect(fromBase64(result.graphKeyCredential.key)).toEqual(result.certificateDer);
    expect(result.graphKeyCredential.key).not.toMatch(/PRIVATE/);
  });

  it('uses a positive 16-byte serial number that differs every time', async () => {
    const serials = await Promise.all(
      [1, 2].map(async () => (await generateCertificate({ ...request, passphrase: null })).serialNumberHex),
    );
    for (const serial of serials) {
      expect(serial).toMatch(/^[0-7][0-9A-F]{31}$/);
      expect(serial).not.toMatch(/^00/);
    }
    expect(serials[0]).not.toBe(serials[1]);
  });

  it('never puts the passphrase or the unencrypted key into its outputs', async () => {
    const result = await generateCertificate(request);
    const key = createPrivateKey({ key: result.privateKeyPem, passphrase: request.passphrase ?? '' });
    const privateExponent = Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url');
    expect(privateExponent.length).toBeGreaterThan(200);
    const { pfx, certificateDer, ...textFields } = result;
    const text = JSON.stringify(textFields);
    expect(text).not.toContain(request.passphrase);
    expect(text).not.toContain('BEGIN PRIVATE KEY');
    expect(text).not.toContain(privateExponent.subarray(0, 48).toString('base64'));
    for (const bytes of [pfx, certificateDer]) {
      expect(Buffer.from(bytes).includes(privateExponent.subarray(0, 32))).toBe(false);
    }
  });
});

describe('assertValidRequest', () => {
  it.each([
    [{ subject: { ...defaultSubject, C: 'AUS' } }, /two-letter/],
    [{ subject: { C: '', ST: '', L: '', O: '', OU: '', CN: '' } }, /at least one subject field/],
    [{ keySize: 1024 }, /Key size must be one of 2048, 3072, 4096/],
    [{ validityDays: 0 }, /whole number of days from 1 to 36500/],
    [{ validityDays: 1.5 }, /whole number of days/],
    [{ passphrase: '' }, /Enter a passphrase, or choose to leave the private key unencrypted/],
  ])('refuses %o', (change, message) => {
    expect(() => assertValidRequest({ ...request, ...change } as CertificateRequest)).toThrow(message);
  });

  it('accepts the procedure defaults', () => {
    expect(() => assertValidRequest({ ...request, keySize: 4096, validityDays: 18250 })).not.toThrow();
  });
});
