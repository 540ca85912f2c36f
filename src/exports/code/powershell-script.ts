/**
 * `setup.ps1`: the plan as a Microsoft Graph PowerShell script. The registration is found by its unique name
 * (`Get-MgApplication -Filter "uniqueName eq '…'"`) and updated, or created with that name; every cmdlet that touches
 * an object just created is retried while Microsoft Entra replicates it.
 */
import { resourceApi, type ResourceApiId } from '../../catalog/resource-apis';
import type { CloudId } from '../../config/clouds';
import { manifestFor } from '../manifest';
import {
  accessByApi,
  CERTIFICATE_FILE,
  correctionLines,
  CREDENTIAL_DESCRIPTION,
  EXPORT_SCOPES,
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

export const POWERSHELL_FILE_NAME = 'setup.ps1';

/** `Connect-MgGraph -Environment` for each cloud. */
export const POWERSHELL_ENVIRONMENTS: Readonly<Record<CloudId, string>> = {
  global: 'Global',
  usgov: 'USGov',
  usgovdod: 'USGovDoD',
  china: 'China',
};

/** A single-quoted PowerShell string: quotes doubled, nothing expanded. */
export const psString = (value: string): string => `'${value.replace(/['‘’‚‛]/g, (q) => q + q)}'`;

/** A PowerShell variable name for a resource API's service principal. */
const resourceVariable = (api: ResourceApiId) =>
  `$Resource${api.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;

/** A value as a PowerShell literal: hashtables, arrays, strings, booleans. */
function psValue(value: unknown, depth = 0): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '$null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '@()';
    return `@(\n${value.map((v) => `${pad}${psValue(v, depth + 1)}`).join(',\n')}\n${end})`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `@{\n${entries.map(([k, v]) => `${pad}${k} = ${psValue(v, depth + 1)}`).join('\n')}\n${end}}`;
}

const renderers: OperationRenderers<string[]> = {
  'resolve-permissions': (_op, plan) => [
    "# 1. Permissions. The ids are Microsoft's, the same in every tenant; 'Scope' is delegated, 'Role' application.",
    ...accessByApi(plan).flatMap(({ api, access }) => [
      `#    ${api.displayName} (${api.appId}):`,
      ...access.map((a) => `#      ${a.id} ${a.type} ${a.name}`),
    ]),
    ...hashComments([...correctionLines(plan), ...noticeLines(plan)]).map((l) => `#    ${l.slice(2)}`),
    'if ($GrantConsent) {',
    ...accessByApi(plan).map(
      ({ api }) =>
        `    ${resourceVariable(api.id)} = Get-MgServicePrincipal -Filter "appId eq '${api.appId}'" -Property 'id'`,
    ),
    '}',
  ],
  'read-existing': () => [
    '# 2. The registration as it is: the unique name finds it when the wizard or this script made it before.',
    `$app = Get-MgApplication -Filter "uniqueName eq '$UniqueName'" -Property 'id', 'appId', 'keyCredentials', 'passwordCredentials'`,
  ],
  'upsert-application': (_op, plan) => [
    '# 3. Update it, or create it with the unique name. The body is the application exactly as the wizard sends it.',
    `$application = ${psValue(manifestFor(plan))}`,
    'if ($app) {',
    '    Write-Host "Found the registration $($app.Id): updating it."',
    '    Invoke-WithRetry { Update-MgApplication -ApplicationId $app.Id -BodyParameter $application }',
    '} else {',
    "    Write-Host 'No registration has this unique name yet: creating it.'",
    '    $app = New-MgApplication -BodyParameter ($application + @{ uniqueName = $UniqueName })',
    '}',
    'Write-Host "Application (client) ID: $($app.AppId)"',
    ...(plan.credentials.certificate.required
      ? [
          '',
          `#    The certificate from ${CERTIFICATE_FILE}, added to the registration's others (the list is replaced whole).`,
          '$certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Resolve-Path $CertificateFile).Path)',
          '$thumbprint = [Convert]::ToBase64String($certificate.GetCertHash())',
          `$current = (Invoke-WithRetry { Get-MgApplication -ApplicationId $app.Id -Property 'keyCredentials' }).KeyCredentials`,
          'if ($current | Where-Object { $_.CustomKeyIdentifier -and [Convert]::ToBase64String($_.CustomKeyIdentifier) -eq $thumbprint }) {',
          "    Write-Host 'The certificate is on the registration already.'",
          '} else {',
          '    $keys = @($current | ForEach-Object {',
          '        @{ type = $_.Type; usage = $_.Usage; key = $_.Key; keyId = $_.KeyId; displayName = $_.DisplayName; startDateTime = $_.StartDateTime; endDateTime = $_.EndDateTime; customKeyIdentifier = $_.CustomKeyIdentifier }',
          '    })',
          `    $keys += @{ type = 'AsymmetricX509Cert'; usage = 'Verify'; key = $certificate.RawData; displayName = "$CredentialDescription $(Get-Date -Format 'yyyy-MM-dd')" }`,
          '    Invoke-WithRetry { Update-MgApplication -ApplicationId $app.Id -KeyCredentials $keys }',
          '    Write-Host "Added the certificate $thumbprint."',
          '}',
        ]
      : []),
  ],
  'add-password': (_op, plan) => [
    `# 4. A client secret, added to the others (never a reset). It lasts ${secretDaysOf(plan)} days. A registration that has a`,
    '#    secret already gets none unless -NewSecret is given (the platform holds the one it has).',
    '$clientSecret = $null',
    'if (-not $app.PasswordCredentials -or $NewSecret) {',
    '    $passwordCredential = @{',
    '        displayName = "$CredentialDescription $(Get-Date -Format \'yyyy-MM-dd\')"',
    '        endDateTime = (Get-Date).ToUniversalTime().AddDays($SecretDays)',
    '    }',
    '    $clientSecret = (Invoke-WithRetry { Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential $passwordCredential }).SecretText',
    "    Write-Host 'Added a client secret.'",
    '} else {',
    "    Write-Host 'The registration has a client secret already: none added (-NewSecret adds one).'",
    '}',
  ],
  'ensure-service-principal': () => [
    '# 5. The enterprise application (service principal) in this tenant.',
    `$servicePrincipal = Get-MgServicePrincipal -Filter "appId eq '$($app.AppId)'" -Property 'id', 'appOwnerOrganizationId'`,
    'if (-not $servicePrincipal) {',
    '    $servicePrincipal = Invoke-WithRetry { New-MgServicePrincipal -AppId $app.AppId }',
    '    Write-Host "Created the enterprise application: $($servicePrincipal.Id)"',
    '}',
  ],
  'grant-delegated': (op) => [
    `# 6. Admin consent for ${resourceApi(op.api).displayName} delegated permissions: one grant for all users.`,
    'if ($GrantConsent) {',
    `    Grant-Delegated -ResourceId ${resourceVariable(op.api)}.Id -Scopes @(${op.scopes.map(psString).join(', ')})`,
    '}',
  ],
  'grant-app-roles': (op) => [
    `# 6. Admin consent for ${resourceApi(op.api).displayName} application permissions: one assignment each.`,
    'if ($GrantConsent) {',
    ...op.roles.map(
      (role) =>
        `    Grant-AppRole -ResourceId ${resourceVariable(op.api)}.Id -AppRoleId '${role.id}' -Name ${psString(role.name)}`,
    ),
    '}',
  ],
  'read-back': (_op, plan) => [
    "# 7. What the platform's Custom OAuth keys page asks for.",
    'Write-Host ""',
    'Write-Host "For the platform\'s Custom OAuth keys page:"',
    `Write-Host "  ${OAUTH_KEYS.clientId}: $($app.AppId)"`,
    'if ($clientSecret) {',
    `    Write-Host "  ${OAUTH_KEYS.clientSecret}: $clientSecret"`,
    "    Write-Host '  (copy it now: Microsoft Entra never shows it again)'",
    '} else {',
    `    Write-Host '  ${OAUTH_KEYS.clientSecret}: the one the platform already has'`,
    '}',
    ...(plan.credentials.certificate.required
      ? [`Write-Host "  ${OAUTH_KEYS.customKeyIdentifier}: $thumbprint"`]
      : []),
    `Write-Host "  ${OAUTH_KEYS.directoryId}: $((Get-MgContext).TenantId)"`,
  ],
  'upload-logo': (_op, plan) => [
    `# The logo users see when they consent, from ${exportedLogo(plan).file}: Graph takes the image's bytes (PUT .../logo).`,
    `Invoke-WithRetry { Invoke-MgGraphRequest -Method PUT -Uri "/v1.0/applications/$($app.Id)/logo" -InputFilePath $LogoFile -ContentType ${psString(exportedLogo(plan).type)} }`,
    'Write-Host "Uploaded the logo $LogoFile."',
  ],
  ...REPAIR_ONLY_RENDERERS,
};

