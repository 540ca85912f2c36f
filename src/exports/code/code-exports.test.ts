/**
 * Every "Export as code" file, rendered for several connector mixes and clouds, then read back with a real parser
 * wherever one installs from npm: `bash -n` for the shell scripts, HashiCorp's HCL parser (`@cdktf/hcl2json`) for
 * Terraform, and tree-sitter's PowerShell grammar (`tree-sitter-powershell`, through `web-tree-sitter`) for
 * PowerShell. No Bicep parser or compiler installs from npm or Debian, so `main.bicep` gets token-level checks:
 * brackets balanced outside strings and comments, every string closed, and every permission id followed by its type.
 * The parsed structure must carry every permission id with its type, the redirect URIs, the ID-token setting and the
 * audience; no file may hold a secret or key material.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { connector } from '../../catalog/connectors';
import { clouds, type Cloud } from '../../config/clouds';
import { buildPlan } from '../../plan/build-plan';
import type { ConnectorSelection, RegistrationPlan } from '../../plan/plan-types';
import { AZURE_CLI_CLOUDS, azureCliScript } from './azure-cli-script';
import { bicepFile } from './bicep-file';
import { codeExportFiles, codeExports } from './code-exports';
import { exportPlan } from './code-model';
import { M365_CLI_CLOUDS, m365CliScript } from './m365-cli-script';
import { POWERSHELL_ENVIRONMENTS, powershellScript } from './powershell-script';
import { TERRAFORM_ENVIRONMENTS, terraformFile } from './terraform-file';

const DATE = '2026-12-03';
const REDIRECTS = ['https://api.kloudless.com/v1/oauth/callback', 'https://eu.example.com/cb?x=1&y=$z'];

interface Mix {
  readonly title: string;
  readonly connectors: readonly ConnectorSelection[];
  readonly cloud: Cloud;
}

const mixes: readonly Mix[] = [
  {
    title: 'SharePoint admin and Outlook Mail users',
    connectors: [
      { id: 'sharepoint', mode: 'admin' },
      { id: 'outlook-mail', mode: 'user' },
    ],
    cloud: clouds.global,
  },
  { title: 'Teams users only', connectors: [{ id: 'teams', mode: 'user' }], cloud: clouds.global },
  {
    title: 'all six connectors for admin accounts',
    connectors: (
      ['teams', 'onedrive', 'onedrive-business', 'outlook-calendar', 'outlook-mail', 'sharepoint'] as const
    ).map((id) => ({ id, mode: 'admin' as const })),
    cloud: clouds.global,
  },
  {
    title: 'OneDrive admin in GCC High',
    connectors: [{ id: 'onedrive', mode: 'admin' }],
    cloud: clouds.usgov,
  },
  {
    title: 'Outlook Calendar users in China',
    connectors: [{ id: 'outlook-calendar', mode: 'user' }],
    cloud: clouds.china,
  },
  {
    title: 'SharePoint admin in DoD',
    connectors: [{ id: 'sharepoint', mode: 'admin' }],
    cloud: clouds.usgovdod,
  },
];

const planOf = (mix: Mix, displayName = 'Contoso\'s "Sync" ${HOME} $(id)') =>
  buildPlan({ connectors: mix.connectors, displayName, redirectUris: REDIRECTS });

/** What every file must say: the planned registration, as `requiredResourceAccess` and settings. */
const expected = (plan: RegistrationPlan) => plan.application.requiredResourceAccess;

/** No secret, no key material: only the certificate's file name. */
function expectNoSecrets(text: string): void {
  expect(text).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|-----BEGIN/);
  // Base64 DER starts "MII"; a JWT starts "eyJ".
  expect(text).not.toMatch(/\bMII[A-Za-z0-9+/]{20,}|\beyJ[A-Za-z0-9_-]{10,}/);
  // "secretText" may be named (the property a script reads at run time), never given a value.
  expect(text).not.toMatch(/secretText"?\s*[:=]\s*["'][^"'$]/);
  expect(text).not.toMatch(/key\.pem|certificate\.pfx|passphrase\s*[:=]/i);
}

function expectHeader(text: string, plan: RegistrationPlan, cloud: Cloud): void {
  const head = text.split('\n').slice(0, 14).join('\n');
  for (const c of plan.connectors) expect(head).toContain(connector(c.id).name);
  expect(head).toContain(cloud.name);
  expect(head).toContain(DATE);
  expect(head).toContain(plan.application.uniqueName);
}

const bash = (text: string) => execFileSync('bash', ['-n'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });

