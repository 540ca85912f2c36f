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
