/**
 * `setup-m365.sh`: the plan as a CLI for Microsoft 365 script. It sends each Graph request with `m365 request`
 * rather than `m365 entra app add`/`set`: those look permissions up by name and have no unique-name upsert, while
 * the request form carries the plan's exact ids and updates the same registration on every run. The CLI maps
 * `https://graph.microsoft.com` to the cloud it signed in to, so the URLs are the same in every cloud.
 */
import type { CloudId } from '../../config/clouds';
import { shellScript, type ShellTool } from './shell-script';
import type { CodeExportInput } from './code-model';

export const M365_CLI_FILE_NAME = 'setup-m365.sh';

/** `m365 login --cloud` for each cloud (`USGov` is GCC, which uses the global endpoints). */
export const M365_CLI_CLOUDS: Readonly<Record<CloudId, string>> = {
  global: 'Public',
  usgov: 'USGovHigh',
  usgovdod: 'USGovDoD',
  china: 'China',
};

const m365Cli: ShellTool = {
  name: 'CLI for Microsoft 365 (m365), bash',
  preamble: ({ cloud }) => [
    'if ! command -v m365 >/dev/null 2>&1; then',
    '  echo "This script needs the CLI for Microsoft 365: npm install -g @pnp/cli-microsoft365" >&2',
    '  exit 1',
    'fi',
    '# Sign in first as an administrator who may create applications and grant consent, in this cloud:',
    `#   m365 login --cloud ${M365_CLI_CLOUDS[cloud.id]}`,
    `echo ${"'"}Using the CLI for Microsoft 365 connection you signed in with (m365 login --cloud ${M365_CLI_CLOUDS[cloud.id]}).${"'"}`,
  ],
  request: [
    '# tool_request FORMAT METHOD PATH BODY QUERY PREFER: one Graph request with m365 request.',
    'tool_request() {',
    '  local args=(request --url "https://graph.microsoft.com$3" --method "$2")',
    '  if [ -n "$4" ]; then args+=(--body "$4" --content-type application/json); fi',
    '  if [ -n "$6" ]; then args+=(--prefer "$6"); fi',
    '  if [ -n "$5" ]; then',
    '    if [ "$1" = json ]; then args+=(--query "$5" --output json); else args+=(--query "$5" --output text); fi',
    '  fi',
    '  m365 "${args[@]}"',
    '}',
  ],
  // `m365 request` reports only the status code ("Request failed with status code 404"), so the retries wait on
  // 404 and 400, the statuses of the replication errors, for at most about a minute and a half.
  replicationErrors: 'status code (400|404)',
  accessToken: 'm365 util accesstoken get --resource "$LOGO_GRAPH" --new --output text',
  addSecret: [
    'CLIENT_SECRET=$(graph_send post "/v1.0/applications/$APP_OBJECT_ID/addPassword" \\',
    '  "{\\"passwordCredential\\":{\\"displayName\\":\\"$SECRET_NAME\\",\\"endDateTime\\":\\"$SECRET_END\\"}}" secretText)',
  ],
};

/** The CLI for Microsoft 365 script for the plan. */
export const m365CliScript = (input: CodeExportInput): string => shellScript(input, m365Cli);