const helpers = [
  '# Runs a command again while Microsoft Entra replicates a new object (it has no documented delay: usually seconds).',
  'function Invoke-WithRetry([scriptblock] $Command) {',
  '    for ($attempt = 1; ; $attempt++) {',
  '        try {',
  '            return & $Command',
  '        } catch {',
  '            $lag = "$_" -match \'Request_ResourceNotFound|does not reference a valid application object|does not exist or one of its queried reference-property objects are not present\'',
  '            if (-not $lag -or $attempt -ge 20) { throw }',
  '            Write-Host "  (waiting for Microsoft Entra to replicate, attempt $attempt)"',
  '            Start-Sleep -Seconds ([Math]::Min($attempt, 5))',
  '        }',
  '    }',
  '}',
  '',
  '# One AllPrincipals grant per API; a grant that exists keeps its scopes and gets the missing ones.',
  'function Grant-Delegated([string] $ResourceId, [string[]] $Scopes) {',
  "    $grant = Get-MgOauth2PermissionGrant -Filter \"clientId eq '$($servicePrincipal.Id)' and consentType eq 'AllPrincipals' and resourceId eq '$ResourceId'\" | Select-Object -First 1",
  '    if (-not $grant) {',
  "        $body = @{ clientId = $servicePrincipal.Id; consentType = 'AllPrincipals'; principalId = $null; resourceId = $ResourceId; scope = $Scopes -join ' ' }",
  '        Invoke-WithRetry { New-MgOauth2PermissionGrant -BodyParameter $body } | Out-Null',
  '    } else {',
  "        $had = @($grant.Scope -split ' ' | Where-Object { $_ })",
  '        $missing = @($Scopes | Where-Object { $had -notcontains $_ })',
  '        if ($missing) {',
  "            $update = @{ OAuth2PermissionGrantId = $grant.Id; Scope = ($had + $missing) -join ' ' }",
  '            Update-MgOauth2PermissionGrant @update',
  '        }',
  '    }',
  '    Write-Host "  Granted: $($Scopes -join \' \')"',
  '}',
  '',
  '# One app role assignment, unless the service principal has it.',
  'function Grant-AppRole([string] $ResourceId, [string] $AppRoleId, [string] $Name) {',
  '    $has = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $servicePrincipal.Id -All |',
  '        Where-Object { $_.ResourceId -eq $ResourceId -and $_.AppRoleId -eq $AppRoleId }',
  '    if (-not $has) {',
  '        $body = @{ principalId = $servicePrincipal.Id; resourceId = $ResourceId; appRoleId = $AppRoleId }',
  '        Invoke-WithRetry { New-MgServicePrincipalAppRoleAssignedTo -ServicePrincipalId $ResourceId -BodyParameter $body } | Out-Null',
  '    }',
  '    Write-Host "  Granted: $Name"',
  '}',
];

