/**
 * The downloadable private key: PKCS#8, encrypted with PBES2 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`) unless the
 * user explicitly opted out, in which case it is a plain `-----BEGIN PRIVATE KEY-----`.
 */
import forge from 'node-forge';
import type { Asn1 } from './asn1';
import type { CryptoBackend } from './crypto-backend';
import {
  asn1Class,
  asn1Type,
  children,
  fromDer,
  octetString,
  oid,
  primitiveBytes,
  readObjectId,
  sequence,
  toDer,
} from './asn1';
import { fromBase64, toPem, utf8 } from './bytes';
import { pbes2Encrypt } from './pbes2';

/**
 * PBKDF2 iterations for the private key file: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. WebCrypto derives it in
 * a fraction of a second; the pure-JS fallback takes seconds, which is acceptable for a one-off download.
 */
export const privateKeyPbkdf2Iterations = 600_000;

/** Encodes the PKCS#8 key as PEM, encrypted with `passphrase` unless it is null. */
export async function privateKeyToPem(
  backend: CryptoBackend,
  pkcs8: Uint8Array<ArrayBuffer>,
  passphrase: string | null,
  iterations = privateKeyPbkdf2Iterations,
): Promise<string> {
  if (passphrase === null) return toPem('PRIVATE KEY', pkcs8);
  const { algorithm, ciphertext } = await pbes2Encrypt(backend, passphrase, pkcs8, iterations);
  return toPem('ENCRYPTED PRIVATE KEY', toDer(sequence([algorithm, octetString(ciphertext)])));
}

/** Why {@link privateKeyFromPem} returned nothing or failed. */
export type PrivateKeyReadFailure = 'wrong-passphrase' | 'passphrase-needed' | 'unreadable';

/** Result of {@link privateKeyFromPem}: the unencrypted PKCS#8 DER, to be zeroed after use. */
export type PrivateKeyReadResult =
  { ok: true; pkcs8: Uint8Array<ArrayBuffer> } | { ok: false; reason: PrivateKeyReadFailure };

const keyPemBlock = /-----BEGIN ((?:ENCRYPTED )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;

/** Reads a non-negative INTEGER that fits a JavaScript number (iteration counts). */
function readCount(node: Asn1 | undefined): number | undefined {
  if (node?.tagClass !== asn1Class.UNIVERSAL || node.type !== asn1Type.INTEGER) return undefined;
  const bytes = primitiveBytes(node);
  if (bytes.length === 0 || bytes.length > 6 || (bytes[0] ?? 0) & 0x80) return undefined;
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

/** PBKDF2-HMAC-SHA256 + AES-256-CBC parameters, or undefined for any other scheme. */
function ourPbes2Parameters(algorithmId: Asn1 | undefined) {
  const [schemeOid, parameters] = children(algorithmId);
  if (readObjectId(schemeOid) !== oid.pbes2) return undefined;
  const [kdf, encryption] = children(parameters);
  const [kdfOid, kdfParameters] = children(kdf);
  const [encryptionOid, ivNode] = children(encryption);
  if (readObjectId(kdfOid) !== oid.pbkdf2 || readObjectId(encryptionOid) !== oid.aes256Cbc) return undefined;
  const [saltNode, countNode, ...rest] = children(kdfParameters);
  // keyLength is optional; when present it must say 32 bytes. The PRF defaults to HMAC-SHA1, which is not ours.
  const keyLength = rest[0]?.type === asn1Type.INTEGER ? readCount(rest.shift()) : 32;
  const prf = readObjectId(children(rest[0])[0]);
  const iterations = readCount(countNode);
  if (keyLength !== 32 || prf !== oid.hmacWithSHA256 || !iterations) return undefined;
  if (saltNode?.type !== asn1Type.OCTETSTRING || ivNode?.type !== asn1Type.OCTETSTRING) return undefined;
  return { salt: primitiveBytes(saltNode), iterations, iv: primitiveBytes(ivNode) };
}

/** True when `der` is a PKCS#8 PrivateKeyInfo forge can read as an RSA key. */
function isRsaPrivateKeyInfo(der: Uint8Array): boolean {
  try {
    return forge.pki.privateKeyFromAsn1(fromDer(der)) !== null;
  } catch {
    return false;
  }
}

/**
 * Reads key.pem as {@link privateKeyToPem} writes it (or as OpenSSL writes a PKCS#8 key): a plain `PRIVATE KEY`, or
 * an `ENCRYPTED PRIVATE KEY` unlocked with `passphrase`. The wizard's own scheme is decrypted by the backend (native
 * PBKDF2 under WebCrypto); other PKCS#8 encryptions fall back to forge.
 */
export async function privateKeyFromPem(
  backend: CryptoBackend,
  pem: string,
  passphrase: string | null,
): Promise<PrivateKeyReadResult> {
  const match = keyPemBlock.exec(pem);
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = fromBase64(match?.[2] ?? '');
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!match || der.length === 0) return { ok: false, reason: 'unreadable' };
  if (match[1] === 'PRIVATE KEY') {
    return isRsaPrivateKeyInfo(der) ? { ok: true, pkcs8: der } : { ok: false, reason: 'unreadable' };
  }
  if (!passphrase) return { ok: false, reason: 'passphrase-needed' };
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const [algorithmId, encrypted] = children(root);
  const parameters = ourPbes2Parameters(algorithmId);
  let pkcs8: Uint8Array<ArrayBuffer>;
  if (parameters) {
    try {
      pkcs8 = await backend.pbkdf2Aes256CbcDecrypt({
        password: utf8(passphrase),
        ...parameters,
        ciphertext: primitiveBytes(encrypted),
      });
    } catch {
      return { ok: false, reason: 'wrong-passphrase' };
    }
  } else {
    try {
      const info = forge.pki.decryptPrivateKeyInfo(root, passphrase) as Asn1 | null;
      if (!info) return { ok: false, reason: 'wrong-passphrase' };
      pkcs8 = toDer(info);
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  }
  // A wrong passphrase can still yield valid padding (about once in 256 tries); the garbage is no key.
  if (isRsaPrivateKeyInfo(pkcs8)) return { ok: true, pkcs8 };
  pkcs8.fill(0);
  return { ok: false, reason: 'wrong-passphrase' };
}
