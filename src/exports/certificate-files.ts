import { keyCredentialsFileJson } from '../crypto/key-credentials-file';
import type { CertificateSummary } from '../crypto/certificate-summary';
import type { CertificateSigningRequest } from '../crypto/certificate-signing-request';
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

/**
 * The name of every credentials file the admin can download, as the procedure and the platform name them. Code and
 * text that name one of these files take the name from here.
 */
export const CREDENTIAL_FILE_NAMES = {
  privateKey: 'key.pem',
  certificatePem: 'cert.pem',
  certificateDer: 'cert.cer',
  pfx: 'certificate.pfx',
  keyCredentials: 'key-credentials.json',
  /** The certificate signing request (PKCS#10) for the admin's certificate authority. */
  signingRequest: 'request.csr',
  /** Every value the platform's page asks for, in one file (`credentialsJson`). */
  credentials: 'credentials.json',
} as const;

const names = CREDENTIAL_FILE_NAMES;

/** The files that hold the private key; saving either one keeps the key. */
export const PRIVATE_KEY_FILE_NAMES = [names.privateKey, names.pfx] as const;

/** Every file a certificate can produce. */
export const CERTIFICATE_FILE_NAMES = [
  names.privateKey,
  names.certificatePem,
  names.certificateDer,
  names.pfx,
  names.keyCredentials,
] as const;

/** The public certificate's files: the same for a generated and a brought certificate. */
export function publicCertificateFiles(certificate: CertificateSummary): CredentialFile[] {
  return [
    {
      name: names.certificatePem,
      description: 'The certificate (PEM)',
      type: PEM,
      content: certificate.certificatePem,
      secret: false,
    },
    {
      name: names.certificateDer,
      description: 'The certificate (DER), for the portal’s Upload certificate button',
      type: 'application/pkix-cert',
      content: certificate.certificateDer,
      secret: false,
    },
    {
      name: names.keyCredentials,
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
      name: names.privateKey,
      description: certificate.privateKeyEncrypted
        ? 'The private key, encrypted with the passphrase (PKCS#8, AES-256)'
        : 'The private key, unencrypted',
      type: PEM,
      content: certificate.privateKeyPem,
      secret: true,
    },
    ...publicCertificateFiles(certificate),
    {
      name: names.pfx,
      description: certificate.privateKeyEncrypted
        ? 'Certificate and private key in one file (PKCS#12), protected by the passphrase'
        : `Certificate and private key in one file (PKCS#12), unprotected like ${names.privateKey}: its password is empty`,
      type: 'application/x-pkcs12',
      content: certificate.pfx,
      secret: true,
    },
  ];
}

/** A signing request's files: its private key first, then the request for the certificate authority. */
export function signingRequestFiles(request: CertificateSigningRequest): CredentialFile[] {
  return [
    {
      name: names.privateKey,
      description: request.privateKeyEncrypted
        ? 'The private key, encrypted with the passphrase (PKCS#8, AES-256)'
        : 'The private key, unencrypted',
      type: PEM,
      content: request.privateKeyPem,
      secret: true,
    },
    {
      name: names.signingRequest,
      description: 'The certificate signing request (PKCS#10) for your certificate authority',
      type: 'application/pkcs10',
      content: request.csrPem,
      secret: false,
    },
  ];
}
