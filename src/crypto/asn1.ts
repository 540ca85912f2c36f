/**
 * Small builders over node-forge's ASN.1 module, so PKCS#8, PKCS#12 and X.509 structures read like their ASN.1
 * definitions. Values are Uint8Array at the edges; forge's binary strings stay inside.
 */
import forge from 'node-forge';
import { binaryToBytes, bytesToBinary } from './bytes';

/** A forge ASN.1 node. */
export type Asn1 = forge.asn1.Asn1;

const { Class, Type } = forge.asn1;

/** Object identifiers used by this module, named as in the RFCs. */
export const oid = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  pbeWithSHAAnd3KeyTripleDESCBC: '1.2.840.113549.1.12.1.3',
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

/** SEQUENCE of `items`. */
export const sequence = (items: Asn1[]): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);

/** SET of `items` (callers pass them in DER order). */
export const set = (items: Asn1[]): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.SET, true, items);

/** OBJECT IDENTIFIER from its dotted form. */
export const objectId = (id: string): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(id).getBytes());

/** NULL. */
export const nullValue = (): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');

/** OCTET STRING. */
export const octetString = (bytes: Uint8Array): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytesToBinary(bytes));

/** Small non-negative INTEGER (versions, iteration counts). */
export const integer = (value: number): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(value).getBytes());

/** BMPString, which PKCS#12 uses for friendlyName; forge encodes the JS string as UTF-16BE itself. */
export const bmpString = (text: string): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.BMPSTRING, false, text);

/** `[n] EXPLICIT` wrapper. */
export const explicit = (tag: number, inner: Asn1): Asn1 =>
  forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [inner]);

/** `[n] IMPLICIT OCTET STRING`, a primitive context-specific value. */
export const implicitBytes = (tag: number, bytes: Uint8Array): Asn1 =>
  forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, false, bytesToBinary(bytes));

/** AlgorithmIdentifier with explicit parameters (NULL when none are given, as RFC 4055 asks for RSA and SHA-2). */
export const algorithm = (id: string, parameters: Asn1 = nullValue()): Asn1 =>
  sequence([objectId(id), parameters]);

/** DER encoding. */
export function toDer(node: Asn1): Uint8Array<ArrayBuffer> {
  return binaryToBytes(forge.asn1.toDer(node).getBytes());
}

/** Strict DER decoding; throws on trailing garbage or malformed input. */
export function fromDer(bytes: Uint8Array): Asn1 {
  const buffer = forge.util.createBuffer(bytesToBinary(bytes));
  const node = forge.asn1.fromDer(buffer, true);
  if (buffer.length() > 0) throw new Error('Unexpected bytes after the DER structure.');
  return node;
}

/** Children of a constructed node (empty for primitive nodes). */
export function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

/** Bytes of a primitive node. */
export function primitiveBytes(node: Asn1 | undefined): Uint8Array<ArrayBuffer> {
  return node && typeof node.value === 'string' ? binaryToBytes(node.value) : new Uint8Array(0);
}

/** Dotted OID of an OBJECT IDENTIFIER node, or undefined. */
export function readObjectId(node: Asn1 | undefined): string | undefined {
  if (
    !node ||
    node.tagClass !== Class.UNIVERSAL ||
    node.type !== Type.OID ||
    typeof node.value !== 'string'
  ) {
    return undefined;
  }
  return forge.asn1.derToOid(node.value);
}

/** forge's tag classes and universal types, for shape checks. */
export { Class as asn1Class, Type as asn1Type };
