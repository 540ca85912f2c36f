/** `setup.sh`: the plan as an Azure CLI script (`az rest` for Graph, `az ad app credential reset --append`). */
import type { CloudId } from '../../config/clouds';
import { REPLICATION_ERRORS, shellScript, type ShellTool } from './shell-script';
import type { CodeExportInput } from './code-model';

export const AZURE_CLI_FILE_NAME = 'setup.sh';

/** `az cloud set --name` for each cloud; DoD uses the Azure Government cloud with its own Graph host. */
export const AZURE_CLI_CLOUDS: Readonly<Record<CloudId, string>> = {
  global: 'AzureCloud',
  usgov: 'AzureUSGovernment',
  usgovdod: 'AzureUSGovernment',
  china: 'AzureChinaCloud',
};

const azureCli: ShellTool = {
  name: 'Azure CLI (az), bash',
  preamble: ({ cloud }) => [
    'if ! command -v az >/dev/null 2>&1; then',
    '  echo "This script needs the Azure CLI (az): https://learn.microsoft.com/cli/azure/install-azure-cli" >&2',
    '  exit 1',
    'fi',
    `GRAPH='${cloud.graph}'`,
    `az cloud set --name ${AZURE_CLI_CLOUDS[cloud.id]} --only-show-errors`,
    '# Sign in as an administrator who may create applications and grant consent (Cloud Application Administrator',
    '# or Application Administrator; Privileged Role Administrator to grant Microsoft Graph application permissions).',
    'if ! az account show --only-show-errors >/dev/null 2>&1; then',
    '  az login --allow-no-subscriptions --only-show-errors >/dev/null',
    'fi',
    '# `az ad app permission admin-consent` is deprecated and fails for application permissions: consent is granted',
    '# with Graph requests below, as the wizard does.',
  ],
  request: [
    '# tool_request FORMAT METHOD PATH BODY QUERY PREFER: one Graph request with az rest.',
    'tool_request() {',
    '  local args=(rest --method "$2" --url "$GRAPH$3" --resource "$GRAPH" --only-show-errors)',
    '  local headers=()',
    '  if [ -n "$4" ]; then',
    '    args+=(--body "$4")',
    '    headers+=("Content-Type=application/json")',
    '  fi',
    '  if [ -n "$6" ]; then headers+=("Prefer=$6"); fi',
    '  if [ ${#headers[@]} -gt 0 ]; then args+=(--headers "${headers[@]}"); fi',
    '  if [ -n "$5" ]; then',
    '    if [ "$1" = json ]; then args+=(--query "$5" --output json); else args+=(--query "$5" --output tsv); fi',
    '  fi',
    '  az "${args[@]}"',
    '}',
  ],
  // az rest prints Graph's error, code and message, so the retries wait for exactly the replication errors.
  replicationErrors: REPLICATION_ERRORS.join('|'),
  accessToken: 'az account get-access-token --resource "$LOGO_GRAPH" --query accessToken --output tsv',
  addSecret: [
    'CLIENT_SECRET=$(retry az ad app credential reset --id "$APP_ID" --append --display-name "$SECRET_NAME" \\',
    '  --end-date "$SECRET_END" --query password --output tsv --only-show-errors)',
  ],
};

/** The Azure CLI script for the plan. */
export const azureCliScript = (input: CodeExportInput): string => shellScript(input, azureCli);
