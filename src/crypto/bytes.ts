/**
 * Byte conversions shared by the crypto module. node-forge works on "binary strings" (one char per byte),
 * WebCrypto and the rest of the app on Uint8Array; these helpers are the only bridge between the two.
 */

/** Converts bytes to a node-forge binary string (one UTF-16 code unit per byte). */
export function bytesToBinary(bytes: Uint8Array): string {
  // Chunked, because one call with every byte as an argument overflows the call stack on large inputs; `apply` takes
  // the typed array as it is, where spreading it would iterate it (about 100 times slower).
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return out;
}

/** Converts a node-forge binary string back to bytes. */
export function binaryToBytes(binary: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i) & 0xff;
  return out;
}

/** Standard base64 with padding, as Microsoft Graph expects for Binary properties. */
export function toBase64(bytes: Uint8Array): string {
  return btoa(bytesToBinary(bytes));
}

/** Decodes standard base64 (whitespace ignored). Throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return binaryToBytes(atob(text.replace(/\s+/g, '')));
}

/** base64url without padding (RFC 7515), as used in JWT headers such as `x5t`. */
export function toBase64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Uppercase hex without separators, the way the Entra portal prints thumbprints. */
export function toHexUpper(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** UTF-8 encoding. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Wraps DER bytes in a PEM block with 64-character lines (what OpenSSL writes). */
export function toPem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
