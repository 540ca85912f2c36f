/**
 * `main.tf`: the plan for Terraform's `azuread` provider. Terraform keeps its own state, which is what makes it
 * idempotent; the provider has no `uniqueName` argument, so a registration the wizard made is brought under
 * Terraform with an `import` block (commented below) rather than found by its unique name.
 */
import { resourceApi, type ResourceApiId } from '../../catalog/resource-apis';
import type { CloudId } from '../../config/clouds';
import type { RegistrationPlan } from '../../plan/plan-types';
import {
  accessByApi,
  CERTIFICATE_FILE,
  correctionLines,
  CREDENTIAL_DESCRIPTION,
  exportPlan,
  headerLines,
  noticeLines,
  OAUTH_KEYS,
  renderOperations,
  REPAIR_ONLY_RENDERERS,
  secretDaysOf,
  type CodeExportInput,
  type OperationRenderers,
} from './code-model';
import { exportedLogo } from './logo-export';
import { hashComments } from './shell-quote';

export const TERRAFORM_FILE_NAME = 'main.tf';

/**
 * The provider's `environment` for each cloud: GCC High is US Government L4, DoD is L5. The values are the azuread
 * provider's own ("`global` (also `public`), `usgovernmentl4` (also `usgovernment`), `usgovernmentl5` (also `dod`),
 * and `china`", its provider schema in hashicorp/terraform-provider-azuread).
 */
export const TERRAFORM_ENVIRONMENTS: Readonly<Record<CloudId, string>> = {
  global: 'global',
  usgov: 'usgovernmentl4',
  usgovdod: 'usgovernmentl5',
  china: 'china',
};

