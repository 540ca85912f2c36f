/** Validation of application create/update bodies, as strict as Microsoft Graph. */
import { APPLICATION_COMPLEX_PROPERTIES, undeclaredProperty } from './declared-properties';
import { badRequest, graphError, isResponse } from './graph-http';
import type { GraphContext } from './graph-http';
import { validateKeyCredentials } from './key-credentials';
import { validInfo, validLink } from './branding-validation';
import { validateRequiredResourceAccess } from './required-resource-access';
import { validateRedirectUris } from './redirect-uris';
import type { StoredApplication } from './state';
import type { EmulatorHttpResponse } from './types';

/** The legal `signInAudience` values. */
export const SIGN_IN_AUDIENCES = [
  'AzureADMyOrg',
  'AzureADMultipleOrgs',
  'AzureADandPersonalMicrosoftAccount',
  'PersonalMicrosoftAccount',
] as const;

const WRITABLE = new Set([
  'addIns',
  'api',
  'appRoles',
  'authenticationBehaviors',
  'defaultRedirectUri',
  'description',
  'displayName',
  'groupMembershipClaims',
  'identifierUris',
  'info',
  'isDeviceOnlyAuthSupported',
  'isFallbackPublicClient',
  'keyCredentials',
  'nativeAuthenticationApisEnabled',
  'notes',
  'oauth2RequirePostResponse',
  'optionalClaims',
  'parentalControlSettings',
  'publicClient',
  'requestSignatureVerification',
  'requiredResourceAccess',
  'samlMetadataUrl',
  'serviceManagementReference',
  'servicePrincipalLockConfiguration',
  'signInAudience',
  'spa',
  'tags',
  'tokenEncryptionKeyId',
  'uniqueName',
  'web',
]);
const READ_ONLY = new Set([
  'id',
  'appId',
  'createdDateTime',
  'publisherDomain',
  'deletedDateTime',
  'applicationTemplateId',
  'disabledByMicrosoftStatus',
  'certification',
  'verifiedPublisher',
]);

const invalid = (g: GraphContext, property: string): EmulatorHttpResponse =>
  badRequest(g, `Invalid value specified for property '${property}' of resource 'Application'.`);

function validateWeb(
  g: GraphContext,
  value: unknown,
  audience: string,
): Record<string, unknown> | EmulatorHttpResponse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(g, 'web');
  const web = value as Record<string, unknown>;
  if (web['redirectUris'] !== undefined && !validateRedirectUris(web['redirectUris'], audience, 'web'))
    return invalid(g, 'web');
  if (!validLink(web['homePageUrl'])) return invalid(g, 'web');
  const implicit = web['implicitGrantSettings'];
  if (implicit !== undefined && implicit !== null) {
    if (typeof implicit !== 'object' || Array.isArray(implicit)) return invalid(g, 'web');
    for (const [k, v] of Object.entries(implicit)) {
      if (!k.startsWith('@odata.') && typeof v !== 'boolean') return invalid(g, 'web');
    }
  }
  return web;
}

/**
 * Checks a create or update body and returns the properties to store. `create` requires `displayName`;
 * `uniqueName` is immutable once set. The returned `web`/`spa`/`publicClient`/`api`/`info` are partial and
 * are merged one level deep by the caller; arrays replace what was stored.
 */
