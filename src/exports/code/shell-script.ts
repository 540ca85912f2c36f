/**
 * The two bash exports, Azure CLI (`setup.sh`) and CLI for Microsoft 365 (`setup-m365.sh`), share one flow: both
 * tools send any Microsoft Graph request (`az rest`, `m365 request`) and read answers with JMESPath (`--query`), so
 * the scripts differ only in how one request is sent, how the secret is added and how the tool signs in. The flow
 * follows the plan's operations one by one, as the wizard's own run does: the `PATCH
 * /applications(uniqueName=…)` upsert with `Prefer: create-if-missing`, the certificate added to those the
 * registration has, a secret appended, the service principal, then the grants.
 */
import { resourceApi, type ResourceApiId } from '../../catalog/resource-apis';
import type { RegistrationPlan } from '../../plan/plan-types';
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
  secretDaysOf,
  type CodeExportInput,
  type OperationRenderers,
} from './code-model';
import { exportedLogo } from './logo-export';
import { hashComments, jsonHereDoc, shellWord } from './shell-quote';

/** What differs between the two tools. */
export interface ShellTool {
  /** The tool's name for the header. */
  readonly name: string;
  /** Lines that check the tool is there, choose the cloud and sign in. */
  readonly preamble: (input: CodeExportInput) => string[];
  /**
   * Defines `tool_request FORMAT METHOD PATH BODY QUERY PREFER`: sends one Graph request (PATH from `/v1.0`),
   * prints the answer, or with QUERY the JMESPath result as text (FORMAT `text`) or JSON (FORMAT `json`).
   */
  readonly request: string[];
  /**
   * Adds a client secret to `$APP_OBJECT_ID`/`$APP_ID` ending `$SECRET_END`, described `$SECRET_NAME`, and sets
   * `CLIENT_SECRET` to its text. `retry` and `graph` are defined.
   */
  readonly addSecret: string[];
  /** An extended regular expression that matches the tool's error output while a new object replicates. */
  readonly replicationErrors: string;
  /**
   * A command that prints an access token for Microsoft Graph at `$LOGO_GRAPH`: the logo's bytes go with curl, since
   * neither tool's request command sends a binary body.
   */
  readonly accessToken: string;
}

/** A shell variable name for a resource API's service principal id. */
const resourceVariable = (api: ResourceApiId) => `RESOURCE_SP_${api.toUpperCase().replace(/-/g, '_')}`;

/** Errors Microsoft Entra answers while a new object replicates; the wizard's run retries on the same ones. */
export const REPLICATION_ERRORS = [
  'Request_ResourceNotFound',
  'does not reference a valid application object',
  'does not exist or one of its queried reference-property objects are not present',
];

function helpers(tool: ShellTool): string[] {
  return [
    ...tool.request,
    '',
    '# retry COMMAND...: runs it again while Microsoft Entra replicates a new object (it has no documented delay:',
    "# usually seconds). Any other error stops the script with the tool's message.",
    'retry() {',
    '  local attempt=1 err',
    '  err=$(mktemp)',
    '  while true; do',
    '    if "$@" 2>"$err"; then',
    '      rm -f "$err"',
    '      return 0',
    '    fi',
    `    if [ "$attempt" -lt 20 ] && grep -qE ${shellWord(tool.replicationErrors)} "$err"; then`,
    '      echo "  (waiting for Microsoft Entra to replicate, attempt $attempt)" >&2',
    '      sleep "$(( attempt < 5 ? attempt : 5 ))"',
    '      attempt=$((attempt + 1))',
    '      continue',
    '    fi',
    '    cat "$err" >&2',
    '    rm -f "$err"',
    '    return 1',
    '  done',
    '}',
    '',
    '# graph_call FORMAT METHOD PATH BODY QUERY PREFER: tool_request with retries.',
    'graph_call() { retry tool_request "$@"; }',
    '# graph_get PATH QUERY: the value the JMESPath QUERY picks from the answer, as text.',
    'graph_get() { graph_call text get "$1" "" "$2" ""; }',
    '# graph_json PATH QUERY: the JMESPath result as JSON.',
    'graph_json() { graph_call json get "$1" "" "$2" ""; }',
    '# graph_send METHOD PATH BODY [QUERY] [PREFER]: sends BODY; with a QUERY, prints the value it picks.',
    'graph_send() { graph_call text "$1" "$2" "$3" "${4:-}" "${5:-}"; }',
    '',
    '# find_object PATH QUERY: prints the value when the object exists; fails quietly when Graph answers that it does not.',
    'find_object() {',
    '  local err out',
    '  err=$(mktemp)',
    '  if out=$(tool_request text get "$1" "" "$2" "" 2>"$err"); then',
    '    rm -f "$err"',
    '    printf \'%s\\n\' "$out"',
    '    return 0',
    '  fi',
    '  if grep -qE \'Request_ResourceNotFound|ResourceNotFound|404|Not Found|does not exist\' "$err"; then',
    '    rm -f "$err"',
    '    return 1',
    '  fi',
    '  cat "$err" >&2',
    '  rm -f "$err"',
    '  exit 1',
    '}',
  ];
}

