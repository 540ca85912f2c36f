/**
 * Pure JavaScript fallback for pages without `crypto.subtle` (it needs a secure context). Much slower than WebCrypto,
 * which is why it only runs inside the worker and why the result reports `keyGeneration: 'forge'`.
 */
import forge from 'node-forge';
import type { CryptoBackend, Pbes2DecryptInput, Pbes2EncryptInput, RsaKeyMaterial } from './crypto-backend';
import { toDer } from './asn1';
import { binaryToBytes, bytesToBinary } from './bytes';

function generateKeyPair(bits: number): Promise<forge.pki.rsa.KeyPair> {
  return new Promise((resolve, reject) => {
    // With a callback forge works in small steps instead of one long blocking loop.
    forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 }, (error, pair) => {
      if (error) reject(error);
      else resolve(pair);
    });
  });
}

async function generateRsaKey(bits: number): Promise<RsaKeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair(bits);
  return {
    spki: toDer(forge.pki.publicKeyToAsn1(publicKey)),
    pkcs8: toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey))),
    signSha256: async (data) => {
      const md = forge.md.sha256.create();
      md.update(bytesToBinary(data));
      return binaryToBytes(privateKey.sign(md));
    },
  };
}

/** PBKDF2-HMAC-SHA256 + AES-256-CBC in forge. */
export async function forgePbkdf2Aes256CbcEncrypt(
  input: Pbes2EncryptInput,
): Promise<Uint8Array<ArrayBuffer>> {
  // 'sha256' as a name, not a digest object: under Node forge then uses the native PBKDF2.
  const key = forge.pkcs5.pbkdf2(
    bytesToBinary(input.password),
    bytesToBinary(input.salt),
    input.iterations,
    32,
    'sha256',
  );
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  cipher.start({ iv: bytesToBinary(input.iv) });
  cipher.update(forge.util.createBuffer(bytesToBinary(input.plaintext)));
  if (!cipher.finish()) throw new Error('AES-CBC encryption failed.');
  return binaryToBytes(cipher.output.getBytes());
}

/** The reverse of {@link forgePbkdf2Aes256CbcEncrypt}; rejects when the padding is wrong. */
export async function forgePbkdf2Aes256CbcDecrypt(
  input: Pbes2DecryptInput,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = forge.pkcs5.pbkdf2(
    bytesToBinary(input.password),
    bytesToBinary(input.salt),
    input.iterations,
    32,
    'sha256',
  );
  const decipher = forge.cipher.createDecipher('AES-CBC', key);
  decipher.start({ iv: bytesToBinary(input.iv) });
  decipher.update(forge.util.createBuffer(bytesToBinary(input.ciphertext)));
  if (!decipher.finish()) throw new Error('AES-CBC decryption failed.');
  return binaryToBytes(decipher.output.getBytes());
}

/** Backend on node-forge. */
export function forgeBackend(): CryptoBackend {
  return {
    name: 'forge',
    generateRsaKey,
    pbkdf2Aes256CbcEncrypt: forgePbkdf2Aes256CbcEncrypt,
    pbkdf2Aes256CbcDecrypt: forgePbkdf2Aes256CbcDecrypt,
  };
}
