/**
 * "Bring your own certificate": checks a certificate the user already has and computes the same thumbprints and
 * keyCredentials entries as for a generated one. Runs locally; nothing is sent anywhere.
 */
import forge from 'node-forge';
import type { CertificateInputError } from './certificate-input-error';
import type { CertificateSummary } from './certificate-summary';
import type { Asn1 } from './asn1';
import { children, oid, readObjectId } from './asn1';
import { chooseCertificate, type ChainReport } from './certificate-chain';
import { decodeCertificateList } from './certificate-input';
import {
  expiredError,
  inputError,
  minimumRsaKeyBits,
  notYetValidError,
  unsupportedKeyError,
  weakKeyError,
} from './certificate-input-error';
import { summarizeCertificate } from './certificate-summary';

/** A usable certificate supplied by the user. */
export interface InspectedCertificate extends CertificateSummary {
  /** e.g. `sha256WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** Things that do not block the upload but deserve a look, as user-facing sentences. */
  warnings: string[];
  /** The file held several certificates (a chain or .p7b): how many, and which one is used. Null for one. */
  chain: ChainReport | null;
}

/** Either the certificate or why it cannot be used. */
export type InspectResult =
  { ok: true; certificate: InspectedCertificate } | { ok: false; error: CertificateInputError };

/** Options of {@link inspectCertificate}. */
export interface InspectOptions {
  /** Clock, for tests. */
  now?: Date;
}

const keyNames: Record<string, string> = {
  '1.2.840.10045.2.1': 'an elliptic-curve (ECDSA)',
  '1.3.101.112': 'an Ed25519',
  '1.3.101.113': 'an Ed448',
  '1.2.840.10040.4.1': 'a DSA',
  '1.2.840.113549.1.1.10': 'an RSA-PSS-only',
};

/** OID of the SubjectPublicKeyInfo algorithm, read before forge (which only parses RSA keys) sees it. */
function publicKeyAlgorithm(certificate: Asn1): string | undefined {
  const tbs = children(certificate)[0];
  const fields = children(tbs);
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // explicit [0] version
  const spki = fields[offset + 5];
  return readObjectId(children(children(spki)[0])[0]);
}

const soonMs = 30 * 86_400_000;

/**
 * Checks user input and, when it is a usable RSA certificate, summarises it. Of a chain or .p7b file, the certificate
 * that issued none of the others is checked (see {@link chooseCertificate}).
 */
export function inspectCertificate(input: string | Uint8Array, options: InspectOptions = {}): InspectResult {
  const list = decodeCertificateList(input);
  if (!list.ok) return list;
  const chosen = chooseCertificate(list.certificates);
  if (!chosen.ok) return chosen;
  const decoded = chosen.certificate;
  const keyAlgorithm = publicKeyAlgorithm(decoded.asn1);
  if (keyAlgorithm !== oid.rsaEncryption) {
    return { ok: false, error: unsupportedKeyError(keyNames[keyAlgorithm ?? ''] ?? 'a non-RSA') };
  }
  let certificate: forge.pki.Certificate;
  try {
    certificate = forge.pki.certificateFromAsn1(decoded.asn1);
  } catch {
    return { ok: false, error: inputError('not-a-certificate') };
  }
  const now = options.now ?? new Date();
  const { notBefore, notAfter } = certificate.validity;
  // forge reads dates it cannot make sense of (a month 13) as invalid dates rather than failing.
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    return { ok: false, error: inputError('not-a-certificate') };
  }
  if (notAfter.getTime() < now.getTime()) return { ok: false, error: expiredError(notAfter) };
  if (notBefore.getTime() > now.getTime()) return { ok: false, error: notYetValidError(notBefore) };

  const summary = summarizeCertificate(decoded.der, certificate);
  if (summary.keySize < minimumRsaKeyBits) return { ok: false, error: weakKeyError(summary.keySize) };
  const signatureAlgorithm = forge.pki.oids[certificate.signatureOid] ?? certificate.signatureOid;
  const warnings: string[] = [];
  if (/^(sha1|md5|md2)With/i.test(signatureAlgorithm)) {
    warnings.push(
      `It is signed with ${signatureAlgorithm}, an outdated hash. Prefer a certificate signed with SHA-256.`,
    );
  }
  if (notAfter.getTime() - now.getTime() < soonMs) {
    warnings.push(`It expires on ${summary.notAfter.slice(0, 10)}. Plan its replacement now.`);
  }
  return { ok: true, certificate: { ...summary, signatureAlgorithm, warnings, chain: chosen.chain } };
}
