import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from './der-certificate';
import { base64ToBytes } from './encoding';
import { TEST_CERTIFICATE_BASE64 } from './fixtures/test-certificate';

describe('parseCertificate', () => {
  it('reads validity (UTCTime and GeneralizedTime) and the subject of a DER certificate', () => {
    const info = parseCertificate(base64ToBytes(TEST_CERTIFICATE_BASE64) ?? new Uint8Array());
    expect(info).toEqual({
      notBefore: Date.parse('2020-01-01T00:00:00Z'),
      notAfter: Date.parse('2060-01-01T00:00:00Z'),
      subject: 'CN=Contoso Connector Test Certificate',
      selfIssued: true,
    });
  });

  it('rejects public keys, private keys, truncated and padded certificates', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    const pkcs8 = new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
    const cert = base64ToBytes(TEST_CERTIFICATE_BASE64) ?? new Uint8Array();
    expect(parseCertificate(spki)).toBeUndefined();
    expect(parseCertificate(pkcs8)).toBeUndefined();
    expect(parseCertificate(cert.subarray(0, cert.length - 1))).toBeUndefined();
    expect(parseCertificate(new Uint8Array([...cert, 0]))).toBeUndefined();
    expect(parseCertificate(new Uint8Array())).toBeUndefined();
  });
});
