/** Why a pasted or uploaded file is not a usable certificate, with a message that says what to do instead. */

/** Distinct problems with user-supplied certificate input. */
export type CertificateInputErrorCode =
  | 'private-key'
  | 'certificate-request'
  | 'pkcs12'
  | 'public-key'
  | 'not-a-certificate'
  | 'expired'
  | 'not-yet-valid'
  | 'unsupported-key'
  | 'weak-key'
  | 'several-certificates'
  | 'too-large';

/** A refusal of certificate input; plain data so it crosses the worker boundary. */
export interface CertificateInputError {
  code: CertificateInputErrorCode;
  /** User-facing: what is wrong and how to fix it. */
  message: string;
}

const howToPaste =
  'Paste the certificate (cert.pem or a .cer file), which starts with -----BEGIN CERTIFICATE-----.';

const messages: Record<
  Exclude<
    CertificateInputErrorCode,
    'expired' | 'not-yet-valid' | 'unsupported-key' | 'weak-key' | 'several-certificates' | 'too-large'
  >,
  string
> = {
  'private-key': `This is a private key. Never share it: Entra only needs the public certificate. ${howToPaste} Nothing was sent anywhere.`,
  'certificate-request': `This is a certificate signing request (CSR), not a certificate. Use the certificate issued for it, or create a self-signed one with openssl req -x509. ${howToPaste}`,
  pkcs12:
    'This is a PFX (PKCS#12) file, which contains the private key. Upload only the certificate: export it as a .cer file, or run openssl pkcs12 -in certificate.pfx -nokeys -out cert.pem.',
  'public-key': `This is a bare public key. Entra needs the whole certificate. ${howToPaste}`,
  'not-a-certificate': `This is not a certificate we can read. Copy the whole file including the BEGIN and END lines, or choose the .pem, .cer or .crt file. ${howToPaste}`,
};

/** Error for the codes whose message needs no details. */
export function inputError(code: keyof typeof messages): CertificateInputError {
  return { code, message: messages[code] };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The certificate's validity ended before now. */
export function expiredError(notAfter: Date): CertificateInputError {
  return {
    code: 'expired',
    message: `This certificate expired on ${day(notAfter)}. Entra will not accept it: create a new certificate.`,
  };
}

/** The certificate's validity starts after now. */
export function notYetValidError(notBefore: Date): CertificateInputError {
  return {
    code: 'not-yet-valid',
    message: `This certificate is not valid until ${day(notBefore)}. Check the clock of the computer that created it, or create a new certificate.`,
  };
}

/** The key is not RSA. `keyName` describes it, e.g. "an elliptic-curve (ECDSA)". */
export function unsupportedKeyError(keyName: string): CertificateInputError {
  return {
    code: 'unsupported-key',
    message: `This certificate has ${keyName} key. Entra app credentials need an RSA key: create an RSA certificate, for example with openssl req -x509 -newkey rsa:4096.`,
  };
}

/** The shortest RSA key Entra accepts for a certificate credential. */
export const minimumRsaKeyBits = 2048;

/** The RSA key is shorter than {@link minimumRsaKeyBits}: Entra takes the credential but refuses it at sign-in. */
export function weakKeyError(bits: number): CertificateInputError {
  return {
    code: 'weak-key',
    message: `This certificate’s RSA key has only ${bits} bits. Entra refuses it at sign-in (AADSTS700027: RSA key size ${bits} is less than the minimum required ${minimumRsaKeyBits} bits). Create a certificate with a key of ${minimumRsaKeyBits} bits or more, for example with openssl req -x509 -newkey rsa:4096, or generate one here.`,
  };
}

/**
 * The largest certificate input that is read at all: 1 MB, checked before parsing. A certificate is a few KB, and a
 * chain or .p7b file a few certificates; anything bigger is some other file.
 */
export const maxCertificateInputBytes = 1024 * 1024;

/** The input is over {@link maxCertificateInputBytes}: `size` bytes of a chosen file, or characters of pasted text. */
export function tooLargeError(size: number, source: 'file' | 'text'): CertificateInputError {
  const megabytes = `${(size / (1024 * 1024)).toFixed(1)} MB`;
  return {
    code: 'too-large',
    message:
      source === 'file'
        ? `This file is ${megabytes}; a certificate file is a few KB. Choose the certificate (.cer, .crt or .pem) itself, not an archive, a backup or another file. Nothing was read.`
        : `This text is ${megabytes}; a certificate is a few KB. Paste only the certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.`,
  };
}
