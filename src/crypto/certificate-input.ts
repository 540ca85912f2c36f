/**
 * Turns what the user pasted or uploaded (PEM text, base64 DER without headers, or DER bytes) into the DER of one
 * certificate, recognising the things people paste by mistake: private keys, CSRs, PFX files and public keys.
 */
import type { Asn1 } from './asn1';
import type { CertificateInputError } from './certificate-input-error';
import { asn1Class, asn1Type, children, fromDer, primitiveBytes, readObjectId, oid, toDer } from './asn1';
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

const withoutBom = (bytes: Uint8Array) =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes; // UTF-8 BOM

/** Decodes user input into certificate DER, or says what the input is instead. */
export function decodeCertificateInput(input: string | Uint8Array): DecodedCertificateInput {
  if (typeof input === 'string') return decodeText(input);
  const bytes = withoutBom(input);
  return looksLikeText(bytes)
    ? decodeText(new TextDecoder().decode(bytes))
    : classifyDer(new Uint8Array(bytes));
}

/** One certificate of a {@link DecodedCertificateList}. */
export interface DecodedCertificate {
  der: Uint8Array<ArrayBuffer>;
  asn1: Asn1;
}

/** Result of {@link decodeCertificateList}. */
export type DecodedCertificateList =
  { ok: true; certificates: DecodedCertificate[] } | { ok: false; error: CertificateInputError };

const signedDataOid = '1.2.840.113549.1.7.2';

/**
 * The certificates of a PKCS#7 SignedData (a `.p7b` file, what certificate authorities such as AD CS call the
 * certificate chain), or undefined when `der` is not one. forge re-encodes each certificate exactly: DER is
 * canonical and it keeps the original bytes of BIT STRINGs it looked into.
 */
function pkcs7Certificates(der: Uint8Array): DecodedCertificate[] | undefined {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return undefined;
  }
  const [type, content] = children(root);
  if (readObjectId(type) !== signedDataOid) return undefined;
  const signedData = children(content)[0];
  const certificates = children(signedData).find((node) => is(node, 0, asn1Class.CONTEXT_SPECIFIC));
  return children(certificates).flatMap((node) => {
    const decoded = classifyDer(toDer(node));
    return decoded.ok ? [{ der: decoded.der, asn1: decoded.asn1 }] : [];
  });
}

/**
 * Like {@link decodeCertificateInput}, but returns every certificate of the input: each CERTIFICATE block of a PEM
 * bundle (a chain), or those of a PKCS#7 file (PEM or DER). A private key anywhere still refuses the whole input.
 */
export function decodeCertificateList(input: string | Uint8Array): DecodedCertificateList {
  const single = decodeCertificateInput(input);
  if (!single.ok && single.error.code !== 'not-a-certificate') return single;
  const bytes = typeof input === 'string' ? undefined : withoutBom(input);
  const text =
    bytes === undefined
      ? (input as string)
      : looksLikeText(bytes)
        ? new TextDecoder().decode(bytes)
        : undefined;
  const found: DecodedCertificate[] = [];
  if (bytes !== undefined && text === undefined) {
    found.push(...(pkcs7Certificates(bytes) ?? []));
  } else if (text !== undefined) {
    for (const [, label = '', body = ''] of text.matchAll(pemBlock)) {
      let der: Uint8Array<ArrayBuffer>;
      try {
        der = fromBase64(body.replace(/^[^\n:]+:.*$/gm, ''));
      } catch {
        continue;
      }
      if (certificateLabels.has(label)) {
        const decoded = classifyDer(der);
        if (decoded.ok) found.push({ der: decoded.der, asn1: decoded.asn1 });
      } else if (label === 'PKCS7') {
        found.push(...(pkcs7Certificates(der) ?? []));
      }
    }
  }
  if (found.length > 0) return { ok: true, certificates: found };
  return single.ok ? { ok: true, certificates: [{ der: single.der, asn1: single.asn1 }] } : single;
}
