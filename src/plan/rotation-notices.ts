/**
 * What a rotation's plan says when the tenant's credential policy changes it: the words differ from a setup's (the
 * admin rotates one credential of a registration that exists), the facts are the same (`buildPlan` decides).
 * `from` names the policy, e.g. ` (Default app management tenant policy)`.
 */

/** Why a rotation adds no secret: the policy forbids them. The platform can sign in with a certificate instead. */
export const rotationSecretForbidden = (from: string) =>
  `Your tenant's app management policy${from} forbids new client secrets, so this secret cannot be rotated: ` +
  'Microsoft Graph would refuse the new one. Use a certificate instead where the platform accepts one (its ' +
  'admin-account connections sign in with a certificate): rotate the registration’s certificate from the checklist, ' +
  'or add one under Certificates & secrets. To keep a client secret, ask whoever owns the policy to exempt this ' +
  'registration (an app management policy applied to it).';

/** Why a rotation sends no self-signed certificate, and where the one the tenant accepts comes from. */
export const rotationCaRequired = (from: string) =>
  `Your tenant's app management policy${from} accepts only certificates issued by a certificate authority it ` +
  'trusts, so a self-signed certificate would be refused. Go Back to the Certificate step: request one from your ' +
  'certificate authority there (the key stays in this browser) and upload what it issues, or bring one it issued.';
