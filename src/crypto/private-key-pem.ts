/**
 * The downloadable private key: PKCS#8, encrypted with PBES2 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`) unless the
 * user explicitly opted out, in which case it is a plain `-----BEGIN PRIVATE KEY-----`.
 */
import type { CryptoBackend } from './crypto-backend';
import { octetString, sequence, toDer } from './asn1';
import { toPem } from './bytes';
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