/** The Microsoft Graph PowerShell script for the plan. */
export function powershellScript(input: CodeExportInput): string {
  const plan = exportPlan(input.plan);
  const full = { ...input, plan };
  const lines = [
    ...hashComments(
      headerLines(
        full,
        'Microsoft Graph PowerShell',
        'A client secret it creates is printed once, at the end, for you to copy.',
      ),
    ),
    '#',
    '# Run it with PowerShell 7 from the folder that holds it. Running it again changes nothing that is already right.',
    '#   -SkipConsent  leaves admin consent for later (by default it is granted, as the wizard\'s "grant now" does).',
    '#   -NewSecret    adds a client secret even when the registration has one.',
    '#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Applications, Microsoft.Graph.Identity.SignIns',
    'param(',
    '    [switch] $SkipConsent,',
    '    [switch] $NewSecret',
    ')',
    "$ErrorActionPreference = 'Stop'",
    'Set-Location -Path $PSScriptRoot',
    '',
    `$DisplayName = ${psString(plan.application.displayName)}`,
    `$UniqueName = ${psString(plan.application.uniqueName)}`,
    `$CredentialDescription = ${psString(CREDENTIAL_DESCRIPTION)}`,
    `$SecretDays = ${secretDaysOf(plan)}`,
    '$GrantConsent = -not $SkipConsent',
    ...(plan.credentials.certificate.required
      ? [
          `$CertificateFile = ${psString(CERTIFICATE_FILE)}`,
          'if (-not (Test-Path $CertificateFile)) {',
          '    throw "$CertificateFile is missing: put the certificate the wizard gave you next to this script."',
          '}',
        ]
      : []),
    ...(plan.logo
      ? [
          `$LogoFile = ${psString(exportedLogo(plan).file)}`,
          'if (-not (Test-Path $LogoFile)) {',
          '    throw "$LogoFile is missing: put the logo the wizard gave you next to this script."',
          '}',
        ]
      : []),
    '',
    '# Sign in as an administrator who may create applications and grant consent.',
    `Connect-MgGraph -Environment ${POWERSHELL_ENVIRONMENTS[input.cloud.id]} -Scopes ${EXPORT_SCOPES.map(psString).join(', ')} -NoWelcome`,
    '',
    ...helpers,
    '',
    'Write-Host "Setting up $DisplayName ($UniqueName)"',
    ...renderOperations(plan, renderers).flatMap((block) => ['', ...block]),
  ];
  return `${lines.join('\n')}\n`;
}