/** The operations, each as a block of lines. */
function operationRenderers(tool: ShellTool): OperationRenderers<string[]> {
  return {
    'resolve-permissions': (_op, plan) => [
      "# 1. Permissions. The ids below are Microsoft's, the same in every tenant; the wizard's catalog lists them",
      '#    with their names. "Scope" is a delegated permission, "Role" an application permission.',
      ...accessByApi(plan).flatMap(({ api, access }) => [
        `#    ${api.displayName} (${api.appId}):`,
        ...access.map((a) => `#      ${a.id} ${a.type} ${a.name}`),
      ]),
      ...hashComments([...correctionLines(plan), ...noticeLines(plan)]).map((l) => `#    ${l.slice(2)}`),
      'if [ "$GRANT_CONSENT" = 1 ]; then',
      '  echo "Reading the service principals of the APIs the registration calls..."',
      ...accessByApi(plan).map(
        ({ api }) =>
          `  ${resourceVariable(api.id)}=$(graph_get "/v1.0/servicePrincipals(appId='${api.appId}')?\\$select=id" id)`,
      ),
      'fi',
    ],
    'read-existing': () => [
      '# 2. The registration as it is: the unique name finds it when the wizard or this script made it before.',
      'if EXISTING_ID=$(find_object "/v1.0/applications(uniqueName=\'$UNIQUE_NAME\')?\\$select=id" id); then',
      '  echo "Found the registration $EXISTING_ID: updating it."',
      'else',
      '  EXISTING_ID=',
      '  echo "No registration has this unique name yet: creating it."',
      'fi',
    ],
    'upsert-application': (_op, plan) => [
      '# 3. Create or update it in one request: PATCH by unique name with "Prefer: create-if-missing" never makes a',
      '#    second registration. The body is the application exactly as the wizard sends it.',
      ...jsonHereDoc('APPLICATION', manifestFor(plan)),
      'graph_send patch "/v1.0/applications(uniqueName=\'$UNIQUE_NAME\')" "$APPLICATION" "" create-if-missing >/dev/null',
      'read -r APP_OBJECT_ID APP_ID <<<"$(graph_get "/v1.0/applications(uniqueName=\'$UNIQUE_NAME\')?\\$select=id,appId" "join(\' \', [id, appId])")"',
      'echo "Application (client) ID: $APP_ID"',
      ...(plan.credentials.certificate.required ? certificateLines() : []),
    ],
    'add-password': (_op, plan) => [
      `# 4. A client secret, appended: the registration's other secrets stay. It lasts ${secretDaysOf(plan)} days. A registration`,
      '#    that has a secret already gets none unless NEW_SECRET=1 (the platform holds the one it has).',
      'SECRET_COUNT=$(graph_get "/v1.0/applications/$APP_OBJECT_ID?\\$select=passwordCredentials" "length(passwordCredentials)")',
      'CLIENT_SECRET=',
      'if [ "$SECRET_COUNT" = 0 ] || [ "$NEW_SECRET" = 1 ]; then',
      '  SECRET_NAME="$CREDENTIAL_DESCRIPTION $(date -u +%Y-%m-%d)"',
      '  SECRET_END=$(date -u -d "+$SECRET_DAYS days" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v+"$SECRET_DAYS"d +%Y-%m-%dT%H:%M:%SZ)',
      ...tool.addSecret.map((l) => `  ${l}`),
      '  echo "Added a client secret that ends $SECRET_END."',
      'else',
      '  echo "The registration has a client secret already: none added (NEW_SECRET=1 adds one)."',
      'fi',
    ],
    'ensure-service-principal': () => [
      '# 5. The enterprise application (service principal) in this tenant.',
      'if SP_ID=$(find_object "/v1.0/servicePrincipals(appId=\'$APP_ID\')?\\$select=id" id); then',
      '  echo "The enterprise application exists: $SP_ID"',
      'else',
      '  SP_ID=$(graph_send post /v1.0/servicePrincipals "{\\"appId\\":\\"$APP_ID\\"}" id)',
      '  echo "Created the enterprise application: $SP_ID"',
      'fi',
      'TENANT_ID=$(graph_get "/v1.0/servicePrincipals/$SP_ID?\\$select=appOwnerOrganizationId" appOwnerOrganizationId)',
    ],
    'grant-delegated': (op) => {
      const api = resourceApi(op.api);
      return [
        `# 6. Admin consent for ${api.displayName} delegated permissions: one grant for all users (AllPrincipals).`,
        '#    A grant that exists keeps its scopes and gets the missing ones.',
        'if [ "$GRANT_CONSENT" = 1 ]; then',
        `  grant_delegated "$${resourceVariable(op.api)}" ${shellWord(op.scopes.join(' '))}`,
        'fi',
      ];
    },
    'grant-app-roles': (op) => {
      const api = resourceApi(op.api);
      return [
        `# 6. Admin consent for ${api.displayName} application permissions: one app role assignment each.`,
        'if [ "$GRANT_CONSENT" = 1 ]; then',
        ...op.roles.map(
          (role) => `  assign_role "$${resourceVariable(op.api)}" ${role.id} ${shellWord(role.name)}`,
        ),
        'fi',
      ];
    },
    'read-back': (_op, plan) => [
      "# 7. What the platform's Custom OAuth keys page asks for.",
      'echo',
      `echo ${shellWord(`For the platform's Custom OAuth keys page:`)}`,
      `echo "  ${OAUTH_KEYS.clientId}: $APP_ID"`,
      'if [ -n "$CLIENT_SECRET" ]; then',
      `  echo "  ${OAUTH_KEYS.clientSecret}: $CLIENT_SECRET"`,
      '  echo "  (copy it now: Microsoft Entra never shows it again)"',
      'else',
      `  echo "  ${OAUTH_KEYS.clientSecret}: the one the platform already has"`,
      'fi',
      ...(plan.credentials.certificate.required
        ? [`echo "  ${OAUTH_KEYS.customKeyIdentifier}: $CERT_THUMBPRINT"`]
        : []),
      `echo "  ${OAUTH_KEYS.directoryId}: $TENANT_ID"`,
    ],
    'upload-logo': () => [
      '# The logo users see when they consent: Graph takes the image itself (PUT .../logo with its bytes), which',
      "#    curl sends with the tool's token. A PUT replaces the logo, so running again is safe.",
      'retry upload_logo',
      'echo "Uploaded the logo $LOGO_FILE."',
    ],
    ...REPAIR_ONLY_RENDERERS,
  };
}

