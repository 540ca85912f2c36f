import { CREDENTIAL_FILE_NAMES, type CredentialFile } from './certificate-files';
import { zipFiles } from './zip-files';

/** What the platform's "Custom OAuth keys" page asks for, in its own words. */
export interface PlatformCredentials {
  readonly platformName: string;
  readonly clientId: string;
  /**
   * The new client secret and the ISO date it stops working; null when the run added none (the registration keeps
   * the secret the platform already has).
   */
  readonly clientSecret: { readonly value: string; readonly expires: string } | null;
  /** Set when admin accounts use a certificate. */
  readonly certificate: {
    readonly customKeyIdentifier: string;
    readonly thumbprintSha1Hex: string;
    /** Null when the key is not encrypted; undefined when the admin brought their own certificate and key. */
    readonly privateKeyPassphrase?: string | null;
    readonly privateKeyFile: string | null;
  } | null;
  readonly azureDirectoryId: string;
  readonly application: { readonly objectId: string; readonly displayName: string };
}

/** `credentials.json`: every value, under the names the platform's page uses. */
export function credentialsJson(credentials: PlatformCredentials): string {
  const { certificate } = credentials;
  const values = {
    platform: credentials.platformName,
    'Client ID': credentials.clientId,
    ...(credentials.clientSecret
      ? {
          'Client Secret': credentials.clientSecret.value,
          'Client Secret expires': credentials.clientSecret.expires,
        }
      : {}),
    ...(certificate
      ? {
          'Custom Key Identifier': certificate.customKeyIdentifier,
          ...(certificate.privateKeyPassphrase !== undefined
            ? { 'Private key passphrase': certificate.privateKeyPassphrase }
            : {}),
          'The private key file': certificate.privateKeyFile,
          'Certificate thumbprint (SHA-1)': certificate.thumbprintSha1Hex,
        }
      : {}),
    'Azure Directory ID': credentials.azureDirectoryId,
    application: credentials.application,
  };
  return `${JSON.stringify(values, null, 2)}\n`;
}

/** One ZIP with credentials.json and every certificate file, under their usual names. */
export function credentialsZip(
  credentials: PlatformCredentials,
  files: readonly CredentialFile[],
): Uint8Array {
  return zipFiles([
    { name: CREDENTIAL_FILE_NAMES.credentials, content: credentialsJson(credentials) },
    ...files,
  ]);
}
