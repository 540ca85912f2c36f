/** RS256 JWTs signed with a throwaway WebCrypto key made once per process, on first use. */
import { base64UrlJson, base64UrlToBytes, bytesToBase64Url, utf8Decode, utf8Encode } from './encoding';
import type { RandomSource } from './random';

interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JsonWebKey & { kid: string; use: string; alg: string };
}

let sharedKeyPair: Promise<CryptoKeyPair> | undefined;

/**
 * The RSA key pair every emulator in this process signs with. Generating an RSA-2048 key costs from a tenth of a
 * second to several seconds of CPU (finding primes is random), and tests make a fresh emulator each: made per
 * emulator, it delayed the first token of every test, by up to eight seconds on a loaded machine. Nothing compares
 * keys across emulators (Graph accepts a token because its emulator issued it), so one key serves them all.
 */
function processKeyPair(): Promise<CryptoKeyPair> {
  sharedKeyPair ??= globalThis.crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  return sharedKeyPair;
}

/** Signs tokens for one emulator, with the process's key pair (which never leaves memory) under its own `kid`. */
export class TokenSigner {
  #key: Promise<SigningKey> | undefined;
  readonly #random: RandomSource;

  constructor(random: RandomSource) {
    this.#random = random;
  }

  #signingKey(): Promise<SigningKey> {
    this.#key ??= (async () => {
      const pair = await processKeyPair();
      const jwk = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
      const kid = bytesToBase64Url(this.#random(20));
      return {
        privateKey: pair.privateKey,
        publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, use: 'sig', alg: 'RS256' },
      };
    })();
    return this.#key;
  }

  /** A compact JWS (`header.payload.signature`) over the claims. */
  async sign(claims: Readonly<Record<string, unknown>>): Promise<string> {
    const key = await this.#signingKey();
    const input = `${base64UrlJson({ typ: 'JWT', alg: 'RS256', kid: key.publicJwk.kid })}.${base64UrlJson(claims)}`;
    const signature = await globalThis.crypto.subtle.sign(
      'RSASSA-PKCS1-v1_5',
      key.privateKey,
      utf8Encode(input),
    );
    return `${input}.${bytesToBase64Url(new Uint8Array(signature))}`;
  }

  /** The JWKS document (`/discovery/v2.0/keys`). */
  async jwks(): Promise<{ keys: SigningKey['publicJwk'][] }> {
    return { keys: [(await this.#signingKey()).publicJwk] };
  }

  /** Verifies a token's signature against this signer's key. */
  async verify(token: string): Promise<boolean> {
    const [header, payload, signature] = token.split('.');
    const sig = signature === undefined ? undefined : base64UrlToBytes(signature);
    if (header === undefined || payload === undefined || sig === undefined) return false;
    const key = await this.#signingKey();
    const publicKey = await globalThis.crypto.subtle.importKey(
      'jwk',
      key.publicJwk,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return globalThis.crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      publicKey,
      sig,
      utf8Encode(`${header}.${payload}`),
    );
  }
}

/** The claims of a JWT, without verifying it; `undefined` when it is not one. */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  const bytes = payload === undefined ? undefined : base64UrlToBytes(payload);
  if (!bytes) return undefined;
  try {
    const claims: unknown = JSON.parse(utf8Decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
