/**
 * `main.bicep`: the plan with the Microsoft Graph Bicep extension. Bicep deploys through Azure Resource Manager, so
 * it needs an Azure subscription and resource group; it cannot create client secrets (the file says how to add one).
 * `uniqueName` is the resource's key, so deploying again updates the same registration.
 */
import { resourceApi, type ResourceApiId } from '../../catalog/resource-apis';
import { manifestFor } from '../manifest';
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
  type CodeExportInput,
  type OperationRenderers,
} from './code-model';
import { AZURE_CLI_CLOUDS } from './azure-cli-script';
import { curlUploadLines, exportedLogo } from './logo-export';

export const BICEP_FILE_NAME = 'main.bicep';

/** The Microsoft Graph extension's types, v1.0. */
const GRAPH_EXTENSION = 'microsoftGraphV1';

/** A Bicep string literal: single quotes, `\` `'` and `${` escaped. */
export const bicepString = (value: string): string =>
  `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n')}'`;

const comments = (lines: readonly string[]) => lines.map((l) => (l ? `// ${l}` : '//'));

/** A value as a Bicep literal (objects and arrays over several lines, as Bicep requires). */
function bicepValue(value: unknown, depth = 0): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${bicepValue(v, depth + 1)}`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${pad}${k}: ${bicepValue(v, depth + 1)}`).join('\n')}\n${end}}`;
}

/** A Bicep symbolic name for a resource API's service principal. */
const resourceSymbol = (api: ResourceApiId) =>
  `${api.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}Api`;

/** The application's properties in Bicep, indented one level inside the resource. */
function applicationProperties(input: CodeExportInput): string[] {
  const { plan } = input;
  const manifest = manifestFor(plan);
  const lines = bicepValue(manifest, 0).split('\n').slice(1, -1);
  return [
    `  uniqueName: ${bicepString(plan.application.uniqueName)}`,
    ...lines,
    ...(plan.credentials.certificate.required
      ? [
          `  // The certificate from ${CERTIFICATE_FILE} next to this file: the public part only. A deployment sets the list`,
          '  // whole: a certificate added to the registration some other way is removed unless it is listed here too.',
          '  keyCredentials: [',
          '    {',
          "      type: 'AsymmetricX509Cert'",
          "      usage: 'Verify'",
          `      key: loadFileAsBase64(${bicepString(CERTIFICATE_FILE)})`,
          `      displayName: ${bicepString(`${CREDENTIAL_DESCRIPTION} (Bicep)`)}`,
          '    }',
          '  ]',
        ]
      : []),
  ];
}

