/**
 * What Entra needs to trust the certificate: the `keyCredentials` entry of the procedure (pasted into the app
 * manifest) and the Microsoft Graph `keyCredential` resource (sent by PATCH /applications). Binary properties are
 * base64 in JSON; a hex thumbprint in `customKeyIdentifier` makes the portal show a different "thumbprint".
 */
import { toBase64, toBase64url, toHexUpper } from './bytes';
import { digest } from './digest';
import { randomUuid } from './random';

/** The procedure's manifest entry: `{ customKeyIdentifier, keyId, type, usage, value }`. */
export interface KeyCredentialsEntry {
  /** base64 of the 20-byte SHA-1 thumbprint. */
  customKeyIdentifier: string;
  /** Random UUID v4 that names this credential on the app. */
  keyId: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
  /** base64 of the DER certificate (public part only). */
  value: string;
}

/** Microsoft Graph keyCredential (v1.0 `keyCredential` resource) for the same certificate. */
export interface GraphKeyCredential {
  customKeyIdentifier: string;
  /** The certificate subject, e.g. `CN=ADomain, O=An Org, ST=Some-State, C=AU`. */
  displayName: string;
  /** Inside the certificate's validity: exactly its notBefore. */
  startDateTime: string;
  /** Inside the certificate's validity: exactly its notAfter. Tenant policies may require a shorter one. */
  endDateTime: string;
  /** base64 of the DER certificate (public part only, never the private key). */
  key: string;
  keyId: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
}

/** The thumbprint forms people and protocols use. */
export interface Thumbprints {
  /** Uppercase hex without separators, as the Entra portal shows it. */
  sha1Hex: string;
  /** base64, Graph's `customKeyIdentifier`. */
  base64: string;
  /** base64url, a JWT client assertion's `x5t` header. */
  base64url: string;
}

/** SHA-1 thumbprint of a DER certificate in each form. */
export function certificateThumbprints(certificateDer: Uint8Array): Thumbprints {
  const sha1 = digest('sha1', certificateDer);
  return { sha1Hex: toHexUpper(sha1), base64: toBase64(sha1), base64url: toBase64url(sha1) };
}

/** Input of {@link buildKeyCredentials}. */
export interface KeyCredentialInput {
  certificateDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  displayName: string;
  /** Defaults to a fresh random UUID. */
  keyId?: string;
}

/** Builds both credential shapes for one certificate; they share the keyId. */
export function buildKeyCredentials(input: KeyCredentialInput): {
  keyCredentialsEntry: KeyCredentialsEntry;
  graphKeyCredential: GraphKeyCredential;
} {
  const { base64: customKeyIdentifier } = certificateThumbprints(input.certificateDer);
  const keyId = input.keyId ?? randomUuid();
  const certificate = toBase64(input.certificateDer);
  const common = { customKeyIdentifier, keyId, type: 'AsymmetricX509Cert', usage: 'Verify' } as const;
  return {
    keyCredentialsEntry: { ...common, value: certificate },
    graphKeyCredential: {
      ...common,
      key: certificate,
      displayName: input.displayName,
      startDateTime: input.notBefore.toISOString(),
      endDateTime: input.notAfter.toISOString(),
    },
  };
}