/** The application JSON a shell script sends, read from its here-document. */
function shellApplication(text: string): Record<string, unknown> {
  const match = /APPLICATION=\$\(cat <<'END_OF_JSON'\n([\s\S]*?)\nEND_OF_JSON\n\)/.exec(text);
  if (!match?.[1]) throw new Error('No application JSON in the script.');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

let powershell: Parser;

beforeAll(async () => {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const grammar = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  powershell = new Parser();
  powershell.setLanguage(await Language.load(grammar));
});

describe.each(mixes)('exports for $title', (mix) => {
  const plan = planOf(mix);
  const full = exportPlan(plan);
  const input = { plan, cloud: mix.cloud, date: DATE };
  const roles = full.permissions.filter((p) => p.kind === 'application');
  const scopes = full.permissions.filter((p) => p.kind === 'delegated');

  it('every file names the plan, holds no secret and refers to the certificate by file', () => {
    for (const file of codeExportFiles(input)) {
      expectHeader(file.content, plan, mix.cloud);
      expectNoSecrets(file.content);
      if (plan.credentials.certificate.required) expect(file.content).toContain('cert.cer');
      else expect(file.content).not.toContain('cert.cer');
      expect(file.content).toContain('Custom OAuth keys');
    }
  });

  it.each([
    ['setup.sh', azureCliScript],
    ['setup-m365.sh', m365CliScript],
  ])('%s parses with bash -n and sends the planned application', (_name, render) => {
    const text = render(input);
    expect(() => bash(text)).not.toThrow();
    const app = shellApplication(text);
    expect(app['requiredResourceAccess']).toEqual(expected(plan));
    expect(app['signInAudience']).toBe('AzureADMultipleOrgs');
    expect(app['web']).toEqual({
      redirectUris: REDIRECTS,
      implicitGrantSettings: {
        enableIdTokenIssuance: plan.idTokens.enabled,
        enableAccessTokenIssuance: false,
      },
    });
    expect(app['servicePrincipalLockConfiguration']).toEqual({ isEnabled: true, allProperties: true });
    expect(text).toContain(`UNIQUE_NAME='${plan.application.uniqueName}'`);
    expect(text).toMatch(
      /graph_send patch "\/v1\.0\/applications\(uniqueName='\$UNIQUE_NAME'\)" "\$APPLICATION" "" create-if-missing/,
    );
    for (const role of roles)
      expect(text).toMatch(new RegExp(`assign_role "\\$RESOURCE_SP_[A-Z_]+" ${role.id} '${role.name}'`));
    for (const scope of scopes)
      expect(text).toMatch(
        new RegExp(`grant_delegated "[^"]+" '[^']*\\b${scope.name.replace('.', '\\.')}\\b`),
      );
  });

  it('setup.sh chooses the cloud with az cloud set and appends the secret', () => {
    const text = azureCliScript(input);
    expect(text).toContain(`az cloud set --name ${AZURE_CLI_CLOUDS[mix.cloud.id]}`);
    expect(text).toContain(`GRAPH='${mix.cloud.graph}'`);
    expect(text).toContain('az ad app credential reset --id "$APP_ID" --append');
    expect(text).not.toMatch(/^\s*az ad app permission/m);
  });

  it('setup-m365.sh names the cloud to sign in to', () => {
    expect(m365CliScript(input)).toContain(`m365 login --cloud ${M365_CLI_CLOUDS[mix.cloud.id]}`);
  });

  it('main.tf parses as HCL and declares the planned application and grants', async () => {
    const text = terraformFile(input);
    const tf = (await parseHcl('main.tf', text)) as {
      provider: { azuread: { environment: string }[] };
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
      data: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    expect(tf.provider.azuread[0]?.environment).toBe(TERRAFORM_ENVIRONMENTS[mix.cloud.id]);
    const app = tf.resource['azuread_application']?.['connector']?.[0] as {
      display_name: string;
      sign_in_audience: string;
      web: { redirect_uris: string[]; implicit_grant: { id_token_issuance_enabled: boolean }[] }[];
      required_resource_access: {
        resource_app_id: string;
        resource_access: { id: string; type: string }[];
      }[];
    };
    expect(app.display_name).toBe(plan.application.displayName.replace(/\$\{/g, '$$$${'));
    expect(app.sign_in_audience).toBe('AzureADMultipleOrgs');
    expect(app.web[0]?.redirect_uris).toEqual(REDIRECTS);
    expect(app.web[0]?.implicit_grant[0]?.id_token_issuance_enabled).toBe(plan.idTokens.enabled);
    expect(
      app.required_resource_access.map((r) => ({
        resourceAppId: r.resource_app_id,
        resourceAccess: r.resource_access,
      })),
    ).toEqual(expected(plan));
    expect(Boolean(tf.resource['azuread_application_certificate'])).toBe(
      plan.credentials.certificate.required,
    );
    expect(tf.resource['azuread_application_password']?.['connector']).toHaveLength(1);
    expect(tf.resource['time_rotating']?.['client_secret']).toHaveLength(1);
    // A conditional for_each stays an expression in hcl2json's output: its text holds the map of names to ids.
    const assignments = Object.values(tf.resource['azuread_app_role_assignment'] ?? {})
      .flatMap((r) => r.map((x) => String(x['for_each'])))
      .join('\n');
    for (const role of roles) expect(assignments).toContain(`"${role.name}" = "${role.id}"`);
    const grants = Object.values(
      tf.resource['azuread_service_principal_delegated_permission_grant'] ?? {},
    ).flatMap((g) => g.flatMap((x) => x['claim_values'] as string[]));
    expect(grants.sort()).toEqual(scopes.map((s) => s.name).sort());
  });

  it('setup.ps1 parses with the PowerShell grammar and carries every id with its type', () => {
    const text = powershellScript(input);
    const tree = powershell.parse(text);
    expect(tree ? syntaxErrors(tree.rootNode) : ['not parsed']).toEqual([]);
    expect(text).toContain(`-Environment ${POWERSHELL_ENVIRONMENTS[mix.cloud.id]}`);
    for (const api of expected(plan)) {
      expect(text).toContain(`resourceAppId = '${api.resourceAppId}'`);
      for (const a of api.resourceAccess)
        expect(text).toMatch(new RegExp(`id = '${a.id}'\\n\\s*type = '${a.type}'`));
    }
    for (const uri of REDIRECTS) expect(text).toContain(`'${uri}'`);
    expect(text).toContain(`enableIdTokenIssuance = ${plan.idTokens.enabled ? '$true' : '$false'}`);
    expect(text).toContain("signInAudience = 'AzureADMultipleOrgs'");
    expect(text).toContain('uniqueName = $UniqueName');
    expect(text).toContain('Add-MgApplicationPassword');
    for (const role of roles) expect(text).toContain(`-AppRoleId '${role.id}'`);
  });

  it('main.bicep is well formed token by token and carries every id with its type', () => {
    const text = bicepFile(input);
    expectBalancedBicep(text);
    expect(text).toContain('extension microsoftGraphV1');
    expect(text).toContain(`uniqueName: '${plan.application.uniqueName}'`);
    for (const api of expected(plan)) {
      expect(text).toContain(`resourceAppId: '${api.resourceAppId}'`);
      for (const a of api.resourceAccess)
        expect(text).toMatch(new RegExp(`id: '${a.id}'\\n\\s*type: '${a.type}'`));
    }
    for (const uri of REDIRECTS) expect(text).toContain(`'${uri.replace(/\$/g, '$')}'`);
    expect(text).toContain(`enableIdTokenIssuance: ${plan.idTokens.enabled}`);
    expect(text).toContain("signInAudience: 'AzureADMultipleOrgs'");
    expect(text).toContain(`az cloud set --name ${AZURE_CLI_CLOUDS[mix.cloud.id]}`);
    expect(text).toContain('cannot create client secrets');
    for (const role of roles) expect(text).toContain(`'${role.id}'`);
  });
});

/** Where the PowerShell grammar found an error or a missing token, as "line: text". */
function syntaxErrors(node: Node): string[] {
  if (!node.hasError) return [];
  if (node.isError || node.isMissing) return [`${node.startPosition.row + 1}: ${node.text.slice(0, 80)}`];
  return node.children.flatMap((child) => (child ? syntaxErrors(child) : []));
}

/** Brackets balanced and strings closed, outside `//` and block comments, in Bicep's single-quoted strings. */
function expectBalancedBicep(text: string): void {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === "'") {
      i += 1;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\n')
          throw new Error(`Unclosed string before line ${text.slice(0, i).split('\n').length}`);
        i += text[i] === '\\' ? 2 : 1;
      }
      if (i >= text.length) throw new Error('Unclosed string at the end');
    } else if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs) expect(stack.pop()).toBe(pairs[c]);
    i += 1;
  }
  expect(stack).toEqual([]);
}