/** The certificate: added to the registration's certificates unless one with its thumbprint is there already. */
function certificateLines(): string[] {
  return [
    '',
    `#    The certificate from ${CERTIFICATE_FILE}. A PATCH replaces the whole list, so the registration's other certificates`,
    '#    are sent back with it.',
    'CERT_BASE64=$(base64 <"$CERT_FILE" | tr -d \'\\n\')',
    'CERT_THUMBPRINT=$(openssl dgst -sha1 -binary "$CERT_FILE" | base64)',
    'CERTIFICATES=$(graph_json "/v1.0/applications/$APP_OBJECT_ID?\\$select=keyCredentials" keyCredentials)',
    'if grep -qF "$CERT_THUMBPRINT" <<<"$CERTIFICATES"; then',
    '  echo "The certificate is on the registration already."',
    'else',
    '  NEW_CERTIFICATE="{\\"type\\":\\"AsymmetricX509Cert\\",\\"usage\\":\\"Verify\\",\\"key\\":\\"$CERT_BASE64\\",\\"displayName\\":\\"$CREDENTIAL_DESCRIPTION $(date -u +%Y-%m-%d)\\"}"',
    '  case "$(tr -d \'[:space:]\' <<<"$CERTIFICATES")" in',
    '    "" | "[]" | null) CERTIFICATES="[$NEW_CERTIFICATE]" ;;',
    '    *) CERTIFICATES="${CERTIFICATES%]},$NEW_CERTIFICATE]" ;;',
    '  esac',
    '  graph_send patch "/v1.0/applications/$APP_OBJECT_ID" "{\\"keyCredentials\\":$CERTIFICATES}" >/dev/null',
    '  echo "Added the certificate $CERT_THUMBPRINT."',
    'fi',
  ];
}