/** An HCL string literal: JSON's escapes, with `${` and `%{` kept from being read as templates. */
const hcl = (value: string): string => JSON.stringify(value).replace(/([$%])\{/g, '$1$1{');

/** A Terraform name for a resource API. */
const apiName = (api: ResourceApiId) => api.replace(/-/g, '_');

/** What users see on the consent prompt: the provider's arguments for `info` and the logo. */
function brandingArguments(plan: RegistrationPlan): string[] {
  const info = plan.application.info ?? {};
  const argument = {
    marketingUrl: 'marketing_url',
    privacyStatementUrl: 'privacy_statement_url',
    supportUrl: 'support_url',
    termsOfServiceUrl: 'terms_of_service_url',
  } as const;
  const lines = Object.entries(argument).flatMap(([key, name]) => {
    const value = info[key as keyof typeof argument];
    return value ? [`  ${name.padEnd(21)} = ${hcl(value)}`] : [];
  });
  if (plan.logo) {
    const { file } = exportedLogo(plan);
    lines.push(`  # The logo users see when they consent, from ${file} next to this file.`);
    lines.push(`  logo_image            = filebase64("\${path.module}/${file}")`);
  }
  return lines.length ? ['', ...lines] : [];
}

const renderers: OperationRenderers<string[]> = {
  'resolve-permissions': (_op, plan) =>
    accessByApi(plan).flatMap(({ api }) => [
      `# The ${api.displayName} service principal in your tenant, for the grants.`,
      `data "azuread_service_principal" "${apiName(api.id)}" {`,
      `  client_id = ${hcl(api.appId)}`,
      '}',
      '',
    ]),
  'read-existing': (_op, plan) => [
    '# Terraform finds the registration through its state. To take over the one the wizard (or a script) made,',
    '# uncomment this block and put its object ID, from the portal or:',
    `#   az ad app list --filter "uniqueName eq '${plan.application.uniqueName}'" --query "[].id" -o tsv`,
    '# import {',
    '#   to = azuread_application.connector',
    '#   id = "/applications/<object id>"',
    '# }',
    '',
  ],
  'upsert-application': (_op, plan) => {
    const app = plan.application;
    return [
      'resource "azuread_application" "connector" {',
      `  display_name     = ${hcl(app.displayName)}`,
      `  sign_in_audience = ${hcl(app.signInAudience)}`,
      `  # The wizard's unique name for this registration is ${app.uniqueName}; the provider cannot set it.`,
      ...brandingArguments(plan),
      '',
      '  web {',
      ...(app.web.homePageUrl ? [`    homepage_url  = ${hcl(app.web.homePageUrl)}`] : []),
      `    redirect_uris = [${app.web.redirectUris.map(hcl).join(', ')}]`,
      '    implicit_grant {',
      `      id_token_issuance_enabled     = ${app.web.implicitGrantSettings.enableIdTokenIssuance}`,
      '      access_token_issuance_enabled = false',
      '    }',
      '  }',
      ...accessByApi(plan).flatMap(({ api, access }) => [
        '',
        `  # ${api.displayName}`,
        '  required_resource_access {',
        `    resource_app_id = ${hcl(api.appId)}`,
        ...access.flatMap((a) => [
          '    resource_access {',
          `      id   = ${hcl(a.id)} # ${a.name} (${a.kind})`,
          `      type = ${hcl(a.type)}`,
          '    }',
        ]),
        '  }',
      ]),
      '}',
      '',
      ...(app.servicePrincipalLockConfiguration
        ? [
            '# The app instance property lock (servicePrincipalLockConfiguration) has no argument in the provider. Set it',
            '# once with the Azure CLI after apply:',
            '#   az rest --method patch --url "https://graph.microsoft.com/v1.0/applications/<object id>" \\',
            '#     --body \'{"servicePrincipalLockConfiguration":{"isEnabled":true,"allProperties":true}}\'',
            '',
          ]
        : []),
      ...(plan.credentials.certificate.required
        ? [
            `# The certificate from ${CERTIFICATE_FILE} (DER) next to this file: the public part only.`,
            'resource "azuread_application_certificate" "connector" {',
            '  application_id = azuread_application.connector.id',
            '  type           = "AsymmetricX509Cert"',
            '  encoding       = "base64"',
            `  value          = filebase64("\${path.module}/${CERTIFICATE_FILE}")`,
            '}',
            '',
          ]
        : []),
    ];
  },
  'add-password': (_op, plan) => {
    const days = secretDaysOf(plan);
    const rotate = Math.max(1, days - 30);
    return [
      `# A client secret that lasts ${days} days, replaced by a new one after ${rotate} days (time_rotating), so a new`,
      '# secret exists a month before the old one ends. Its value is in the Terraform state: keep the state encrypted.',
      'resource "time_rotating" "client_secret" {',
      `  rotation_days = ${rotate}`,
      '}',
      '',
      'resource "azuread_application_password" "connector" {',
      '  application_id = azuread_application.connector.id',
      `  display_name   = ${hcl(`${CREDENTIAL_DESCRIPTION} (Terraform)`)}`,
      `  end_date       = timeadd(time_rotating.client_secret.id, "${days * 24}h")`,
      '  rotate_when_changed = {',
      '    rotation = time_rotating.client_secret.id',
      '  }',
      '}',
      '',
    ];
  },
  'ensure-service-principal': () => [
    '# The enterprise application (service principal) in this tenant.',
    'resource "azuread_service_principal" "connector" {',
    '  client_id = azuread_application.connector.client_id',
    '}',
    '',
  ],
  'grant-delegated': (op) => [
    `# Admin consent for ${resourceApi(op.api).displayName} delegated permissions, for all users.`,
    `resource "azuread_service_principal_delegated_permission_grant" "${apiName(op.api)}" {`,
    '  count                                = var.grant_admin_consent ? 1 : 0',
    '  service_principal_object_id          = azuread_service_principal.connector.object_id',
    `  resource_service_principal_object_id = data.azuread_service_principal.${apiName(op.api)}.object_id`,
    `  claim_values                         = [${op.scopes.map(hcl).join(', ')}]`,
    '}',
    '',
  ],
  'grant-app-roles': (op) => [
    `# Admin consent for ${resourceApi(op.api).displayName} application permissions: one assignment each.`,
    `resource "azuread_app_role_assignment" "${apiName(op.api)}" {`,
    '  for_each = var.grant_admin_consent ? {',
    ...op.roles.map((role) => `    ${hcl(role.name)} = ${hcl(role.id)}`),
    '  } : {}',
    '  app_role_id         = each.value',
    '  principal_object_id = azuread_service_principal.connector.object_id',
    `  resource_object_id  = data.azuread_service_principal.${apiName(op.api)}.object_id`,
    '}',
    '',
  ],
  'read-back': (_op, plan) => [
    "# What the platform's Custom OAuth keys page asks for: terraform output (and terraform output -raw client_secret).",
    'output "client_id" {',
    `  description = ${hcl(OAUTH_KEYS.clientId)}`,
    '  value       = azuread_application.connector.client_id',
    '}',
    '',
    ...(plan.operations.some((o) => o.kind === 'add-password')
      ? [
          'output "client_secret" {',
          `  description = ${hcl(`${OAUTH_KEYS.clientSecret}: terraform output -raw client_secret`)}`,
          '  value       = azuread_application_password.connector.value',
          '  sensitive   = true',
          '}',
          '',
        ]
      : []),
    ...(plan.credentials.certificate.required
      ? [
          'output "certificate_thumbprint" {',
          `  description = ${hcl(`${OAUTH_KEYS.customKeyIdentifier}: the certificate's SHA-1 thumbprint in hex (in base64: echo <hex> | xxd -r -p | base64)`)}`,
          `  value       = upper(filesha1("\${path.module}/${CERTIFICATE_FILE}"))`,
          '}',
          '',
        ]
      : []),
    'output "azure_directory_id" {',
    `  description = ${hcl(OAUTH_KEYS.directoryId)}`,
    '  value       = data.azuread_client_config.current.tenant_id',
    '}',
  ],
  // The logo is the application's `logo_image` argument, set above.
  'upload-logo': () => [],
  ...REPAIR_ONLY_RENDERERS,
};

/** The Terraform configuration for the plan. */
export function terraformFile(input: CodeExportInput): string {
  const plan = exportPlan(input.plan);
  const full = { ...input, plan };
  const lines = [
    ...hashComments(
      headerLines(
        full,
        'Terraform with the azuread provider',
        'The client secret it creates is kept in the Terraform state: terraform output -raw client_secret.',
      ),
    ),
    '#',
    ...hashComments([
      'Run terraform init, then terraform apply, signed in with az login as an administrator.',
    ]),
    ...(plan.corrections.length || plan.notices.length ? ['#'] : []),
    ...hashComments([...correctionLines(plan), ...noticeLines(plan)]),
    '',
    'terraform {',
    '  required_providers {',
    '    azuread = {',
    '      source  = "hashicorp/azuread"',
    '      version = "~> 3.0"',
    '    }',
    '    time = {',
    '      source  = "hashicorp/time"',
    '      version = "~> 0.12"',
    '    }',
    '  }',
    '}',
    '',
    'provider "azuread" {',
    `  environment = ${hcl(TERRAFORM_ENVIRONMENTS[input.cloud.id])}`,
    '}',
    '',
    'variable "grant_admin_consent" {',
    '  description = "Grant tenant-wide admin consent, as the wizard\'s \\"grant now\\" does."',
    '  type        = bool',
    '  default     = true',
    '}',
    '',
    'data "azuread_client_config" "current" {}',
    '',
    ...renderOperations(plan, renderers).flat(),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
