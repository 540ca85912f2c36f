/** Synchronous hashes of small inputs (certificates, MAC data) with forge; available with or without WebCrypto. */
import forge from 'node-forge';
import { binaryToBytes, bytesToBinary } from './bytes';

/** Hash functions used by this module. */
export type HashName = 'sha1' | 'sha256';

/** Digest of `data`. */
export function digest(hash: HashName, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const md = forge.md[hash].create();
  md.update(bytesToBinary(data));
  return binaryToBytes(md.digest().getBytes());
}

/** HMAC of `data` under `key`. */
export function hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const mac = forge.hmac.create();
  mac.start(hash, bytesToBinary(key));
  mac.update(bytesToBinary(data));
  return binaryToBytes(mac.digest().getBytes());
}

/**
 * The PKCS#12 key derivation of RFC 7292 appendix B (password as BMPString with a terminating zero), used for the
 * PFX MAC key and for the legacy 3DES bags. `purpose` is the ID byte: 1 key, 2 IV, 3 MAC key.
 */
export function pkcs12Kdf(
  hash: HashName,
  password: string,
  salt: Uint8Array,
  purpose: 1 | 2 | 3,
  iterations: number,
  length: number,
): Uint8Array<ArrayBuffer> {
  const derived = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(bytesToBinary(salt)),
    purpose,
    iterations,
    length,
    forge.md[hash].create(),
  );
  return binaryToBytes(derived.getBytes());
}
