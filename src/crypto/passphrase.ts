/**
 * Generates the passphrase that protects the private key and the PFX. Random characters from an alphabet without
 * look-alikes (so it can be read out or retyped), grouped with hyphens.
 */

/** Letters and digits without 0, O, o, 1, l and I. 56 symbols, about 5.8 bits each. */
export const passphraseAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Random characters in a generated passphrase (hyphens not counted): 24 × log2(56) ≈ 139 bits. */
export const passphraseLength = 24;

/** Characters between hyphens. */
export const passphraseGroupSize = 4;

/** Fills a buffer with cryptographically strong random bytes, like `crypto.getRandomValues`. */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => void;

const defaultRandomFill: RandomFill = (bytes) => {
  crypto.getRandomValues(bytes);
};

/**
 * Returns a passphrase such as `Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D`. Uses rejection sampling so that every character of
 * the alphabet is equally likely (a plain `byte % 56` would favour the first 32 characters).
 */
export function generatePassphrase(randomFill: RandomFill = defaultRandomFill): string {
  const size = passphraseAlphabet.length;
  const limit = 256 - (256 % size); // bytes at or above this would bias the modulo; draw again
  const chars: string[] = [];
  const buffer = new Uint8Array(passphraseLength * 2);
  while (chars.length < passphraseLength) {
    randomFill(buffer);
    for (const byte of buffer) {
      if (byte < limit && chars.length < passphraseLength) chars.push(passphraseAlphabet.charAt(byte % size));
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += passphraseGroupSize) {
    groups.push(chars.slice(i, i + passphraseGroupSize).join(''));
  }
  return groups.join('-');
}
