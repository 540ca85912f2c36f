/**
 * Turns what the user pasted or uploaded (PEM text, base64 DER without headers, or DER bytes) into the DER of one
 * certificate, recognising the things people paste by mistake: private keys, CSRs, PFX files and public keys.
 */
import type { Asn1 } from './asn1';
import type { CertificateInputError } from './certificate-input-error';
import { asn1Class, asn1Type, children, fromDer, primitiveBytes, readObjectId, oid } from './asn1';
import { fromBase64 } from './bytes';
import { inputError } from './certificate-input-error';

/** Result of {@link decodeCertificateInput}. */
export type DecodedCertificateInput =
  { ok: true; der: Uint8Array<ArrayBuffer>; asn1: Asn1 } | { ok: false; error: CertificateInputError };

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const certificateLabels = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

const fail = (code: Parameters<typeof inputError>[0]): DecodedCertificateInput => ({
  ok: false,
  error: inputError(code),
});

const is = (node: Asn1 | undefined, type: number, tagClass: number = asn1Class.UNIVERSAL) =>
  node !== undefined && node.tagClass === tagClass && node.type === type;

/** Classifies a DER structure by shape; only a certificate gets through. */
function classifyDer(der: Uint8Array<ArrayBuffer>): DecodedCertificateInput {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return fail('not-a-certificate');
  }
  const [first, second, third] = children(root);
  const firstChildren = children(first);
  if (!is(root, asn1Type.SEQUENCE)) return fail('not-a-certificate');
  if (is(first, asn1Type.INTEGER)) {
    const version = primitiveBytes(first);
    // PFX: version 3 followed by a ContentInfo.
    if (version.length === 1 && version[0] === 3 && readObjectId(children(second)[0]) === oid.data) {
      return fail('pkcs12');
    }
    // PKCS#8 PrivateKeyInfo (version, algorithm, key) or PKCS#1 RSAPrivateKey (nine integers).
    if (is(second, asn1Type.SEQUENCE) && is(third, asn1Type.OCTETSTRING)) return fail('private-key');
    if (children(root).length >= 9 && children(root).every((c) => is(c, asn1Type.INTEGER))) {
      return fail('private-key');
    }
    return fail('not-a-certificate');
  }
  if (!is(first, asn1Type.SEQUENCE)) return fail('not-a-certificate');
  // EncryptedPrivateKeyInfo: algorithm, encrypted bytes.
  if (is(second, asn1Type.OCTETSTRING) && children(root).length === 2) return fail('private-key');
  // SubjectPublicKeyInfo: algorithm, key bits.
  if (is(second, asn1Type.BITSTRING) && children(root).length === 2) return fail('public-key');
  if (!is(second, asn1Type.SEQUENCE) || !is(third, asn1Type.BITSTRING)) return fail('not-a-certificate');
  // CertificationRequestInfo starts with INTEGER 0 and has four fields; a TBSCertificate has at least six.
  if (is(firstChildren[0], asn1Type.INTEGER) && firstChildren.length === 4)
    return fail('certificate-request');
  if (firstChildren.length < 6) return fail('not-a-certificate');
  return { ok: true, der, asn1: root };
}

function decodeText(text: string): DecodedCertificateInput {
  const blocks = [...text.matchAll(pemBlock)].map((m) => ({ label: m[1] ?? '', body: m[2] ?? '' }));
  // A private key anywhere in the paste wins: the user must hear about it even next to a certificate.
  if (
    blocks.some((b) => b.label.includes('PRIVATE KEY')) ||
    /PuTTY-User-Key-File|PRIVATE KEY-----/.test(text)
  ) {
    return fail('private-key');
  }
  const certificate = blocks.find((b) => certificateLabels.has(b.label));
  if (certificate) {
    try {
      // Drop RFC 1421 headers ("Name: value" lines) if any, then decode.
      return classifyDer(fromBase64(certificate.body.replace(/^[^\n:]+:.*$/gm, '')));
    } catch {
      return fail('not-a-certificate');
    }
  }
  if (blocks.some((b) => b.label.includes('CERTIFICATE REQUEST'))) return fail('certificate-request');
  if (
    blocks.some((b) => b.label.includes('PUBLIC KEY')) ||
    /^\s*(ssh-rsa|ssh-ed25519|ecdsa-sha2)/.test(text)
  ) {
    return fail('public-key');
  }
  if (blocks.some((b) => b.label === 'PKCS12')) return fail('pkcs12');
  const compact = text.replace(/\s+/g, '');
  if (blocks.length === 0 && compact.length >= 100 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    try {
      return classifyDer(fromBase64(compact));
    } catch {
      return fail('not-a-certificate');
    }
  }
  return fail('not-a-certificate');
}

/** True when bytes are printable ASCII text (a PEM or base64 file), not DER. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  return (
    sample.length > 0 &&
    sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f))
  );
}

/** Decodes user input into certificate DER, or says what the input is instead. */
export function decodeCertificateInput(input: string | Uint8Array): DecodedCertificateInput {
  if (typeof input === 'string') return decodeText(input);
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input; // UTF-8 BOM
  return looksLikeText(bytes)
    ? decodeText(new TextDecoder().decode(bytes))
    : classifyDer(new Uint8Array(bytes));
}
