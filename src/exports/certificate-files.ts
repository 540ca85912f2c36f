import { keyCredentialsFileJson } from '../crypto/key-credentials-file';
import type { CertificateSummary } from '../crypto/certificate-summary';
import type { GeneratedCertificate } from '../crypto/certificate-types';

/** A file the admin can download, and whether it holds a secret. */
export interface CredentialFile {
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly content: string | Uint8Array;
  /** Holds the private key: never leaves this browser except as this download. */
  readonly secret: boolean;
}

const PEM = 'application/x-pem-file';

/** The files that hold the private key; saving either one keeps the key. */
export const PRIVATE_KEY_FILE_NAMES = ['key.pem', 'certificate.pfx'] as const;

/** Every file a certificate can produce, by the names the procedure and the platform use. */
export const CERTIFICATE_FILE_NAMES = [
  'key.pem',
  'cert.pem',
  'cert.cer',
  'certificate.pfx',
  'key-credentials.json',
] as const;

/** The public certificate's files: the same for a generated and a brought certificate. */
export function publicCertificateFiles(certificate: CertificateSummary): CredentialFile[] {
  return [
    {
      name: 'cert.pem',
      description: 'The certificate (PEM)',
      type: PEM,
      content: certificate.certificatePem,
      secret: false,
    },
    {
      name: 'cert.cer',
      description: 'The certificate (DER), for the portal’s Upload certificate button',
      type: 'application/pkix-cert',
      content: certificate.certificateDer,
      secret: false,
    },
    {
      name: 'key-credentials.json',
      description:
        'The certificate as a keyCredentials entry in the Microsoft Graph format, for the Manifest editor',
      type: 'application/json',
      content: keyCredentialsFileJson(certificate.graphKeyCredential),
      secret: false,
    },
  ];
}

/** Every file of a generated certificate, the private key first. */
export function generatedCertificateFiles(certificate: GeneratedCertificate): CredentialFile[] {
  return [
    {
      name: 'key.pem',
      description: certificate.privateKeyEncrypted
        ? 'The private key, encrypted with the passphrase (PKCS#8, AES-256)'
        : 'The private key, unencrypted',
      type: PEM,
      content: certificate.privateKeyPem,
      secret: true,
    },
    ...publicCertificateFiles(certificate),
    {
      name: 'certificate.pfx',
      description: certificate.privateKeyEncrypted
        ? 'Certificate and private key in one file (PKCS#12), protected by the passphrase'
        : 'Certificate and private key in one file (PKCS#12), unprotected like key.pem: its password is empty',
      type: 'application/x-pkcs12',
      content: certificate.pfx,
      secret: true,
    },
  ];
}
