/** The facts about a certificate that the wizard shows and uploads, for generated and user-supplied ones alike. */
import forge from 'node-forge';
import type { GraphKeyCredential } from './key-credential';
import type { NameAttribute } from './distinguished-name';
import { binaryToBytes, toPem } from './bytes';
import { formatDistinguishedName } from './distinguished-name';
import { buildKeyCredential, certificateThumbprints } from './key-credential';

/** Certificate facts and its Entra credential. Plain data, so it crosses the worker boundary. */
export interface CertificateSummary {
  /** `-----BEGIN CERTIFICATE-----` PEM (cert.pem). */
  certificatePem: string;
  /** DER bytes (a `.cer` file). */
  certificateDer: Uint8Array<ArrayBuffer>;
  /** SHA-1 thumbprint, uppercase hex without separators (what the Entra portal shows). */
  thumbprintSha1Hex: string;
  /** SHA-1 thumbprint, base64url: the `x5t` header of a client assertion. */
  thumbprintBase64url: string;
  /** SHA-1 thumbprint, base64: Graph's customKeyIdentifier. */
  customKeyIdentifier: string;
  graphKeyCredential: GraphKeyCredential;
  /** ISO 8601 validity start. */
  notBefore: string;
  /** ISO 8601 validity end. */
  notAfter: string;
  /** Subject, most specific first, e.g. `CN=ADomain, O=An Org, ST=Some-State, C=AU`. */
  subject: string;
  /** RSA modulus length in bits. */
  keySize: number;
  /** Serial number, uppercase hex. */
  serialNumberHex: string;
}

/** forge leaves UTF8String values as UTF-8 bytes (it decodes BMPString itself). */
function decodeAttributeValue(value: unknown, tag: unknown): string {
  if (typeof value !== 'string') return '';
  return tag === forge.asn1.Type.UTF8 ? new TextDecoder().decode(binaryToBytes(value)) : value;
}

/** The subject of a parsed certificate as name attributes in certificate order. */
export function subjectAttributesOf(certificate: forge.pki.Certificate): NameAttribute[] {
  return certificate.subject.attributes.map((a) => ({
    type: a.shortName ?? a.name ?? a.type ?? '',
    value: decodeAttributeValue(a.value, a.valueTagClass),
  }));
}

/** Summarises a certificate given as DER and as forge's parsed (RSA) certificate. */
export function summarizeCertificate(
  der: Uint8Array<ArrayBuffer>,
  certificate: forge.pki.Certificate,
): CertificateSummary {
  const thumbprints = certificateThumbprints(der);
  const subject = formatDistinguishedName(subjectAttributesOf(certificate));
  const { notBefore, notAfter } = certificate.validity;
  const graphKeyCredential = buildKeyCredential({
    certificateDer: der,
    notBefore,
    notAfter,
    displayName: subject,
  });
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  return {
    certificatePem: toPem('CERTIFICATE', der),
    certificateDer: der,
    thumbprintSha1Hex: thumbprints.sha1Hex,
    thumbprintBase64url: thumbprints.base64url,
    customKeyIdentifier: thumbprints.base64,
    graphKeyCredential,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    subject,
    keySize: publicKey.n.bitLength(),
    serialNumberHex: certificate.serialNumber.toUpperCase(),
  };
}
