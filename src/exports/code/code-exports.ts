/** The five "Export as code" files, as offline mode and the review offer them one by one and in a ZIP. */
import { AZURE_CLI_FILE_NAME, azureCliScript } from './azure-cli-script';
import { BICEP_FILE_NAME, bicepFile } from './bicep-file';
import type { CodeExportInput } from './code-model';
import { M365_CLI_FILE_NAME, m365CliScript } from './m365-cli-script';
import { POWERSHELL_FILE_NAME, powershellScript } from './powershell-script';
import { TERRAFORM_FILE_NAME, terraformFile } from './terraform-file';

/** One export: its file name, what it is for, its media type, and how it is made. */
export interface CodeExport {
  readonly name: string;
  readonly tool: string;
  readonly type: string;
  readonly render: (input: CodeExportInput) => string;
}

export const codeExports: readonly CodeExport[] = [
  { name: AZURE_CLI_FILE_NAME, tool: 'Azure CLI', type: 'application/x-sh', render: azureCliScript },
  {
    name: POWERSHELL_FILE_NAME,
    tool: 'Microsoft Graph PowerShell',
    type: 'text/plain',
    render: powershellScript,
  },
  {
    name: M365_CLI_FILE_NAME,
    tool: 'CLI for Microsoft 365',
    type: 'application/x-sh',
    render: m365CliScript,
  },
  { name: TERRAFORM_FILE_NAME, tool: 'Terraform (azuread)', type: 'text/plain', render: terraformFile },
  { name: BICEP_FILE_NAME, tool: 'Bicep (Microsoft Graph extension)', type: 'text/plain', render: bicepFile },
];

/** Every export rendered, for a ZIP. */
export function codeExportFiles(
  input: CodeExportInput,
): { readonly name: string; readonly content: string }[] {
  return codeExports.map((e) => ({ name: e.name, content: e.render(input) }));
}
