/**
 * `certificate.pfx`: the certificate and its private key in PKCS#12, for Windows, PnP PowerShell and Azure tools.
 * forge's `toPkcs12Asn1` always writes a SHA-1 MAC and derives bag keys in pure JavaScript, so the
 * structure is assembled here to match what `openssl pkcs12 -export` (OpenSSL 3) writes by default:
 * PBES2/AES-256-CBC bags and an HMAC-SHA256 MAC keyed by the RFC 7292 KDF. The `3des` variant uses
 * pbeWithSHAAnd3-KeyTripleDES-CBC bags and a SHA-1 MAC, which Windows Server 2016 and older can import.
 */
import forge from 'node-forge';
import type { CryptoBackend } from './crypto-backend';
import type { Asn1 } from './asn1';
import {
  algorithm,
  bmpString,
  explicit,
  implicitBytes,
  integer,
  octetString,
  oid,
  sequence,
  set,
  objectId,
  toDer,
} from './asn1';
import { binaryToBytes, bytesToBinary } from './bytes';
import { digest, hmac } from './digest';
import { pkcs12Kdf } from './pkcs12-kdf';
import { pbes2Encrypt } from './pbes2';
import { randomBytes } from './random';

/** Bag encryption of the PFX: `aes256` (default, modern) or `3des` (compatibility with older Windows importers). */
export type PfxEncryption = 'aes256' | '3des';

/**
 * Iterations for each key derivation in the PFX (both bags and the MAC). Lower than the key file's so the file stays
 * within the iteration limits .NET's PKCS#12 loader enforces (per derivation and in total); the legacy variant uses
 * OpenSSL's and old Windows' customary 2048.
 */
export const pfxIterations: Readonly<Record<PfxEncryption, number>> = { aes256: 100_000, '3des': 2048 };

/** Iterations when the password is empty: they cannot protect anything, so OpenSSL's default keeps it quick. */
export const emptyPasswordPfxIterations = 2048;

/** Input of {@link buildPfx}. */
export interface PfxInput {
  backend: CryptoBackend;
  certificateDer: Uint8Array<ArrayBuffer>;
  /** Unencrypted PKCS#8 PrivateKeyInfo. */
  pkcs8: Uint8Array<ArrayBuffer>;
  /** The PFX password; '' for a PFX that protects an unencrypted key. */
  password: string;
  encryption: PfxEncryption;
  /** Shown by Windows' certificate manager. */
  friendlyName?: string;
  /** Overrides {@link pfxIterations}; tests use it. */
  iterations?: number;
}

function tripleDesEncrypt(password: string, plaintext: Uint8Array, iterations: number) {
  const salt = randomBytes(16);
  const key = pkcs12Kdf('sha1', password, salt, 1, iterations, 24);
  const iv = pkcs12Kdf('sha1', password, salt, 2, iterations, 8);
  const cipher = forge.cipher.createCipher('3DES-CBC', bytesToBinary(key));
  cipher.start({ iv: bytesToBinary(iv) });
  cipher.update(forge.util.createBuffer(bytesToBinary(plaintext)));
  if (!cipher.finish()) throw new Error('3DES encryption failed.');
  return {
    algorithm: algorithm(
      oid.pbeWithSHAAnd3KeyTripleDESCBC,
      sequence([octetString(salt), integer(iterations)]),
    ),
    ciphertext: binaryToBytes(cipher.output.getBytes()),
  };
}

function encryptBag(input: PfxInput, plaintext: Uint8Array<ArrayBuffer>, iterations: number) {
  return input.encryption === '3des'
    ? Promise.resolve(tripleDesEncrypt(input.password, plaintext, iterations))
    : pbes2Encrypt(input.backend, input.password, plaintext, iterations);
}

function bagAttributes(localKeyId: Uint8Array, friendlyName: string | undefined): Asn1 {
  const attributes = [sequence([objectId(oid.localKeyId), set([octetString(localKeyId)])])];
  if (friendlyName) attributes.push(sequence([objectId(oid.friendlyName), set([bmpString(friendlyName)])]));
  return set(attributes);
}

const dataContentInfo = (content: Uint8Array): Asn1 =>
  sequence([objectId(oid.data), explicit(0, octetString(content))]);

/** Builds the PFX and returns its DER bytes. */
export async function buildPfx(input: PfxInput): Promise<Uint8Array<ArrayBuffer>> {
  const iterations =
    input.iterations ??
    (input.password === '' ? emptyPasswordPfxIterations : pfxIterations[input.encryption]);
  const attributes = bagAttributes(digest('sha1', input.certificateDer), input.friendlyName);

  const certBag = sequence([
    objectId(oid.certBag),
    explicit(0, sequence([objectId(oid.x509Certificate), explicit(0, octetString(input.certificateDer))])),
    attributes,
  ]);
  // Start the bag encryptions first: on WebCrypto they run on background threads while the MAC key, which does
  // not depend on the contents, is derived here in JavaScript.
  const encryptions = Promise.all([
    encryptBag(input, toDer(sequence([certBag])), iterations),
    encryptBag(input, input.pkcs8, iterations),
  ]);
  const macHash = input.encryption === '3des' ? 'sha1' : 'sha256';
  const macSalt = randomBytes(16);
  const macKey = pkcs12Kdf(macHash, input.password, macSalt, 3, iterations, macHash === 'sha1' ? 20 : 32);
  const [certEncryption, keyEncryption] = await encryptions;
  const certContentInfo = sequence([
    objectId(oid.encryptedData),
    explicit(
      0,
      sequence([
        integer(0),
        sequence([objectId(oid.data), certEncryption.algorithm, implicitBytes(0, certEncryption.ciphertext)]),
      ]),
    ),
  ]);
  const keyBag = sequence([
    objectId(oid.pkcs8ShroudedKeyBag),
    explicit(0, sequence([keyEncryption.algorithm, octetString(keyEncryption.ciphertext)])),
    attributes,
  ]);
  const authenticatedSafe = toDer(sequence([certContentInfo, dataContentInfo(toDer(sequence([keyBag])))]));

  const macData = sequence([
    sequence([
      algorithm(macHash === 'sha1' ? oid.sha1 : oid.sha256),
      octetString(hmac(macHash, macKey, authenticatedSafe)),
    ]),
    octetString(macSalt),
    integer(iterations),
  ]);
  return toDer(sequence([integer(3), dataContentInfo(authenticatedSafe), macData]));
}
