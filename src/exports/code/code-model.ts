/**
 * What every "Export as code" file shares: the plan the file renders, its header, the permissions per resource API,
 * the corrections to the procedure, the secret's lifetime and the values the platform's Custom OAuth keys page asks
 * for. Each tool's renderer turns these into its own language, operation by operation.
 */
import { connector } from '../../catalog/connectors';
import { graphAccessType, type PermissionKind } from '../../catalog/permissions';
import { resourceApis, type ResourceApi } from '../../catalog/resource-apis';
import type { Cloud } from '../../config/clouds';
import { WIZARD_PERMISSIONS } from '../../config/wizard-permissions';
import { buildPlan } from '../../plan/build-plan';
import { secretLifetimeDays } from '../../plan/plan-types';
import type { OperationKind, OperationOf, RegistrationPlan } from '../../plan/plan-types';
import { CREDENTIAL_FILE_NAMES } from '../certificate-files';
import { logoHeaderLines } from './logo-export';

/** What a renderer is given: the plan, the cloud of `config.json`, and the day the file is made (YYYY-MM-DD). */
export interface CodeExportInput {
  readonly plan: RegistrationPlan;
  readonly cloud: Cloud;
  readonly date: string;
}

/** The certificate file every export reads: the DER certificate the wizard hands over, never the private key. */
export const CERTIFICATE_FILE = CREDENTIAL_FILE_NAMES.certificateDer;

/** The description of a secret or certificate a script adds; the wizard tells its own by this prefix. */
export const CREDENTIAL_DESCRIPTION = 'Entra Setup Wizard script';

/** The Microsoft Graph permissions the person running an export needs, as delegated scopes. */
export const EXPORT_SCOPES: readonly string[] = [
  ...WIZARD_PERMISSIONS.create,
  ...WIZARD_PERMISSIONS.grantConsent,
];

/**
 * The plan a file renders. A script is run by someone who means to set the registration up completely, so it grants
 * consent (each file has a switch to skip it) and looks the registration up itself: what the wizard found in the
 * tenant, if anything, is not assumed.
 */
export function exportPlan(plan: RegistrationPlan): RegistrationPlan {
  if (plan.repair) throw new Error('A repair is not exported as code: export the setup plan instead.');
  if (plan.rotation) throw new Error('A rotation is not exported as code: export the setup plan instead.');
  const { existing: _existing, newSecret: _newSecret, ...input } = plan.input;
  return buildPlan({ ...input, grantAdminConsent: true });
}

/** One permission as `requiredResourceAccess` lists it, with its name and kind for the comments. */
export interface AccessEntry {
  readonly id: string;
  readonly type: 'Scope' | 'Role';
  readonly name: string;
  readonly kind: PermissionKind;
}

/** The permissions of one resource API, in the plan's order. */
export interface ApiAccess {
  readonly api: ResourceApi;
  readonly access: readonly AccessEntry[];
}

/** The plan's permissions grouped per resource API, as `requiredResourceAccess` has them. */
export function accessByApi(plan: RegistrationPlan): ApiAccess[] {
  return resourceApis.flatMap((api) => {
    const access = plan.permissions
      .filter((p) => p.api === api.id)
      .map((p) => ({ id: p.id, type: graphAccessType[p.kind], name: p.name, kind: p.kind }));
    return access.length ? [{ api, access }] : [];
  });
}

const modeWords = { admin: 'admin accounts', user: 'non-admin users' } as const;

/**
 * The header every file starts with, as plain lines (each renderer adds its comment marker). `secretNote` says where
 * the client secret comes from with this tool.
 */
export function headerLines(
  { plan, cloud, date }: CodeExportInput,
  tool: string,
  secretNote: string,
): string[] {
  const app = plan.application;
  return [
    `${app.displayName}: Microsoft Entra app registration, made by the Entra Setup Wizard on ${date}.`,
    `Tool: ${tool}.`,
    `Connectors: ${plan.connectors.map((c) => `${connector(c.id).name} (${modeWords[c.mode]})`).join(', ')}.`,
    `Cloud: ${cloud.name} (Microsoft Graph at ${cloud.graph}).`,
    `Unique name: ${app.uniqueName} (the wizard's key for this registration; running again updates it).`,
    `Sign-in audience: ${app.signInAudience}. ID tokens: ${app.web.implicitGrantSettings.enableIdTokenIssuance ? 'on' : 'off'}. Access tokens (implicit flow): off.`,
    `Redirect URIs: ${app.web.redirectUris.join(', ')}.`,
    ...(app.servicePrincipalLockConfiguration
      ? ['App instance property lock: on, for all properties.']
      : ['App instance property lock: left as it is.']),
    ...(plan.credentials.certificate.required
      ? [
          `Certificate: read from ${CERTIFICATE_FILE} next to this file (the public certificate only; the private key stays with you).`,
        ]
      : []),
    ...logoHeaderLines(plan),
    `This file holds no secret. ${secretNote}`,
  ];
}

/** The corrections to the procedure, one line each, for the comments above the permissions. */
export function correctionLines(plan: RegistrationPlan): string[] {
  return plan.corrections.map(
    (c) =>
      `Correction: the procedure lists ${c.asWritten.name} (${c.asWritten.kind}); this file requests ` +
      `${c.resolvedTo.name} (${c.resolvedTo.kind}). ${c.reason}`,
  );
}

/** The plan's notices (a retired API, Teams' protected APIs), for the comments. */
export const noticeLines = (plan: RegistrationPlan): string[] =>
  plan.notices.map((n) => `Note: ${n.message}`);

/**
 * How many days a new secret lasts: the tenant's cap when the review read one, the recommended 180 days, or the
 * chosen months counted as 365/12 days each (scripts and Terraform count in days).
 */
export function secretDaysOf(plan: RegistrationPlan): number {
  const secret = plan.credentials.clientSecret;
  return (
    secret.maxLifetimeDays ??
    secretLifetimeDays(secret.lifetimeMonths) ??
    Math.round((secret.lifetimeMonths * 365) / 12)
  );
}

/** The labels of the platform's Custom OAuth keys page, as the wizard's credentials step shows them. */
export const OAUTH_KEYS = {
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  customKeyIdentifier: 'Custom Key Identifier',
  directoryId: 'Azure Directory ID',
} as const;

/** One renderer per operation kind, so a new kind cannot be left out of an export (the compiler refuses it). */
export type OperationRenderers<T> = {
  readonly [K in OperationKind]: (op: OperationOf<K>, plan: RegistrationPlan) => T;
};

/** Renders the plan's operations in order, each through its kind's renderer. */
export function renderOperations<T>(plan: RegistrationPlan, renderers: OperationRenderers<T>): T[] {
  return plan.operations.map((op) =>
    (renderers[op.kind] as (o: typeof op, p: RegistrationPlan) => T)(op, plan),
  );
}

const repairOnly = (): never => {
  throw new Error('A repair or rotation operation has no place in an exported setup.');
};

/**
 * The renderers of the kinds only a repair or a rotation has, for every export: a setup plan never contains them,
 * and `exportPlan` refuses both.
 */
export const REPAIR_ONLY_RENDERERS = {
  'read-registration': repairOnly,
  'update-application': repairOnly,
  'set-unique-name': repairOnly,
  'add-certificate': repairOnly,
  'remove-password': repairOnly,
  'remove-certificate': repairOnly,
} as const satisfies Partial<OperationRenderers<never>>;
