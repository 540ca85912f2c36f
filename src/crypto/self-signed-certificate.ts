/**
 * Builds the X.509 v3 self-signed certificate with forge's ASN.1 and signs the TBSCertificate with the backend
 * (WebCrypto's native RSA where available). The signature is always sha256WithRSAEncryption; forge's own
 * `cert.sign()` would default to SHA-1.
 */
import forge from 'node-forge';
import type { RsaKeyMaterial } from './crypto-backend';
import type { SubjectFields } from './subject';
import { fromDer, oid, toDer } from './asn1';
import { bytesToBinary, toHexUpper } from './bytes';
import { subjectAttributes } from './subject';

/** forge exports `pki.getTBSCertificate`, but @types/node-forge does not declare it. */
interface TbsBuilder {
  getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1;
}

/** Input of {@link buildSelfSignedCertificate}. */
export interface SelfSignedCertificateInput {
  key: RsaKeyMaterial;
  subject: SubjectFields;
  notBefore: Date;
  notAfter: Date;
  /** Positive, minimally encoded serial number bytes. */
  serialNumber: Uint8Array;
}

/** The certificate as DER and as forge's parsed object (for the summary). */
export interface BuiltCertificate {
  der: Uint8Array<ArrayBuffer>;
  certificate: forge.pki.Certificate;
}

/**
 * The subject as forge name attributes, empty fields left out: UTF8String like `openssl req` (string_mask utf8only),
 * the country code a PrintableString. Certificate signing requests use the same encoding.
 */
export function subjectName(subject: SubjectFields): forge.pki.CertificateField[] {
  return subjectAttributes(subject).map(([shortName, value]) => ({
    shortName,
    value,
    // @types/node-forge types this as asn1.Class, but forge reads it as the universal tag (asn1.Type).
    valueTagClass: (shortName === 'C' ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8) as number,
  }));
}

/**
 * The extensions that make an end-entity signing certificate: not a CA, and a key for digital signatures (the client
 * assertions Entra checks). Fresh objects each time, because forge fills them in.
 */
export function endEntityExtensions(): object[] {
  return [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
  ];
}

/** Builds and signs the certificate. Subject and issuer are the same name, empty fields left out. */
export async function buildSelfSignedCertificate(
  input: SelfSignedCertificateInput,
): Promise<BuiltCertificate> {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromAsn1(fromDer(input.key.spki));
  cert.serialNumber = toHexUpper(input.serialNumber).toLowerCase();
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  const name = subjectName(input.subject);
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([...endEntityExtensions(), { name: 'subjectKeyIdentifier' }]);
  cert.signatureOid = oid.sha256WithRSAEncryption;
  cert.siginfo.algorithmOid = oid.sha256WithRSAEncryption;
  cert.tbsCertificate = (forge.pki as unknown as TbsBuilder).getTBSCertificate(cert);
  const signature = await input.key.signSha256(toDer(cert.tbsCertificate));
  cert.signature = bytesToBinary(signature);
  const der = toDer(forge.pki.certificateToAsn1(cert));
  return { der, certificate: forge.pki.certificateFromAsn1(fromDer(der)) };
}
