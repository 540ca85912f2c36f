/** Validation of `keyCredentials` in an application PATCH: certificates only, dates within their validity. */
import { isGuid } from '../../config/guid';
import { parseCertificate } from './der-certificate';
import { base64ToBytes, bytesToBase64, digest } from './encoding';
import { badRequest, graphError } from './graph-http';
import type { GraphContext } from './graph-http';
import { tenantCredentialPolicy } from './graph-policies';
import { credentialTypePolicyError, lifetimePolicyError, shorterCap } from './policy';
import { isoSeconds } from './runtime';
import type { StoredKeyCredential } from './state';
import type { EmulatorHttpResponse } from './types';

const invalidValue = (g: GraphContext, message: string): EmulatorHttpResponse =>
  graphError(g, 400, 'KeyCredentialsInvalidValue', message);

function parseDate(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Validates the whole new collection (a PATCH replaces it). Each entry needs `type: AsymmetricX509Cert`,
 * `usage: Verify` and `key` = base64 of a DER X.509 certificate. Dates default to the certificate's
 * validity and must lie within it; `customKeyIdentifier` defaults to base64(SHA-1(DER)), the thumbprint.
 */
export async function validateKeyCredentials(
  g: GraphContext,
  value: unknown,
): Promise<StoredKeyCredential[] | EmulatorHttpResponse> {
  if (!Array.isArray(value))
    return badRequest(g, "Invalid value specified for property 'keyCredentials' of resource 'Application'.");
  const out: StoredKeyCredential[] = [];
  const seen = new Set<string>();
  for (const raw of value as unknown[]) {
    if (typeof raw !== 'object' || raw === null) {
      return badRequest(
        g,
        "Invalid value specified for property 'keyCredentials' of resource 'Application'.",
      );
    }
    const k = raw as Record<string, unknown>;
    if (k['type'] !== 'AsymmetricX509Cert') {
      return invalidValue(
        g,
        'The value for the property "type" in one of your credentials is invalid. Acceptable values are AsymmetricX509Cert, X509CertAndPassword.',
      );
    }
    if (k['usage'] !== 'Verify' && k['usage'] !== 'Sign') {
      return invalidValue(
        g,
        'The value for the property "usage" in one of your credentials is invalid. Acceptable values are Sign, Verify.',
      );
    }
    if (k['usage'] === 'Sign') {
      return invalidValue(
        g,
        'A credential of type AsymmetricX509Cert can only be used to verify (usage "Verify").',
      );
    }
    if (typeof k['key'] !== 'string' || k['key'] === '')
      return invalidValue(g, 'KeyValue cannot be null or empty');
    const der = base64ToBytes(k['key']);
    const cert = der ? parseCertificate(der) : undefined;
    if (!der || !cert) return invalidValue(g, 'Invalid certificate: Key value is invalid certificate');
    const start = parseDate(k['startDateTime']);
    const end = parseDate(k['endDateTime']);
    if (start === null) return badRequest(g, 'Key credential start date is invalid.');
    if (end === null) return badRequest(g, 'Key credential end date is invalid.');
    const startMs = start ?? cert.notBefore;
    const endMs = end ?? cert.notAfter;
    if (startMs < cert.notBefore || startMs >= endMs)
      return badRequest(g, 'Key credential start date is invalid.');
    if (endMs > cert.notAfter) return badRequest(g, 'Key credential end date is invalid.');
    const tenantPolicy = tenantCredentialPolicy(g);
    if (tenantPolicy.trustedCertificateAuthority && cert.selfIssued)
      return credentialTypePolicyError(g, 'A certificate not issued by a trusted certificate authority');
    const maxDays = shorterCap(
      g.rt.faults.maxCertificateLifetimeDays,
      tenantPolicy.maxCertificateLifetimeDays,
    );
    const policy = lifetimePolicyError(g, startMs, endMs, maxDays);
    if (policy) return policy;
    const keyId = k['keyId'] ?? g.rt.newId();
    if (!isGuid(keyId))
      return badRequest(g, "Invalid value specified for property 'keyId' of resource 'KeyCredential'.");
    if (seen.has(keyId.toLowerCase())) return badRequest(g, `Duplicate keyId '${keyId}' in keyCredentials.`);
    seen.add(keyId.toLowerCase());
    let customKeyIdentifier = k['customKeyIdentifier'];
    if (customKeyIdentifier === undefined || customKeyIdentifier === null) {
      customKeyIdentifier = bytesToBase64(await digest('SHA-1', der));
    } else if (typeof customKeyIdentifier !== 'string' || !base64ToBytes(customKeyIdentifier)) {
      return badRequest(
        g,
        "Invalid value specified for property 'customKeyIdentifier' of resource 'KeyCredential'.",
      );
    }
    out.push({
      customKeyIdentifier: customKeyIdentifier as string,
      displayName: typeof k['displayName'] === 'string' ? k['displayName'] : (cert.subject ?? null),
      endDateTime: isoSeconds(endMs),
      key: bytesToBase64(der),
      keyId: keyId.toLowerCase(),
      startDateTime: isoSeconds(startMs),
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    });
  }
  return out;
}
