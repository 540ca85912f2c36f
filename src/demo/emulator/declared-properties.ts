/**
 * The declared properties of the complex types an application body can hold (Microsoft Graph v1.0, as in
 * `@microsoft/microsoft-graph-types`). Graph refuses a property its type does not declare at any depth, e.g. the
 * retired Azure AD Graph manifest's `value` inside a keyCredential, so the emulator does too.
 */

/** A Graph complex type: each declared property, with the complex type of its value or items if it has one. */
export interface ComplexType {
  readonly name: string;
  readonly properties: Readonly<Record<string, ComplexType | null>>;
}

const type = (name: string, properties: Record<string, ComplexType | null>): ComplexType => ({
  name,
  properties,
});
/** Properties whose values are plain (strings, numbers, Booleans, or collections of them). */
const plain = (...names: string[]) => Object.fromEntries(names.map((n) => [n, null]));

const implicitGrantSettings = type(
  'implicitGrantSettings',
  plain('enableAccessTokenIssuance', 'enableIdTokenIssuance'),
);
const redirectUriSettings = type('redirectUriSettings', plain('index', 'uri'));
const web = type('webApplication', {
  ...plain('homePageUrl', 'logoutUrl', 'redirectUris'),
  implicitGrantSettings,
  redirectUriSettings,
});
const permissionScope = type(
  'permissionScope',
  plain(
    'adminConsentDescription',
    'adminConsentDisplayName',
    'id',
    'isEnabled',
    'origin',
    'type',
    'userConsentDescription',
    'userConsentDisplayName',
    'value',
  ),
);
const preAuthorizedApplication = type('preAuthorizedApplication', plain('appId', 'delegatedPermissionIds'));
const api = type('apiApplication', {
  ...plain('acceptMappedClaims', 'knownClientApplications', 'requestedAccessTokenVersion'),
  oauth2PermissionScopes: permissionScope,
  preAuthorizedApplications: preAuthorizedApplication,
});
const optionalClaim = type('optionalClaim', plain('additionalProperties', 'essential', 'name', 'source'));
const keyValue = type('keyValue', plain('key', 'value'));

/** The application's complex-typed properties: the ones to check below the top level. */
export const APPLICATION_COMPLEX_PROPERTIES: Readonly<Record<string, ComplexType>> = {
  web,
  spa: type('spaApplication', plain('redirectUris')),
  publicClient: type('publicClientApplication', plain('redirectUris')),
  keyCredentials: type(
    'keyCredential',
    plain(
      'customKeyIdentifier',
      'displayName',
      'endDateTime',
      'key',
      'keyId',
      'startDateTime',
      'type',
      'usage',
    ),
  ),
  requiredResourceAccess: type('requiredResourceAccess', {
    resourceAppId: null,
    resourceAccess: type('resourceAccess', plain('id', 'type')),
  }),
  api,
  info: type(
    'informationalUrl',
    plain('logoUrl', 'marketingUrl', 'privacyStatementUrl', 'supportUrl', 'termsOfServiceUrl'),
  ),
  appRoles: type(
    'appRole',
    plain('allowedMemberTypes', 'description', 'displayName', 'id', 'isEnabled', 'origin', 'value'),
  ),
  optionalClaims: type('optionalClaims', {
    accessToken: optionalClaim,
    idToken: optionalClaim,
    saml2Token: optionalClaim,
  }),
  parentalControlSettings: type(
    'parentalControlSettings',
    plain('countriesBlockedForMinors', 'legalAgeGroupRule'),
  ),
  servicePrincipalLockConfiguration: type(
    'servicePrincipalLockConfiguration',
    plain(
      'allProperties',
      'credentialsWithUsageSign',
      'credentialsWithUsageVerify',
      'isEnabled',
      'tokenEncryptionKeyId',
    ),
  ),
  requestSignatureVerification: type(
    'requestSignatureVerification',
    plain('allowedWeakAlgorithms', 'isSignedRequestRequired'),
  ),
  authenticationBehaviors: type(
    'authenticationBehaviors',
    plain('blockAzureADGraphAccess', 'removeUnverifiedEmailClaim', 'requireClientServicePrincipal'),
  ),
  addIns: type('addIn', { ...plain('id', 'type'), properties: keyValue }),
};

/** An undeclared property found in a value, and the type that does not declare it. */
export interface UndeclaredProperty {
  readonly property: string;
  readonly type: string;
}

/**
 * The first property of `value` (an object of `complexType`, or a collection of them), at any depth, that its type
 * does not declare; null when there is none. OData annotations (`@odata.type`) are allowed anywhere. Values of the
 * wrong shape are left to the property's own validation.
 */
export function undeclaredProperty(value: unknown, complexType: ComplexType): UndeclaredProperty | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = undeclaredProperty(item, complexType);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue;
    if (!Object.hasOwn(complexType.properties, key)) return { property: key, type: complexType.name };
    const innerType = complexType.properties[key];
    const found = innerType ? undeclaredProperty(inner, innerType) : null;
    if (found) return found;
  }
  return null;
}