/** `upload_logo`: the logo's bytes with curl; on an error answer, Graph's message on stderr (for `retry`). */
const logoHelper = (tool: ShellTool) => [
  "# upload_logo: PUT the logo file; prints Graph's answer on stderr when it refuses.",
  'upload_logo() {',
  '  local out status token',
  `  token=$(${tool.accessToken})`,
  '  out=$(mktemp)',
  '  status=$(curl --silent --show-error -o "$out" -w \'%{http_code}\' -X PUT "$LOGO_GRAPH/v1.0/applications/$APP_OBJECT_ID/logo" \\',
  '    -H "Authorization: Bearer $token" -H "Content-Type: $LOGO_TYPE" --data-binary @"$LOGO_FILE")',
  '  if [ "${status:0:1}" = 2 ]; then',
  '    rm -f "$out"',
  '    return 0',
  '  fi',
  '  echo "Request failed with status code $status" >&2',
  '  cat "$out" >&2',
  '  rm -f "$out"',
  '  return 1',
  '}',
];

/** The grant helpers, used by the consent operations. */
const grantHelpers = [
  '# grant_delegated RESOURCE_SP_ID "SCOPES": one AllPrincipals grant; an existing one gets the missing scopes.',
  'grant_delegated() {',
  '  local filter grant_id scope wanted',
  '  filter="clientId%20eq%20%27$SP_ID%27%20and%20consentType%20eq%20%27AllPrincipals%27%20and%20resourceId%20eq%20%27$1%27"',
  '  grant_id=$(graph_get "/v1.0/oauth2PermissionGrants?\\$filter=$filter" "join(\' \', value[].id)")',
  '  if [ -z "$grant_id" ] || [ "$grant_id" = None ] || [ "$grant_id" = null ]; then',
  '    graph_send post /v1.0/oauth2PermissionGrants "{\\"clientId\\":\\"$SP_ID\\",\\"consentType\\":\\"AllPrincipals\\",\\"principalId\\":null,\\"resourceId\\":\\"$1\\",\\"scope\\":\\"$2\\"}" >/dev/null',
  '    echo "  Granted: $2"',
  '    return',
  '  fi',
  '  scope=$(graph_get "/v1.0/oauth2PermissionGrants/$grant_id" scope)',
  '  local had="$scope"',
  '  for wanted in $2; do',
  '    if ! grep -qixF -- "$wanted" <<<"${scope// /$\'\\n\'}"; then scope="$scope $wanted"; fi',
  '  done',
  '  if [ "$scope" != "$had" ]; then',
  '    graph_send patch "/v1.0/oauth2PermissionGrants/$grant_id" "{\\"scope\\":\\"${scope# }\\"}" >/dev/null',
  '  fi',
  '  echo "  Granted: ${scope# }"',
  '}',
  '',
  '# assign_role RESOURCE_SP_ID APP_ROLE_ID NAME: an app role assignment, unless the service principal has it.',
  'assign_role() {',
  '  if [ -z "${ASSIGNED_ROLES+set}" ]; then',
  '    ASSIGNED_ROLES=$(graph_json "/v1.0/servicePrincipals/$SP_ID/appRoleAssignments" "value[].join(\' \', [resourceId, appRoleId])")',
  '  fi',
  '  if grep -qiF "$1 $2" <<<"$ASSIGNED_ROLES"; then',
  '    echo "  Already granted: $3"',
  '    return',
  '  fi',
  '  graph_send post "/v1.0/servicePrincipals/$1/appRoleAssignedTo" "{\\"principalId\\":\\"$SP_ID\\",\\"resourceId\\":\\"$1\\",\\"appRoleId\\":\\"$2\\"}" >/dev/null',
  '  echo "  Granted: $3"',
  '}',
];

