import { connector, connectors as catalogOrder, type ConnectorId } from '../catalog/connectors';
import { graphAccessType, permissionKey, type Permission } from '../catalog/permissions';
import { resolveConnectorMode } from '../catalog/resolve';
import { resourceApi, resourceApis } from '../catalog/resource-apis';
import { planOperations, planRepairOperations, planRotationOperations } from './operations';
import {
  DEFAULT_SECRET_LIFETIME,
  INSTANCE_PROPERTY_LOCK,
  lifetimeWords,
  secretLifetimeDays,
} from './plan-types';
import type {
  ConnectorSelection,
  PlanInput,
  PlanNotice,
  PlannedCorrection,
  PlannedPermission,
  PlannedRequiredResourceAccess,
  RegistrationPlan,
  SecretLifetimeMonths,
} from './plan-types';
import { rotationCaRequired, rotationSecretForbidden } from './rotation-notices';
import { uniqueNameFor } from './unique-name';

const TEAMS_ACTIVITY_MONITORING =
  'To enable Activity Monitoring, the Microsoft Teams connector subscribes to resources that need access to ' +
  "Microsoft Teams' protected APIs. Request that access from Microsoft as the Teams connector guide describes.";

/** Connectors in catalog order, each once (the last mode given wins). */
function normaliseSelections(selections: readonly ConnectorSelection[]): ConnectorSelection[] {
  const modes = new Map(selections.map((s) => [s.id, s.mode]));
  return catalogOrder.flatMap((c) => {
    const mode = modes.get(c.id);
    return mode ? [{ id: c.id, mode }] : [];
  });
}

const apiOrder = (p: Permission) => resourceApis.findIndex((a) => a.id === p.api);
const kindOrder = (p: Permission) => (p.kind === 'delegated' ? 0 : 1);

/** Resource API order, then delegated before application, then name: the same answers always give the same JSON. */
function comparePermissions(a: Permission, b: Permission): number {
  return apiOrder(a) - apiOrder(b) || kindOrder(a) - kindOrder(b) || compareText(a.name, b.name);
}

/** Case-insensitive, locale-independent, so the order never depends on the browser's language. */
function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function collectPermissions(selections: readonly ConnectorSelection[]) {
  const byKey = new Map<string, { permission: Permission; neededBy: ConnectorId[] }>();
  const corrections = new Map<string, PlannedCorrection>();
  for (const { id, mode } of selections) {
    const resolved = resolveConnectorMode(id, mode);
    for (const permission of resolved.permissions) {
      const key = permissionKey(permission);
      const entry = byKey.get(key) ?? { permission, neededBy: [] };
      entry.neededBy.push(id);
      byKey.set(key, entry);
    }
    for (const correction of resolved.corrections) {
      const key = permissionKey(correction.asWritten);
      const existing = corrections.get(key);
      corrections.set(key, { ...correction, connectors: [...(existing?.connectors ?? []), id] });
    }
  }
  const permissions: PlannedPermission[] = [...byKey.values()]
    .map(({ permission, neededBy }) => ({ ...permission, neededBy }))
    .sort(comparePermissions);
  return { permissions, corrections: [...corrections.values()] };
}

