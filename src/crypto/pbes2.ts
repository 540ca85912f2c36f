/**
 * PBES2 (RFC 8018) with PBKDF2-HMAC-SHA256 and AES-256-CBC: the scheme OpenSSL 3 uses for `-aes256` PKCS#8 keys and
 * for PKCS#12 bags. forge's own `encryptPrivateKeyInfo` defaults to AES-128, HMAC-SHA1 and 2048 iterations and
 * derives the key in slow pure JavaScript, so the structure is built here and the work done by the backend.
 */
import type { CryptoBackend } from './crypto-backend';
import type { Asn1 } from './asn1';
import { algorithm, integer, octetString, oid, sequence } from './asn1';
import { utf8 } from './bytes';
import { randomBytes } from './random';

/** Result of {@link pbes2Encrypt}: the AlgorithmIdentifier to store next to the ciphertext. */
export interface Pbes2Encrypted {
  algorithm: Asn1;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** The PBES2 AlgorithmIdentifier. keyLength is left out, as OpenSSL does for fixed-length ciphers. */
export function pbes2AlgorithmIdentifier(salt: Uint8Array, iterations: number, iv: Uint8Array): Asn1 {
  const pbkdf2Params = sequence([octetString(salt), integer(iterations), algorithm(oid.hmacWithSHA256)]);
  return algorithm(
    oid.pbes2,
    sequence([algorithm(oid.pbkdf2, pbkdf2Params), algorithm(oid.aes256Cbc, octetString(iv))]),
  );
}

/**
 * Encrypts `plaintext` under `password` (UTF-8, which is what OpenSSL and Windows use for PBES2, also inside
 * PKCS#12) with a fresh 16-byte salt and IV.
 */
export async function pbes2Encrypt(
  backend: CryptoBackend,
  password: string,
  plaintext: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Pbes2Encrypted> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const ciphertext = await backend.pbkdf2Aes256CbcEncrypt({
    password: utf8(password),
    salt,
    iterations,
    iv,
    plaintext,
  });
  return { algorithm: pbes2AlgorithmIdentifier(salt, iterations, iv), ciphertext };
}
