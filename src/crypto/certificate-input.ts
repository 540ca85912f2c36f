/**
 * Turns what the user pasted or uploaded (PEM text, base64 DER without headers, DER bytes, a chain or a PKCS#7 .p7b
 * file) into the DER of the certificates it holds, recognising the things people paste by mistake: private keys,
 * CSRs, PFX files and public keys. The work is linear in the input's size, which is capped before anything reads it.
 */
import type { Asn1 } from './asn1';
import type { CertificateInputError } from './certificate-input-error';
import { asn1Class, asn1Type, children, fromDer, primitiveBytes, readObjectId, oid, toDer } from './asn1';
import { bytesToBinary, fromBase64 } from './bytes';
import { inputError, maxCertificateInputBytes, tooLargeError } from './certificate-input-error';

/** One certificate of a {@link DecodedCertificateList}. */
export interface DecodedCertificate {
  der: Uint8Array<ArrayBuffer>;
  asn1: Asn1;
}

/** Result of {@link decodeCertificateList}. */
export type DecodedCertificateList =
  { ok: true; certificates: DecodedCertificate[] } | { ok: false; error: CertificateInputError };

/** One DER structure: a certificate, or why it is not one. */
type Classified = ({ ok: true } & DecodedCertificate) | { ok: false; error: CertificateInputError };

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

const refusal = (code: Parameters<typeof inputError>[0]) => ({ ok: false as const, error: inputError(code) });

const is = (node: Asn1 | undefined, type: number, tagClass: number = asn1Class.UNIVERSAL) =>
  node !== undefined && node.tagClass === tagClass && node.type === type;

/** Classifies a parsed DER structure by shape; only a certificate gets through. */
function classifyAsn1(root: Asn1, der: Uint8Array<ArrayBuffer>): Classified {
  const [first, second, third] = children(root);
  const firstChildren = children(first);
  if (!is(root, asn1Type.SEQUENCE)) return refusal('not-a-certificate');
  if (is(first, asn1Type.INTEGER)) {
    const version = primitiveBytes(first);
    // PFX: version 3 followed by a ContentInfo.
    if (version.length === 1 && version[0] === 3 && readObjectId(children(second)[0]) === oid.data) {
      return refusal('pkcs12');
    }
    // PKCS#8 PrivateKeyInfo (version, algorithm, key) or PKCS#1 RSAPrivateKey (nine integers).
    if (is(second, asn1Type.SEQUENCE) && is(third, asn1Type.OCTETSTRING)) return refusal('private-key');
    if (children(root).length >= 9 && children(root).every((c) => is(c, asn1Type.INTEGER))) {
      return refusal('private-key');
    }
    return refusal('not-a-certificate');
  }
  if (!is(first, asn1Type.SEQUENCE)) return refusal('not-a-certificate');
  // EncryptedPrivateKeyInfo: algorithm, encrypted bytes.
  if (is(second, asn1Type.OCTETSTRING) && children(root).length === 2) return refusal('private-key');
  // SubjectPublicKeyInfo: algorithm, key bits.
  if (is(second, asn1Type.BITSTRING) && children(root).length === 2) return refusal('public-key');
  if (!is(second, asn1Type.SEQUENCE) || !is(third, asn1Type.BITSTRING)) return refusal('not-a-certificate');
  // CertificationRequestInfo starts with INTEGER 0 and has four fields; a TBSCertificate has at least six.
  if (is(firstChildren[0], asn1Type.INTEGER) && firstChildren.length === 4) {
    return refusal('certificate-request');
  }
  if (firstChildren.length < 6) return refusal('not-a-certificate');
  return { ok: true, der, asn1: root };
}

/** Parses DER; undefined when it is not one well-formed structure. */
function parseDer(der: Uint8Array): Asn1 | undefined {
  try {
    return fromDer(der);
  } catch {
    return undefined;
  }
}

const signedDataOid = '1.2.840.113549.1.7.2';

/**
 * The certificates of a PKCS#7 SignedData (a `.p7b` file, what certificate authorities such as AD CS call the
 * certificate chain), or undefined when `root` is not one. forge re-encodes each certificate exactly: DER is
 * canonical and it keeps the original bytes of BIT STRINGs it looked into.
 */
