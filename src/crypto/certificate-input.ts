/**
 * Turns what the user pasted or uploaded (PEM text, base64 DER without headers, or DER bytes) into the DER of one
 * certificate, recognising the things people paste by mistake: private keys, CSRs, PFX files and public keys.
 */
import type { Asn1 } from './asn1';
import type { CertificateInputError } from './certificate-input-error';
import { asn1Class, asn1Type, children, fromDer, primitiveBytes, readObjectId, oid, toDer } from './asn1';
import { fromBase64 } from './bytes';
import { inputError, maxCertificateInputBytes, tooLargeError } from './certificate-input-error';

/** Result of {@link decodeCertificateInput}. */
export type DecodedCertificateInput =
  { ok: true; der: Uint8Array<ArrayBuffer>; asn1: Asn1 } | { ok: false; error: CertificateInputError };

const certificateLabels = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/** One PEM block: its label (`CERTIFICATE`) and its body (base64, with any RFC 1421 header lines). */
export interface PemBlock {
  label: string;
  body: string;
}

const dashes = '-----';
/** Longer labels than this are not PEM labels; RFC 7468's are at most a few words. */
const maxLabelLength = 64;
const isLabel = (label: string) =>
  label.length > 0 &&
  [...label].every((c) => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === ' ' || c === '-');

/**
 * The PEM blocks of `text`, found in one pass: the work is linear in the text's length whatever it holds, so a crafted
 * file cannot make the check hang. A block is `-----BEGIN label-----`, a body, and `-----END label-----` with the same
 * label. A body never holds five dashes (base64 and header lines do not), so each run of dashes either opens a block,
 * closes the open one, or ends it unclosed; a BEGIN whose END never comes is skipped.
 */
export function scanPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  let position = 0;
  for (;;) {
    let start = text.indexOf(dashes, position);
    if (start === -1) break;
    // Extra leading dashes ("------BEGIN") belong to no label.
    while (text.charCodeAt(start + dashes.length) === 0x2d) start++;
    const end = text.indexOf(dashes, start + dashes.length);
    if (end === -1) break;
    const marker =
      end - start - dashes.length <= maxLabelLength + 6 ? text.slice(start + dashes.length, end) : '';
    const begin = marker.startsWith('BEGIN ') ? marker.slice(6) : undefined;
    const close = marker.startsWith('END ') ? marker.slice(4) : undefined;
    if (begin !== undefined && isLabel(begin)) {
      open = { label: begin, bodyStart: end + dashes.length };
      position = end + dashes.length;
    } else if (close !== undefined && open?.label === close) {
      blocks.push({ label: close, body: text.slice(open.bodyStart, start) });
      open = undefined;
      position = end + dashes.length;
    } else {
      // Not a marker, or an END of another label: any open block has no END of its own.
      open = undefined;
      position = end;
    }
  }
  return blocks;
}

/** The DER of a PEM body: RFC 1421 header lines ("Name: value") dropped, the rest base64-decoded. Throws if not base64. */
function pemBodyDer(body: string): Uint8Array<ArrayBuffer> {
  return fromBase64(
    body
      .split('\n')
      .filter((line) => !line.includes(':'))
      .join(''),
  );
}

/** The first DER element of `der` (its tag, length and value), or undefined when its length does not fit. */
function firstDerElement(der: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | undefined {
  const [tag = 0x1f, lengthByte = 0] = der;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags are never a certificate's
  let header = 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4 || der.length < 2 + count) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[2 + i] ?? 0);
    header += count;
  }
  return header + length <= der.length ? der.slice(0, header + length) : undefined;
}

/**
 * The certificate DER of a certificate PEM block. A `TRUSTED CERTIFICATE` (OpenSSL's `-trustout`) holds the
 * certificate followed by the trust settings of the machine that wrote it; only the certificate is read.
 */
function certificateBlockDer({ label, body }: PemBlock): Uint8Array<ArrayBuffer> {
  const der = pemBodyDer(body);
  return label === 'TRUSTED CERTIFICATE' ? (firstDerElement(der) ?? der) : der;
}

const isBase64Char = (code: number) =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2b ||
  code === 0x2f;

/** True for standard base64 (at least 100 characters, padding only at the end): DER pasted without PEM lines. */
function isBareBase64(compact: string): boolean {
  if (compact.length < 100) return false;
  let end = compact.length;
  while (end > compact.length - 2 && compact.charCodeAt(end - 1) === 0x3d) end--;
  for (let i = 0; i < end; i++) if (!isBase64Char(compact.charCodeAt(i))) return false;
  return true;
}

/** The input is over the size limit: refused before anything reads it. */
function tooLarge(input: string | Uint8Array): CertificateInputError | undefined {
  return input.length > maxCertificateInputBytes
    ? tooLargeError(input.length, typeof input === 'string' ? 'text' : 'file')
    : undefined;
}

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

function decodeText(text: string, blocks: PemBlock[]): DecodedCertificateInput {
  // A private key anywhere in the paste wins: the user must hear about it even next to a certificate.
  if (
    blocks.some((b) => b.label.includes('PRIVATE KEY')) ||
    text.includes('PuTTY-User-Key-File') ||
    text.includes('PRIVATE KEY-----')
  ) {
    return fail('private-key');
  }
  const certificate = blocks.find((b) => certificateLabels.has(b.label));
  if (certificate) {
    try {
      return classifyDer(certificateBlockDer(certificate));
    } catch {
      return fail('not-a-certificate');
    }
  }
  if (blocks.some((b) => b.label.includes('CERTIFICATE REQUEST'))) return fail('certificate-request');
  const lead = text.trimStart();
  if (
    blocks.some((b) => b.label.includes('PUBLIC KEY')) ||
    ['ssh-rsa', 'ssh-ed25519', 'ecdsa-sha2'].some((prefix) => lead.startsWith(prefix))
  ) {
    return fail('public-key');
  }
  if (blocks.some((b) => b.label === 'PKCS12')) return fail('pkcs12');
  const compact = text.replace(/\s+/g, '');
  if (blocks.length === 0 && isBareBase64(compact)) {
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
  const large = tooLarge(input);
  if (large) return { ok: false, error: large };
  const text = textOf(input);
  return text === undefined
    ? classifyDer(new Uint8Array(withoutBom(input as Uint8Array)))
    : decodeText(text, scanPemBlocks(text));
}

/** The input as text when it is text (a string, or a PEM or base64 file); undefined for DER bytes. */
function textOf(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input;
  const bytes = withoutBom(input);
  return looksLikeText(bytes) ? new TextDecoder().decode(bytes) : undefined;
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
  const large = tooLarge(input);
  if (large) return { ok: false, error: large };
  const text = textOf(input);
  const blocks = text === undefined ? [] : scanPemBlocks(text);
  const single =
    text === undefined
      ? classifyDer(new Uint8Array(withoutBom(input as Uint8Array)))
      : decodeText(text, blocks);
  if (!single.ok && single.error.code !== 'not-a-certificate') return single;
  const found: DecodedCertificate[] = [];
  if (text === undefined) {
    found.push(...(pkcs7Certificates(withoutBom(input as Uint8Array)) ?? []));
  } else {
    for (const block of blocks) {
      const { label } = block;
      let der: Uint8Array<ArrayBuffer>;
      try {
        der = certificateLabels.has(label) ? certificateBlockDer(block) : pemBodyDer(block.body);
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
