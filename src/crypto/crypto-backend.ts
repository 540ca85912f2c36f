/**
 * The slow primitives behind certificate generation, behind one interface so that the same code runs on WebCrypto
 * (native, fast) and, where `crypto.subtle` is missing (pages served over plain HTTP), on node-forge's pure
 * JavaScript. Everything else (ASN.1, PKCS#12 MAC, thumbprints) is cheap and done with forge directly.
 */
import { forgeBackend, forgePbkdf2Aes256CbcDecrypt, forgePbkdf2Aes256CbcEncrypt } from './forge-backend';

/** Which implementation generated the key; the UI says so because the forge path is much slower. */
export type KeyGenerationMethod = 'webcrypto' | 'forge';

/** A freshly generated RSA key. `pkcs8` is the unencrypted private key: keep it in memory only. */
export interface RsaKeyMaterial {
  /** SubjectPublicKeyInfo, DER. */
  spki: Uint8Array<ArrayBuffer>;
  /** Unencrypted PKCS#8 PrivateKeyInfo, DER. */
  pkcs8: Uint8Array<ArrayBuffer>;
  /** RSASSA-PKCS1-v1_5 signature with SHA-256 over `data`. */
  signSha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
}

/** Input of PBES2 encryption: PBKDF2-HMAC-SHA256 derives an AES-256 key, AES-256-CBC encrypts with PKCS#7 padding. */
export interface Pbes2EncryptInput {
  password: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  iv: Uint8Array<ArrayBuffer>;
  plaintext: Uint8Array<ArrayBuffer>;
}

/** Input of PBES2 decryption, the reverse of {@link Pbes2EncryptInput}. */
export interface Pbes2DecryptInput {
  password: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** The primitives certificate generation needs. */
export interface CryptoBackend {
  readonly name: KeyGenerationMethod;
  generateRsaKey(bits: number): Promise<RsaKeyMaterial>;
  pbkdf2Aes256CbcEncrypt(input: Pbes2EncryptInput): Promise<Uint8Array<ArrayBuffer>>;
  /** Rejects when the padding is wrong, which is what a wrong password almost always gives. */
  pbkdf2Aes256CbcDecrypt(input: Pbes2DecryptInput): Promise<Uint8Array<ArrayBuffer>>;
}

const rsaAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** Backend on WebCrypto. */
export function webCryptoBackend(subtle: SubtleCrypto): CryptoBackend {
  return {
    name: 'webcrypto',
    async generateRsaKey(bits) {
      const pair = await subtle.generateKey(
        { ...rsaAlgorithm, modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]) },
        true, // extractable: the user downloads the private key
        ['sign', 'verify'],
      );
      const [spki, pkcs8] = await Promise.all([
        subtle.exportKey('spki', pair.publicKey),
        subtle.exportKey('pkcs8', pair.privateKey),
      ]);
      return {
        spki: new Uint8Array(spki),
        pkcs8: new Uint8Array(pkcs8),
        signSha256: async (data) =>
          new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, data)),
      };
    },
    async pbkdf2Aes256CbcEncrypt({ password, salt, iterations, iv, plaintext }) {
      // Browsers may refuse a zero-length PBKDF2 key; an empty password protects nothing anyway, so the cheap
      // forge path is fine for it (used for the PFX of an unencrypted key).
      if (password.length === 0)
        return forgePbkdf2Aes256CbcEncrypt({ password, salt, iterations, iv, plaintext });
      const baseKey = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveKey']);
      const aesKey = await subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
        baseKey,
        { name: 'AES-CBC', length: 256 },
        false,
        ['encrypt'],
      );
      return new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, aesKey, plaintext));
    },
    async pbkdf2Aes256CbcDecrypt({ password, salt, iterations, iv, ciphertext }) {
      if (password.length === 0)
        return forgePbkdf2Aes256CbcDecrypt({ password, salt, iterations, iv, ciphertext });
      const baseKey = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveKey']);
      const aesKey = await subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
        baseKey,
        { name: 'AES-CBC', length: 256 },
        false,
        ['decrypt'],
      );
      return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, aesKey, ciphertext));
    },
  };
}

/**
 * Picks the backend: WebCrypto when `subtle` is available, forge otherwise. Pass `subtle: null` to force forge
 * (tests do); leave it undefined to use `globalThis.crypto.subtle`.
 */
export function selectBackend(subtle?: SubtleCrypto | null): CryptoBackend {
  const chosen = subtle === undefined ? globalThis.crypto?.subtle : subtle;
  return chosen ? webCryptoBackend(chosen) : forgeBackend();
}