/** A whole bash script for one tool. */
export function shellScript(input: CodeExportInput, tool: ShellTool): string {
  const plan: RegistrationPlan = exportPlan(input.plan);
  const full = { ...input, plan };
  const certificate = plan.credentials.certificate.required;
  const blocks = renderOperations(plan, operationRenderers(tool));
  const lines = [
    '#!/usr/bin/env bash',
    ...hashComments(
      headerLines(
        full,
        tool.name,
        'A client secret it creates is printed once, at the end, for you to copy.',
      ),
    ),
    '#',
    '# Run it with bash from the folder that holds it. Running it again changes nothing that is already right.',
    '#   GRANT_CONSENT=0  leaves admin consent for later (default 1: grant it, as the wizard\'s "grant now" does).',
    '#   NEW_SECRET=1     adds a client secret even when the registration has one.',
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    '',
    `DISPLAY_NAME=${shellWord(plan.application.displayName)}`,
    `UNIQUE_NAME=${shellWord(plan.application.uniqueName)}`,
    `CREDENTIAL_DESCRIPTION=${shellWord(CREDENTIAL_DESCRIPTION)}`,
    `SECRET_DAYS=${secretDaysOf(plan)}`,
    'GRANT_CONSENT="${GRANT_CONSENT:-1}"',
    'NEW_SECRET="${NEW_SECRET:-0}"',
    ...(certificate
      ? [
          `CERT_FILE=${shellWord(CERTIFICATE_FILE)}`,
          'if [ ! -f "$CERT_FILE" ]; then',
          '  echo "$CERT_FILE is missing: put the certificate the wizard gave you next to this script." >&2',
          '  exit 1',
          'fi',
        ]
      : []),
    ...(plan.logo
      ? [
          `LOGO_FILE=${shellWord(exportedLogo(plan).file)}`,
          `LOGO_TYPE=${shellWord(exportedLogo(plan).type)}`,
          `LOGO_GRAPH=${shellWord(input.cloud.graph)}`,
          'if [ ! -f "$LOGO_FILE" ]; then',
          '  echo "$LOGO_FILE is missing: put the logo the wizard gave you next to this script." >&2',
          '  exit 1',
          'fi',
        ]
      : []),
    '',
    ...tool.preamble(full),
    '',
    ...helpers(tool),
    '',
    ...grantHelpers,
    ...(plan.logo ? ['', ...logoHelper(tool)] : []),
    '',
    'echo "Setting up $DISPLAY_NAME ($UNIQUE_NAME)"',
    ...blocks.flatMap((block) => ['', ...block]),
  ];
  return `${lines.join('\n')}\n`;
}
