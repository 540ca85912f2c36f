/**
 * Randomness for serial numbers, salts, IVs and key ids. `crypto.getRandomValues` exists even on plain-HTTP pages,
 * where `crypto.subtle` and `crypto.randomUUID` do not, so everything here works in the forge fallback too.
 */

/** Cryptographically strong random bytes. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** A random (version 4) UUID, lowercase, like `crypto.randomUUID()`. */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A 16-byte positive certificate serial number (RFC 5280 allows up to 20 octets). The top bit is cleared so the DER
 * INTEGER is positive without a padding byte, and the first byte is never zero so the encoding stays minimal,
 * which OpenSSL insists on.
 */
export function randomSerialNumber(): Uint8Array<ArrayBuffer> {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return serial;
}
