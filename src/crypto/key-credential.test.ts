import { describe, expect, it } from 'vitest';
import procedureCertPem from './fixtures/procedure-cert.pem?raw';
import { fromBase64 } from './bytes';
import { inspectCertificate } from './inspect-certificate';
import { buildKeyCredential, certificateThumbprints } from './key-credential';
import { keyCredentialsFileJson } from './key-credentials-file';

// Fixture values printed by `openssl x509 -in fixtures/procedure-cert.pem -noout -fingerprint -sha1 -dates`
// (see fixtures/README.md): BB:76:AA:10:CC:F0:98:EF:D7:EB:37:53:90:1C:2B:6C:E0:B1:A5:B4; base64 and base64url of
// the same 20 bytes were computed from that hex.
const opensslSha1Hex = 'BB76AA10CCF098EFD7EB3753901C2B6CE0B1A5B4';
const opensslSha1Base64 = 'u3aqEMzwmO/X6zdTkBwrbOCxpbQ=';
const opensslSha1Base64url = 'u3aqEMzwmO_X6zdTkBwrbOCxpbQ';
const notBefore = '2026-11-27T20:05:38.000Z';
const notAfter = '2036-11-24T20:05:38.000Z';

const der = fromBase64(procedureCertPem.replace(/-----[A-Z ]+-----/g, ''));
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('thumbprints of a certificate made by openssl', () => {
  it('match openssl x509 -fingerprint -sha1 in hex, base64 and base64url', () => {
    expect(certificateThumbprints(der)).toEqual({
      sha1Hex: opensslSha1Hex,
      base64: opensslSha1Base64,
      base64url: opensslSha1Base64url,
    });
  });
});

describe('keyCredential', () => {
  const inspected = inspectCertificate(procedureCertPem, { now: new Date('2030-01-01T00:00:00Z') });
  if (!inspected.ok) throw new Error(inspected.error.message);
  const certificate = inspected.certificate;

  it('has the Graph shape: base64 thumbprint, random keyId, base64 DER, the certificate validity and subject', () => {
    const credential = certificate.graphKeyCredential;
    expect(credential).toEqual({
      customKeyIdentifier: opensslSha1Base64,
      keyId: credential.keyId,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      key: credential.key,
      displayName: 'CN=ADomain, O=An Org, ST=Some-State, C=AU',
      startDateTime: notBefore,
      endDateTime: notAfter,
    });
    expect(credential.customKeyIdentifier).not.toMatch(/^[0-9A-F]{40}$/);
    expect(credential.keyId).toMatch(uuidV4);
    expect(fromBase64(credential.key)).toEqual(der);
    expect(certificate.thumbprintSha1Hex).toBe(opensslSha1Hex);
    expect(certificate.thumbprintBase64url).toBe(opensslSha1Base64url);
    expect(certificate.notBefore).toBe(notBefore);
    expect(certificate.notAfter).toBe(notAfter);
    expect(certificate.keySize).toBe(2048);
    expect(certificate.signatureAlgorithm).toBe('sha256WithRSAEncryption');
  });

  it('gives every credential a fresh keyId unless one is passed', () => {
    const input = {
      certificateDer: der,
      notBefore: new Date(notBefore),
      notAfter: new Date(notAfter),
      displayName: 'x',
    };
    expect(buildKeyCredential(input).keyId).not.toBe(buildKeyCredential(input).keyId);
    const fixed = '6f1c8a3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(buildKeyCredential({ ...input, keyId: fixed }).keyId).toBe(fixed);
  });

  it('writes key-credentials.json as a keyCredentials list of Graph entries, and nothing else', () => {
    // Extra properties (here the retired Azure AD Graph `value`) must not reach the file: Graph refuses them.
    const parsed = JSON.parse(
      keyCredentialsFileJson({
        ...certificate.graphKeyCredential,
        value: 'MIIB',
      } as typeof certificate.graphKeyCredential),
    ) as { keyCredentials: Record<string, string>[] };
    expect(Object.keys(parsed)).toEqual(['keyCredentials']);
    expect(parsed.keyCredentials).toEqual([certificate.graphKeyCredential]);
    expect(Object.keys(parsed.keyCredentials[0] ?? {})).toEqual([
      'customKeyIdentifier',
      'displayName',
      'endDateTime',
      'key',
      'keyId',
      'startDateTime',
      'type',
      'usage',
    ]);
  });
});