describe('the exports of a plan', () => {
  it('come in the order the page lists them, and refuse a repair', () => {
    expect(codeExports.map((e) => e.name)).toEqual([
      'setup.sh',
      'setup.ps1',
      'setup-m365.sh',
      'main.tf',
      'main.bicep',
    ]);
    const plan = buildPlan({
      connectors: [{ id: 'teams', mode: 'user' }],
      displayName: 'Contoso',
      redirectUris: REDIRECTS,
      repair: {
        applicationId: 'a',
        appId: 'b',
        displayName: 'Contoso',
        current: {},
        fixes: ['addPermissions'],
      },
    });
    expect(() => azureCliScript({ plan, cloud: clouds.global, date: DATE })).toThrow(/repair/i);
  });

  it('grant consent even when the plan leaves it for later, and say how to skip it', () => {
    const plan = planOf(mixes[0] as Mix, 'Contoso');
    expect(plan.operations.some((o) => o.kind.startsWith('grant'))).toBe(false);
    const input = { plan, cloud: clouds.global, date: DATE };
    expect(azureCliScript(input)).toContain('GRANT_CONSENT=0');
    expect(powershellScript(input)).toContain('-SkipConsent');
    expect(terraformFile(input)).toContain('variable "grant_admin_consent"');
    expect(bicepFile(input)).toContain('param grantAdminConsent bool = true');
  });

  it('note the corrections to the procedure next to the permissions', () => {
    const plan = planOf(
      { title: '', connectors: [{ id: 'teams', mode: 'admin' }], cloud: clouds.global },
      'Contoso',
    );
    expect(plan.corrections.length).toBeGreaterThan(0);
    for (const file of codeExportFiles({ plan, cloud: clouds.global, date: DATE })) {
      for (const c of plan.corrections)
        expect(file.content).toContain(`the procedure lists ${c.asWritten.name}`);
    }
  });
});