function requiredResourceAccess(permissions: readonly PlannedPermission[]): PlannedRequiredResourceAccess[] {
  return resourceApis.flatMap((api) => {
    const access = permissions
      .filter((p) => p.api === api.id)
      .map((p) => ({ id: p.id, type: graphAccessType[p.kind] }));
    return access.length ? [{ resourceAppId: api.appId, resourceAccess: access }] : [];
  });
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/**
 * The policy's cap in days when a secret of `months` could outlive it (a calendar month has up to 31 days), else
 * null.
 */
function cappedDays(months: SecretLifetimeMonths, maxDays: number | null): number | null {
  if (maxDays === null) return null;
  return maxDays < (secretLifetimeDays(months) ?? months * 31) ? maxDays : null;
}

/** Turns the admin's answers into the registration plan. Pure and deterministic. */
export function buildPlan(input: PlanInput): RegistrationPlan {
  const selections = normaliseSelections(input.connectors);
  const { permissions, corrections } = collectPermissions(selections);
  const admins = selections.filter((s) => s.mode === 'admin').map((s) => s.id);
  const certificateFor = selections
    .filter((s) => s.mode === 'admin' && connector(s.id).modes.admin.certificate)
    .map((s) => s.id);
  const consentPermissions = permissions.filter((p) => p.adminConsentRequired);
  const displayName = input.displayName.trim();

  const notices: PlanNotice[] = [];
  for (const api of resourceApis) {
    if (api.retired && permissions.some((p) => p.api === api.id)) {
      notices.push({ kind: 'retired-api', api: api.id, message: api.retired });
    }
  }
  if (selections.some((s) => s.id === 'teams' && s.mode === 'admin')) {
    notices.push({ kind: 'teams-activity-monitoring', message: TEAMS_ACTIVITY_MONITORING });
  }

  const repair = input.repair ?? null;
  const rotation = input.rotation ?? null;
  const grantNow = repair ? repair.fixes.includes('consent') : !rotation && Boolean(input.grantAdminConsent);
  const existing = input.existing;
  const policy = input.credentialPolicy;
  const forbidden = policy?.secretsForbidden ?? false;
  const mustBeCaIssued = policy?.trustedCertificateAuthorityRequired ?? false;
  // What a rotation's first stage adds: the same credential type as the one it replaces.
  const rotationAdds = rotation?.stage === 'add' ? rotation.old.type : null;
  // A rotation's new certificate, only while adding one, and never a self-signed one the tenant would refuse.
  const rotatedCertificate =
    rotationAdds === 'certificate' && !(mustBeCaIssued && input.certificateSelfSigned === true)
      ? (input.certificate ?? null)
      : null;
  // A new registration always gets a secret; one that exists gets one when asked, or when none is valid. Repair
  // never touches credentials; a rotation adds a secret only in its first stage, to replace a secret, and only
  // where the tenant allows secrets.
  const addSecret = rotation
    ? rotationAdds === 'secret' && !forbidden
    : !repair &&
      !forbidden &&
      (existing ? (input.newSecret ?? !existing.secrets.some((s) => !s.expired)) : true);
  const resourceAppIds = [...new Set(permissions.map((p) => resourceApi(p.api).appId))];
  const lifetimeMonths = input.secretLifetimeMonths ?? DEFAULT_SECRET_LIFETIME;
  const maxLifetimeDays = cappedDays(lifetimeMonths, policy?.maxSecretLifetimeDays ?? null);
  const from = policy?.sources.length ? ` (${policy.sources.join(', ')})` : '';
  if (forbidden && !repair && !rotation) {
    notices.push({
      kind: 'secret-forbidden',
      message:
        `Your tenant's app management policy${from} forbids client secrets, so the run adds none. The platform's ` +
        'connectors sign in with a client secret: ask whoever owns the policy to exempt this registration (an app ' +
        'management policy applied to it), then add a secret in the portal under Certificates & secrets.',
    });
  } else if (forbidden && rotationAdds === 'secret') {
    notices.push({ kind: 'secret-forbidden', message: rotationSecretForbidden(from) });
  } else if (maxLifetimeDays !== null && addSecret) {
    notices.push({
      kind: 'secret-lifetime-capped',
      message:
        `Your tenant's app management policy${from} allows client secrets of at most ${maxLifetimeDays} days, so ` +
        `the new secret lasts ${maxLifetimeDays} days instead of ${lifetimeWords(lifetimeMonths)}. Plan its renewal before then.`,
    });
  }
  const selfSignedRefused =
    mustBeCaIssued && certificateFor.length > 0 && input.certificateSelfSigned === true;
  // A certificate the admin brought or had issued needs no notice; a self-signed one, or none yet, does.
  const caIssuedGiven = Boolean(input.certificate) && input.certificateSelfSigned === false;
  if (mustBeCaIssued && certificateFor.length > 0 && !repair && !rotation && !caIssuedGiven) {
    notices.push({
      kind: 'trusted-ca-required',
      message:
        `Your tenant's app management policy${from} accepts only certificates issued by a certificate authority it ` +
        'trusts, so a self-signed certificate is not uploaded. Have your certificate authority issue one (from a ' +
        'certificate signing request) and bring it on the Certificate step.',
    });
  }
  if (mustBeCaIssued && rotationAdds === 'certificate' && !caIssuedGiven) {
    notices.push({ kind: 'trusted-ca-required', message: rotationCaRequired(from) });
  }
  // A rotation with nothing it may add (secrets forbidden, no acceptable certificate yet) writes nothing.
  const rotationBlocked = rotationAdds !== null && !addSecret && !rotatedCertificate;
  const redirectUris = dedupe(input.redirectUris);
  // Repair leaves the registration's branding as it is.
  const branding = repair ? undefined : input.branding;
  const info = Object.fromEntries(
    Object.entries(branding?.info ?? {}).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : [])),
  );
  const homePageUrl = branding?.homePageUrl?.trim();
  const logo = branding?.logo ?? null;
  return {
    // Normalised, so the same answers in another order give the same plan.
    input: { ...input, connectors: selections, displayName, redirectUris },
    connectors: selections,
    application: {
      displayName,
      // A registration being repaired keeps the unique name it has; one without gets the name's (if the admin asks).
      uniqueName: (repair ?? rotation)?.current.uniqueName ?? uniqueNameFor(displayName, input.instance),
      signInAudience: 'AzureADMultipleOrgs',
      web: {
        redirectUris,
        implicitGrantSettings: { enableIdTokenIssuance: admins.length > 0, enableAccessTokenIssuance: false },
        ...(homePageUrl ? { homePageUrl } : {}),
      },
      requiredResourceAccess: requiredResourceAccess(permissions),
      // Repair sets the lock only when the admin ticks it (see repair-body).
      servicePrincipalLockConfiguration:
        !repair && !rotation && (input.lockInstanceProperties ?? true) ? INSTANCE_PROPERTY_LOCK : null,
      ...(Object.keys(info).length ? { info } : {}),
    },
    permissions,
    credentials: {
      clientSecret: { add: addSecret, lifetimeMonths, maxLifetimeDays, forbidden },
      certificate: {
        required: certificateFor.length > 0,
        neededBy: certificateFor,
        credential: rotation
          ? rotatedCertificate
          : certificateFor.length > 0 && !repair && !selfSignedRefused
            ? (input.certificate ?? null)
            : null,
        mustBeCaIssued,
      },
    },
    idTokens: { enabled: admins.length > 0, neededBy: admins },
    adminConsent: { required: consentPermissions.length > 0, permissions: consentPermissions, grantNow },
    existing,
    repair,
    rotation,
    corrections,
    notices,
    operations: rotation
      ? rotationBlocked
        ? []
        : planRotationOperations(rotation)
      : repair
        ? planRepairOperations({ resourceAppIds, fixes: repair.fixes, permissions })
        : planOperations({
            resourceAppIds,
            withSecret: addSecret,
            consent: grantNow ? permissions : [],
            withLogo: logo !== null,
          }),
    logo,
  };
}