function pkcs7Certificates(root: Asn1): DecodedCertificate[] | undefined {
  const [type, content] = children(root);
  if (readObjectId(type) !== signedDataOid) return undefined;
  const signedData = children(content)[0];
  const certificates = children(signedData).find((node) => is(node, 0, asn1Class.CONTEXT_SPECIFIC));
  return children(certificates).flatMap((node) => {
    const classified = classifyAsn1(node, toDer(node));
    return classified.ok ? [{ der: classified.der, asn1: classified.asn1 }] : [];
  });
}

/** The certificates of one DER structure: a certificate, or a PKCS#7 file of them. */
function decodeDer(der: Uint8Array<ArrayBuffer>): DecodedCertificateList {
  const root = parseDer(der);
  if (!root) return refusal('not-a-certificate');
  const bundled = pkcs7Certificates(root);
  if (bundled) return bundled.length > 0 ? { ok: true, certificates: bundled } : refusal('not-a-certificate');
  const classified = classifyAsn1(root, der);
  return classified.ok ? { ok: true, certificates: [{ der, asn1: classified.asn1 }] } : classified;
}

/** The same certificate twice counts once. */
function distinct(certificates: DecodedCertificate[]): DecodedCertificate[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => {
    const key = bytesToBinary(certificate.der);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function decodeText(text: string): DecodedCertificateList {
  const blocks = scanPemBlocks(text);
  // A private key anywhere in the paste wins: the user must hear about it even next to a certificate.
  if (
    blocks.some((b) => b.label.includes('PRIVATE KEY')) ||
    text.includes('PuTTY-User-Key-File') ||
    text.includes('PRIVATE KEY-----')
  ) {
    return refusal('private-key');
  }
  const found: DecodedCertificate[] = [];
  // What the first certificate block turned out to be, when no block held a certificate.
  let firstRefusal: CertificateInputError | undefined;
  for (const block of blocks) {
    const isCertificate = certificateLabels.has(block.label);
    if (!isCertificate && block.label !== 'PKCS7') continue;
    let der: Uint8Array<ArrayBuffer>;
    try {
      der = isCertificate ? certificateBlockDer(block) : pemBodyDer(block.body);
    } catch {
      firstRefusal ??= isCertificate ? inputError('not-a-certificate') : undefined;
      continue;
    }
    const decoded = decodeDer(der);
    if (decoded.ok) found.push(...decoded.certificates);
    else if (isCertificate) firstRefusal ??= decoded.error;
  }
  if (found.length > 0) return { ok: true, certificates: distinct(found) };
  if (firstRefusal) return { ok: false, error: firstRefusal };
  if (blocks.some((b) => b.label.includes('CERTIFICATE REQUEST'))) return refusal('certificate-request');
  const lead = text.trimStart();
  if (
    blocks.some((b) => b.label.includes('PUBLIC KEY')) ||
    ['ssh-rsa', 'ssh-ed25519', 'ecdsa-sha2'].some((prefix) => lead.startsWith(prefix))
  ) {
    return refusal('public-key');
  }
  if (blocks.some((b) => b.label === 'PKCS12')) return refusal('pkcs12');
  const compact = text.replace(/\s+/g, '');
  if (blocks.length === 0 && isBareBase64(compact)) {
    try {
      return decodeDer(fromBase64(compact));
    } catch {
      return refusal('not-a-certificate');
    }
  }
  return refusal('not-a-certificate');
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

/**
 * Every certificate of user input, each once: a single certificate, each certificate block of a PEM bundle (a
 * chain), or those of a PKCS#7 file (PEM or DER). Otherwise says what the input is instead; a private key anywhere
 * refuses the whole input. Input over {@link maxCertificateInputBytes} is refused before it is read.
 */
export function decodeCertificateList(input: string | Uint8Array): DecodedCertificateList {
  if (input.length > maxCertificateInputBytes) {
    return { ok: false, error: tooLargeError(input.length, typeof input === 'string' ? 'text' : 'file') };
  }
  if (typeof input === 'string') return decodeText(input);
  const bytes = withoutBom(input);
  return looksLikeText(bytes)
    ? decodeText(new TextDecoder().decode(bytes))
    : decodeDer(new Uint8Array(bytes));
}
