/** The tenant app management policy switches (credential lifetime caps). */
import { graphError } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

/** The id reported as the assigned policy in lifetime errors. */
export const EMULATED_POLICY_ID = '00000000-0000-0000-0000-00000000a11c';

/**
 * `400 CredentialInvalidLifetimeAsPerAppPolicy` when a credential lives longer than `maxDays` (shape as
 * reported publicly, e.g. OfficeDev/microsoft-365-agents-toolkit#10998).
 */
export function lifetimePolicyError(
  g: GraphContext,
  startMs: number,
  endMs: number,
  maxDays: number | undefined,
): EmulatorHttpResponse | undefined {
  if (maxDays === undefined || endMs - startMs <= maxDays * 86_400_000) return undefined;
  g.req.fault = 'policy';
  const message = `Credential lifetime exceeds the max value allowed as per assigned policy '${EMULATED_POLICY_ID}'.`;
  return graphError(g, 400, 'CredentialInvalidLifetimeAsPerAppPolicy', message, {
    details: [{ code: 'InvalidKeyEndDate', message, target: 'EndDate' }],
  });
}

/**
 * `400 CredentialTypeNotAllowedAsPerAppPolicy`: the tenant's app management policy forbids this kind of credential
 * (a client secret under `passwordAddition`, a self-signed certificate under `trustedCertificateAuthority`). The code
 * follows public reports; the message is the emulator's wording.
 */
export function credentialTypePolicyError(g: GraphContext, what: string): EmulatorHttpResponse {
  g.req.fault = 'policy';
  const message = `${what} is not allowed as per assigned policy '${EMULATED_POLICY_ID}'.`;
  return graphError(g, 400, 'CredentialTypeNotAllowedAsPerAppPolicy', message, {
    details: [{ code: 'CredentialTypeNotAllowedAsPerAppPolicy', message, target: 'KeyCredentials' }],
  });
}

/** The shorter of two optional caps. */
export function shorterCap(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