const renderers = (input: CodeExportInput): OperationRenderers<string[]> => ({
  'resolve-permissions': (_op, plan) => [
    "// Permissions. The ids are Microsoft's, the same in every tenant; 'Scope' is delegated, 'Role' application.",
    ...accessByApi(plan).flatMap(({ api, access }) => [
      `//   ${api.displayName} (${api.appId}):`,
      ...access.map((a) => `//     ${a.id} ${a.type} ${a.name}`),
    ]),
    ...comments([...correctionLines(plan), ...noticeLines(plan)]),
    ...accessByApi(plan).flatMap(({ api }) => [
      `resource ${resourceSymbol(api.id)} 'Microsoft.Graph/servicePrincipals@v1.0' existing = {`,
      `  appId: ${bicepString(api.appId)}`,
      '}',
    ]),
  ],
  'read-existing': () => [
    '// The registration is keyed on its unique name: when the wizard or a script made it, this updates it.',
  ],
  'upsert-application': () => [
    "resource app 'Microsoft.Graph/applications@v1.0' = {",
    ...applicationProperties(input),
    '}',
  ],
  'add-password': () => [
    '// Bicep cannot create client secrets. After the deployment, add one (it lasts the days you choose), for example:',
    '//   az ad app credential reset --id <client id> --append --display-name "Entra Setup Wizard" --end-date <date>',
  ],
  'ensure-service-principal': () => [
    '// The enterprise application (service principal) in this tenant.',
    "resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {",
    '  appId: app.appId',
    '}',
  ],
  'grant-delegated': (op) => [
    `// Admin consent for ${resourceApi(op.api).displayName} delegated permissions, for all users.`,
    `resource ${resourceSymbol(op.api)}Grant 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = if (grantAdminConsent) {`,
    '  clientId: servicePrincipal.id',
    "  consentType: 'AllPrincipals'",
    `  resourceId: ${resourceSymbol(op.api)}.id`,
    `  scope: ${bicepString(op.scopes.join(' '))}`,
    '}',
  ],
  'grant-app-roles': (op) => [
    `// Admin consent for ${resourceApi(op.api).displayName} application permissions: one assignment each.`,
    ...op.roles.map((role) => `//   ${role.id} ${role.name}`),
    `var ${resourceSymbol(op.api)}Roles = [`,
    ...op.roles.map((role) => `  ${bicepString(role.id)}`),
    ']',
    `resource ${resourceSymbol(op.api)}Assignments 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [for roleId in ${resourceSymbol(op.api)}Roles: if (grantAdminConsent) {`,
    '  appRoleId: roleId',
    '  principalId: servicePrincipal.id',
    `  resourceId: ${resourceSymbol(op.api)}.id`,
    '}]',
  ],
  'read-back': (_op, plan) => [
    "// What the platform's Custom OAuth keys page asks for (the client secret comes from the command above).",
    `@description(${bicepString(OAUTH_KEYS.clientId)})`,
    'output clientId string = app.appId',
    ...(plan.credentials.certificate.required
      ? [
          `@description(${bicepString(OAUTH_KEYS.customKeyIdentifier)})`,
          'output customKeyIdentifier string = app.keyCredentials[0].customKeyIdentifier',
        ]
      : []),
    `@description(${bicepString(OAUTH_KEYS.directoryId)})`,
    'output azureDirectoryId string = tenant().tenantId',
  ],
  'upload-logo': (_op, plan) => {
    const { file, type } = exportedLogo(plan);
    return [
      `// Bicep cannot set the logo: Graph's logo is the image's bytes (PUT /applications/{id}/logo), not a property.`,
      `// After the deployment, upload ${file} from this folder with the Azure CLI's token and curl (az rest sends text`,
      '// bodies only), putting in the object ID the deployment made:',
      ...comments(
        curlUploadLines(
          input.cloud.graph,
          file,
          type,
          `az account get-access-token --resource ${input.cloud.graph} --query accessToken --output tsv`,
        ),
      ).map((l) => l.replace(/^\/\/ /, '//   ')),
    ];
  },
  ...REPAIR_ONLY_RENDERERS,
});

/** The Bicep file for the plan. */
export function bicepFile(input: CodeExportInput): string {
  const plan = exportPlan(input.plan);
  const full = { ...input, plan };
  const lines = [
    ...comments(
      headerLines(
        full,
        'Bicep with the Microsoft Graph extension',
        'Bicep cannot create client secrets: add one after deploying (see below).',
      ),
    ),
    '//',
    '// Bicep deploys through Azure Resource Manager: it needs an Azure subscription and a resource group, even though',
    '// nothing is created in them. It cannot create client secrets (see below). Deploy it with:',
    `//   az cloud set --name ${AZURE_CLI_CLOUDS[input.cloud.id]}`,
    '//   az deployment group create --resource-group <group> --template-file main.bicep',
    `// It runs against the Microsoft Graph of the cloud the deployment is in (${input.cloud.name}); check that the`,
    '// Microsoft Graph extension is offered in that cloud before you rely on it.',
    `// bicepconfig.json next to this file: { "extensions": { "${GRAPH_EXTENSION}": "br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0" } }`,
    `extension ${GRAPH_EXTENSION}`,
    '',
    "@description('Grant tenant-wide admin consent, as the wizard\\'s \"grant now\" does.')",
    'param grantAdminConsent bool = true',
    '',
    ...renderOperations(plan, renderers(full)).flatMap((block) => [...block, '']),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
