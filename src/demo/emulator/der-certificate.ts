/**
 * A minimal, runtime-neutral reader for DER X.509 certificates: just enough to tell a certificate from
 * other data and to read its validity and subject common name.
 */
import { utf8Decode } from './encoding';

/** What the emulator needs from a certificate. */
export interface CertificateInfo {
  /** Validity start, epoch milliseconds. */
  readonly notBefore: number;
  /** Validity end, epoch milliseconds. */
  readonly notAfter: number;
  /** `CN=<common name>` of the subject, when it has one. */
  readonly subject: string | undefined;
  /** The issuer's name is the subject's: a self-signed certificate, which no certificate authority issued. */
  readonly selfIssued: boolean;
}

interface Tlv {
  readonly tag: number;
  readonly valueStart: number;
  readonly end: number;
}

function readTlv(bytes: Uint8Array, offset: number): Tlv | undefined {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return undefined;
  let length = first;
  let p = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[p++];
      if (b === undefined) return undefined;
      length = length * 256 + b;
    }
  }
  const end = p + length;
  return end > bytes.length ? undefined : { tag, valueStart: p, end };
}

function children(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  let offset = parent.valueStart;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset);
    if (!child || child.end > parent.end) return undefined;
    out.push(child);
    offset = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OID = 0x06;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const CONTEXT_0 = 0xa0;
const OID_COMMON_NAME = [0x55, 0x04, 0x03];

function readTime(bytes: Uint8Array, tlv: Tlv | undefined): number | undefined {
  if (!tlv) return undefined;
  const text = String.fromCharCode(...bytes.subarray(tlv.valueStart, tlv.end));
  let m: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === UTC_TIME && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))) {
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (
    tlv.tag === GENERALIZED_TIME &&
    (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))
  ) {
    year = Number(m[1]);
  } else {
    return undefined;
  }
  const [, , mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(year, (mo ?? 1) - 1, d, h, mi, s);
}

function readCommonName(bytes: Uint8Array, name: Tlv): string | undefined {
  for (const rdn of children(bytes, name) ?? []) {
    if (rdn.tag !== SET) continue;
    for (const atv of children(bytes, rdn) ?? []) {
      const [oid, value] = children(bytes, atv) ?? [];
      if (!oid || !value || oid.tag !== OID) continue;
      const oidBytes = Array.from(bytes.subarray(oid.valueStart, oid.end));
      if (oidBytes.join() === OID_COMMON_NAME.join()) {
        return `CN=${utf8Decode(bytes.subarray(value.valueStart, value.end))}`;
      }
    }
  }
  return undefined;
}

/**
 * Parses a DER certificate: `SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE, signature BIT STRING }`
 * with nothing after it. Returns `undefined` for anything else (a public key, a PKCS#12 file, PEM text, noise).
 */
export function parseCertificate(der: Uint8Array): CertificateInfo | undefined {
  const root = readTlv(der, 0);
  if (!root || root.tag !== SEQUENCE || root.end !== der.length) return undefined;
  const [tbs, algorithm, signature, ...rest] = children(der, root) ?? [];
  if (
    !tbs ||
    tbs.tag !== SEQUENCE ||
    algorithm?.tag !== SEQUENCE ||
    signature?.tag !== BIT_STRING ||
    rest.length
  ) {
    return undefined;
  }
  const fields = children(der, tbs);
  if (!fields) return undefined;
  const f = fields[0]?.tag === CONTEXT_0 ? fields.slice(1) : fields;
  const [serial, sigAlg, issuer, validity, subject, spki] = f;
  if (
    serial?.tag !== INTEGER ||
    sigAlg?.tag !== SEQUENCE ||
    issuer?.tag !== SEQUENCE ||
    validity?.tag !== SEQUENCE ||
    subject?.tag !== SEQUENCE ||
    spki?.tag !== SEQUENCE
  ) {
    return undefined;
  }
  const [keyAlgorithm, publicKey] = children(der, spki) ?? [];
  if (keyAlgorithm?.tag !== SEQUENCE || publicKey?.tag !== BIT_STRING) return undefined;
  const [start, end] = children(der, validity) ?? [];
  const notBefore = readTime(der, start);
  const notAfter = readTime(der, end);
  if (notBefore === undefined || notAfter === undefined) return undefined;
  const same = (a: Tlv, b: Tlv) =>
    a.end - a.valueStart === b.end - b.valueStart &&
    der.subarray(a.valueStart, a.end).every((byte, i) => byte === der[b.valueStart + i]);
  return { notBefore, notAfter, subject: readCommonName(der, subject), selfIssued: same(issuer, subject) };
}
