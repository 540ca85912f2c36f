/**
 * Certificate generation without a worker: plain async code over a {@link CryptoBackend}, so it runs in the worker
 * in the browser and directly under Node in tests. Nothing here logs or stores the key or the passphrase.
 */
import type {
  CertificateRequest,
  CertificateStage,
  GeneratedCertificate,
  KeySize,
} from './certificate-types';
import type { SubjectFields } from './subject';
import { CertificateRequestError, keySizes, maxValidityDays } from './certificate-types';
import { summarizeCertificate } from './certificate-summary';
import { selectBackend } from './crypto-backend';
import { buildPfx } from './pkcs12';
import { privateKeyToPem } from './private-key-pem';
import { randomSerialNumber } from './random';
import { buildSelfSignedCertificate } from './self-signed-certificate';
import { normalizeSubject, validateSubject } from './subject';

/** Options of {@link generateCertificate}. */
export interface GenerateOptions {
  /** WebCrypto to use; `null` forces the forge fallback; undefined uses `globalThis.crypto.subtle`. */
  subtle?: SubtleCrypto | null;
  /** Called as each stage starts. */
  onProgress?: (stage: CertificateStage) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

const dayMs = 86_400_000;
// Backdating absorbs clock skew between this machine and whoever checks the certificate.
const clockSkewMs = 60_000;

/** Throws {@link CertificateRequestError} when the subject is invalid or the key size is not offered. */
export function assertValidSubjectAndKeySize(subject: SubjectFields, keySize: KeySize): void {
  const errors = Object.values(validateSubject(subject));
  if (errors.length > 0) throw new CertificateRequestError(errors.join(' '));
  if (!keySizes.includes(keySize)) {
    throw new CertificateRequestError(`Key size must be one of ${keySizes.join(', ')} bits.`);
  }
}

/** Throws {@link CertificateRequestError} for an empty passphrase; `null` is the explicit opt-out. */
export function assertPassphraseChoice(passphrase: string | null): void {
  if (passphrase === '') {
    throw new CertificateRequestError('Enter a passphrase, or choose to leave the private key unencrypted.');
  }
}

/** Throws {@link CertificateRequestError} with a user-facing message when the request cannot be honoured. */
export function assertValidRequest(request: CertificateRequest): void {
  assertValidSubjectAndKeySize(request.subject, request.keySize);
  if (
    !Number.isInteger(request.validityDays) ||
    request.validityDays < 1 ||
    request.validityDays > maxValidityDays
  ) {
    throw new CertificateRequestError(
      `Validity must be a whole number of days from 1 to ${maxValidityDays}.`,
    );
  }
  assertPassphraseChoice(request.passphrase);
}

/** Generates the key pair, the self-signed certificate, the protected key file and the PFX. */
export async function generateCertificate(
  request: CertificateRequest,
  options: GenerateOptions = {},
): Promise<GeneratedCertificate> {
  assertValidRequest(request);
  const backend = selectBackend(options.subtle);
  const progress = options.onProgress ?? (() => undefined);
  const subject = normalizeSubject(request.subject);

  progress('generating-key');
  const key = await backend.generateRsaKey(request.keySize);

  progress('building-certificate');
  // Whole seconds, so the ISO dates we report equal what the certificate encodes.
  const notBefore = new Date(
    Math.floor(((options.now?.() ?? new Date()).getTime() - clockSkewMs) / 1000) * 1000,
  );
  const notAfter = new Date(notBefore.getTime() + request.validityDays * dayMs);
  const built = await buildSelfSignedCertificate({
    key,
    subject,
    notBefore,
    notAfter,
    serialNumber: randomSerialNumber(),
  });
  const summary = summarizeCertificate(built.der, built.certificate);

  // The key file's PBKDF2 runs natively in the background while the PFX is assembled.
  progress('protecting-key');
  const protectingKey = privateKeyToPem(backend, key.pkcs8, request.passphrase);
  progress('packaging-pfx');
  const packagingPfx = buildPfx({
    backend,
    certificateDer: built.der,
    pkcs8: key.pkcs8,
    password: request.passphrase ?? '',
    encryption: request.pfxEncryption,
    friendlyName: subject.CN || undefined,
  });
  const [privateKeyPem, pfx] = await Promise.all([protectingKey, packagingPfx]);
  key.pkcs8.fill(0); // the unencrypted DER is no longer needed; the PEM strings are what the caller keeps

  return {
    ...summary,
    privateKeyPem,
    privateKeyEncrypted: request.passphrase !== null,
    pfx,
    pfxEncryption: request.pfxEncryption,
    keyGeneration: backend.name,
  };
}
