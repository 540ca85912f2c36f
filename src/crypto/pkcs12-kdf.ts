/**
 * The PKCS#12 key derivation of RFC 7292 appendix B.2: the password as a BMPString with a terminating zero,
 * diversified by a purpose byte (1 key, 2 IV, 3 MAC key). Used for the PFX MAC key and the legacy 3DES bags.
 */
import type { HashName } from './digest';
import { digest } from './digest';
import { sha256Iterated } from './sha256';

const blockSize = 64; // v: the input block size of SHA-1 and SHA-256

/** UTF-16BE code units plus a two-byte zero terminator, what RFC 7292 calls a BMPString password. */
function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/** `source` repeated to fill a multiple of the block size (empty stays empty). */
function fillBlocks(source: Uint8Array): Uint8Array {
  const out = new Uint8Array(blockSize * Math.ceil(source.length / blockSize));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] ?? 0;
  return out;
}

/** Derives `length` bytes for `purpose` from `password` and `salt`. */
export function pkcs12Kdf(
  hash: HashName,
  password: string,
  salt: Uint8Array,
  purpose: 1 | 2 | 3,
  iterations: number,
  length: number,
): Uint8Array<ArrayBuffer> {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation needs at least one iteration.');
  const iterate = (data: Uint8Array) => {
    if (hash === 'sha256') return sha256Iterated(data, iterations);
    let a = digest('sha1', data);
    for (let round = 1; round < iterations; round++) a = digest('sha1', a);
    return a;
  };
  const u = hash === 'sha256' ? 32 : 20;
  // I = S || P, updated in place after each output block.
  const salted = fillBlocks(salt);
  const passworded = fillBlocks(bmpPassword(password));
  const saltAndPassword = new Uint8Array(salted.length + passworded.length);
  saltAndPassword.set(salted);
  saltAndPassword.set(passworded, salted.length);
  const diversifier = new Uint8Array(blockSize).fill(purpose);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    const first = new Uint8Array(blockSize + saltAndPassword.length);
    first.set(diversifier);
    first.set(saltAndPassword, blockSize);
    const a = iterate(first);
    out.set(a, block * u);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I, where B is A repeated to v bytes.
    for (let offset = 0; offset < saltAndPassword.length; offset += blockSize) {
      let carry = 1;
      for (let k = blockSize - 1; k >= 0; k--) {
        carry += (saltAndPassword[offset + k] ?? 0) + (a[k % u] ?? 0);
        saltAndPassword[offset + k] = carry & 0xff;
        carry >>= 8;
      }
    }
  }
  return out.slice(0, length);
}
