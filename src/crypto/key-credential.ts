/**
 * What Entra needs to trust the certificate: the Microsoft Graph `keyCredential` resource, which PATCH /applications
 * takes and the admin center's manifest editor shows. Binary properties are base64 in JSON; a hex thumbprint in
 * `customKeyIdentifier` makes the portal show a different "thumbprint".
 *
 * The procedure's manifest entry (`{ customKeyIdentifier, keyId, type, usage, value }`) is the retired Azure AD Graph
 * format: nothing takes it any more (Graph refuses `value`), so the wizard does not build it.
 */
import { toBase64, toBase64url, toHexUpper } from './bytes';
import { digest } from './digest';
import { randomUuid } from './random';

/** Microsoft Graph keyCredential (v1.0 `keyCredential` resource) for a certificate. */
export interface GraphKeyCredential {
  /** base64 of the 20-byte SHA-1 thumbprint. */
  customKeyIdentifier: string;
  /** The certificate subject, e.g. `CN=ADomain, O=An Org, ST=Some-State, C=AU`. */
  displayName: string;
  /** Inside the certificate's validity: exactly its notBefore. */
  startDateTime: string;
  /** Inside the certificate's validity: exactly its notAfter. Tenant policies may require a shorter one. */
  endDateTime: string;
  /** base64 of the DER certificate (public part only, never the private key). */
  key: string;
  /** Random UUID v4 that names this credential on the app. */
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

/** Input of {@link buildKeyCredential}. */
export interface KeyCredentialInput {
  certificateDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  displayName: string;
  /** Defaults to a fresh random UUID. */
  keyId?: string;
}

/** Builds the Graph keyCredential for one certificate. */
export function buildKeyCredential(input: KeyCredentialInput): GraphKeyCredential {
  return {
    customKeyIdentifier: certificateThumbprints(input.certificateDer).base64,
    displayName: input.displayName,
    endDateTime: input.notAfter.toISOString(),
    key: toBase64(input.certificateDer),
    keyId: input.keyId ?? randomUuid(),
    startDateTime: input.notBefore.toISOString(),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  };
}