export async function validateApplicationBody(
  g: GraphContext,
  body: Record<string, unknown>,
  existing: StoredApplication | undefined,
): Promise<Partial<StoredApplication> | EmulatorHttpResponse> {
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (key === 'passwordCredentials') {
      return badRequest(
        g,
        "Property 'passwordCredentials' cannot be set through create or update. Use the addPassword and removePassword actions.",
      );
    }
    if (READ_ONLY.has(key)) return badRequest(g, `Property '${key}' is read-only and cannot be set.`);
    if (!WRITABLE.has(key)) {
      return graphError(
        g,
        400,
        'BadRequest',
        `The property '${key}' does not exist on type 'microsoft.graph.application'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  for (const [key, complexType] of Object.entries(APPLICATION_COMPLEX_PROPERTIES)) {
    const undeclared = undeclaredProperty(body[key], complexType);
    if (undeclared) {
      return graphError(
        g,
        400,
        'BadRequest',
        `Property '${undeclared.property}' does not exist as a declared property of ${undeclared.type}`,
      );
    }
  }
  const patch: Record<string, unknown> = { ...body };
  const displayName = body['displayName'];
  if (!existing && (typeof displayName !== 'string' || displayName.trim() === '')) {
    return badRequest(g, "A value is required for property 'displayName' of resource 'Application'.");
  }
  if (
    displayName !== undefined &&
    (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 256)
  ) {
    return invalid(g, 'displayName');
  }
  const audience = body['signInAudience'] ?? existing?.signInAudience ?? 'AzureADandPersonalMicrosoftAccount';
  if (!SIGN_IN_AUDIENCES.includes(audience as (typeof SIGN_IN_AUDIENCES)[number]))
    return invalid(g, 'signInAudience');
  if (body['web'] !== undefined) {
    const web = validateWeb(g, body['web'], audience as string);
    if (isResponse(web)) return web;
  } else if (body['signInAudience'] !== undefined && existing?.web?.redirectUris) {
    if (!validateRedirectUris(existing.web.redirectUris, audience as string, 'web'))
      return invalid(g, 'signInAudience');
  }
  for (const platform of ['spa', 'publicClient'] as const) {
    const v = body[platform];
    if (v === undefined) continue;
    const uris =
      typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['redirectUris'] : undefined;
    if (uris !== undefined && !validateRedirectUris(uris, audience as string, platform))
      return invalid(g, platform);
  }
  if (body['requiredResourceAccess'] !== undefined) {
    const rra = validateRequiredResourceAccess(g, body['requiredResourceAccess']);
    if (!Array.isArray(rra)) return rra;
    patch['requiredResourceAccess'] = rra;
  }
  if (body['keyCredentials'] !== undefined) {
    const keys = await validateKeyCredentials(g, body['keyCredentials']);
    if (!Array.isArray(keys)) return keys;
    patch['keyCredentials'] = keys;
  }
  for (const key of ['identifierUris', 'tags'] as const) {
    const v = body[key];
    if (v !== undefined && (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && s.length <= 256)))
      return invalid(g, key);
  }
  if (
    body['isFallbackPublicClient'] !== undefined &&
    body['isFallbackPublicClient'] !== null &&
    typeof body['isFallbackPublicClient'] !== 'boolean'
  ) {
    return invalid(g, 'isFallbackPublicClient');
  }
  const info = body['info'];
  if (info !== undefined && !validInfo(info)) return invalid(g, 'info');
  const lock = body['servicePrincipalLockConfiguration'];
  if (lock !== undefined && lock !== null) {
    // Each flag of servicePrincipalLockConfiguration is an Edm.Boolean; Graph refuses strings like "true".
    if (typeof lock !== 'object' || Array.isArray(lock))
      return invalid(g, 'servicePrincipalLockConfiguration');
    for (const [k, v] of Object.entries(lock)) {
      if (k.startsWith('@odata.') || k === 'tokenEncryptionKeyId') continue;
      if (v !== null && typeof v !== 'boolean') return invalid(g, 'servicePrincipalLockConfiguration');
    }
  }
  const uniqueName = body['uniqueName'];
  if (
    uniqueName !== undefined &&
    existing?.uniqueName &&
    String(uniqueName).toLowerCase() !== existing.uniqueName.toLowerCase()
  ) {
    return badRequest(g, "Property 'uniqueName' is immutable and cannot be changed once set.");
  }
  return patch as Partial<StoredApplication>;
}

/** Applies a validated patch: complex types merge one level deep, everything else is replaced. */
export function applyApplicationPatch(app: StoredApplication, patch: Partial<StoredApplication>): void {
  const target = app as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('@odata.')) continue;
    const current = target[key];
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    target[key] =
      isObject(current) && isObject(value) ? { ...(current as object), ...(value as object) } : value;
  }
}
