/**
 * FNV-1a over a string's UTF-8 bytes: a fast, stable, non-cryptographic hash for telling texts apart, the same in
 * every browser and in Node. Written out because it is a few lines and the results must never change: the 64-bit
 * hash is part of every registration's unique name, and the 32-bit one of every stored run.
 */

/** The offset basis and prime that FNV-1a defines for each width. */
const PARAMETERS = {
  32: { offset: 0x811c9dc5n, prime: 0x01000193n },
  64: { offset: 0xcbf29ce484222325n, prime: 0x100000001b3n },
} as const;

/** FNV-1a of the UTF-8 bytes of `text`, as `bits / 4` lower-case hex digits. */
export function fnv1a(text: string, bits: 32 | 64): string {
  const { offset, prime } = PARAMETERS[bits];
  const mask = (1n << BigInt(bits)) - 1n;
  let hash: bigint = offset;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * prime) & mask;
  return hash.toString(16).padStart(bits / 4, '0');
}
