/** The contract of certificate generation, shared by the core function, the worker and its client. */
import type { CertificateSummary } from './certificate-summary';
import type { KeyGenerationMethod } from './crypto-backend';
import type { PfxEncryption } from './pkcs12';
import type { SubjectFields } from './subject';

/** RSA modulus lengths offered; 4096 matches the procedure's `-newkey rsa:4096`. */
export const keySizes = [2048, 3072, 4096] as const;

/** One of {@link keySizes}. */
export type KeySize = (typeof keySizes)[number];

/** Default key size. */
export const defaultKeySize: KeySize = 4096;

/** The procedure's `-days 18250` (50 years). Tenant policies may cap credential lifetimes much lower. */
export const defaultValidityDays = 18250;

/** Longest validity accepted, 100 years. */
export const maxValidityDays = 36500;

/** What the user asked for. */
export interface CertificateRequest {
  subject: SubjectFields;
  keySize: KeySize;
  /** Whole days from notBefore to notAfter, 1 to {@link maxValidityDays}. */
  validityDays: number;
  /** Protects key.pem and the PFX. `null` is the explicit opt-out: an unencrypted key and an empty PFX password. */
  passphrase: string | null;
  /** PFX bag encryption; `3des` only for importers that cannot read AES. */
  pfxEncryption: PfxEncryption;
}

/** Stages reported while generating, in order. */
export type CertificateStage = 'generating-key' | 'building-certificate' | 'protecting-key' | 'packaging-pfx';

/** A generated certificate with its private key. The key and passphrase live only in memory. */
export interface GeneratedCertificate extends CertificateSummary {
  /** PKCS#8 PEM: `ENCRYPTED PRIVATE KEY` (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256) or `PRIVATE KEY` when opted out. */
  privateKeyPem: string;
  privateKeyEncrypted: boolean;
  /** PKCS#12 bytes (certificate.pfx), protected by the passphrase or by an empty password. */
  pfx: Uint8Array<ArrayBuffer>;
  pfxEncryption: PfxEncryption;
  /** Which implementation generated the key: 'forge' means the slow fallback ran because WebCrypto was missing. */
  keyGeneration: KeyGenerationMethod;
}

/** Why a request was refused before any work was done. */
export class CertificateRequestError extends Error {
  override readonly name = 'CertificateRequestError';
}
