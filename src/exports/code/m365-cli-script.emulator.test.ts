/**
 * Runs `setup-m365.sh` for real: bash, the CLI for Microsoft 365 the project installs from npm, and the emulated
 * tenant behind a loopback proxy (`HTTPS_PROXY`). The CLI is signed in with a token the emulator issued. The run must
 * leave what the wizard's automatic mode leaves: one application with the plan's properties, the certificate, one
 * secret, the service principal and the grants; a second run changes nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceApi } from '../../catalog/resource-apis';
import { clouds } from '../../config/clouds';
import { createEmulator, type Emulator } from '../../demo/emulator/emulator';
import {
  TEST_CERTIFICATE_BASE64,
  TEST_CERTIFICATE_THUMBPRINT_BASE64,
} from '../../demo/emulator/fixtures/test-certificate';
import { buildPlan } from '../../plan/build-plan';
import { startGraphProxy, type GraphProxy } from '../../../test-support/code-exports/graph-proxy';
import { prepareM365Home } from '../../../test-support/code-exports/m365-home';
import { EXPORT_SCOPES } from './code-model';
import { m365CliScript, M365_CLI_FILE_NAME } from './m365-cli-script';

const run = promisify(execFile);

// OneDrive admin brings the certificate and delegated permissions, Outlook Mail admin application permissions: every
// kind of write in few requests (each m365 command is a Node process start, so the test's time is their count).
const plan = buildPlan({
  connectors: [
    { id: 'onedrive', mode: 'admin' },
    { id: 'outlook-mail', mode: 'admin' },
  ],
  displayName: 'Contoso Sync',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
});

describe('setup-m365.sh against the emulated tenant', () => {
  let emu: Emulator;
  let proxy: GraphProxy;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // New objects are invisible for their first reads, as in Entra: the script must wait for them.
    emu = createEmulator({ faults: { replicationDelay: { requests: 1 } } });
    proxy = await startGraphProxy(emu);
    dir = mkdtempSync(join(tmpdir(), 'setup-m365-'));
    const token = await emu.mintAccessToken({ scopes: EXPORT_SCOPES });
    const bin = prepareM365Home(dir, token, new Date(Date.now() + 3_600_000));
    writeFileSync(join(dir, 'cert.cer'), Buffer.from(TEST_CERTIFICATE_BASE64, 'base64'));
    writeFileSync(
      join(dir, M365_CLI_FILE_NAME),
      m365CliScript({ plan, cloud: clouds.global, date: '2026-12-03' }),
    );
    env = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: dir,
      HTTPS_PROXY: proxy.url,
      CLIMICROSOFT365_NOUPDATE: '1',
      NODE_EXTRA_CA_CERTS: proxy.caFile,
      LANG: 'C.UTF-8',
    };
  });

  afterAll(async () => {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the script; a failure names what it printed, so the step that failed shows. */
  const runScript = () =>
    run('bash', [join(dir, M365_CLI_FILE_NAME)], { cwd: dir, env, timeout: 120_000 }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`The script failed.\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
      },
    );

  it('leaves the registration automatic mode leaves, and a second run changes nothing', async () => {
    const first = await runScript();
    const [app] = emu.applications();
    expect(emu.applications()).toHaveLength(1);
    if (!app) throw new Error('No application was created.');
    expect(app.uniqueName).toBe(plan.application.uniqueName);
    expect(app.displayName).toBe('Contoso Sync');
    expect(app.signInAudience).toBe('AzureADMultipleOrgs');
    expect(app.web?.redirectUris).toEqual(plan.application.web.redirectUris);
    expect(app.web?.implicitGrantSettings).toEqual(plan.application.web.implicitGrantSettings);
    expect(app.requiredResourceAccess).toEqual(plan.application.requiredResourceAccess);
    expect(app.keyCredentials.map((k) => k.customKeyIdentifier)).toEqual([
      TEST_CERTIFICATE_THUMBPRINT_BASE64,
    ]);
    const [secret, ...others] = emu.liveSecrets(app.id);
    expect(others).toEqual([]);
    expect(first.stdout).toContain(`Client ID: ${app.appId}`);
    expect(first.stdout).toContain(`Client Secret: ${secret?.secretText ?? 'none'}`);
    expect(first.stdout).toContain(`Custom Key Identifier: ${TEST_CERTIFICATE_THUMBPRINT_BASE64}`);
    expect(first.stdout).toContain(`Azure Directory ID: ${emu.tenantId}`);

    const sp = emu.servicePrincipal(app.appId);
    if (!sp) throw new Error('No service principal was created.');
    const spOf = (appId: string) => emu.servicePrincipal(appId)?.id;
    const delegated = plan.permissions.filter((p) => p.kind === 'delegated');
    expect(emu.grantsFor(sp.id).map((g) => ({ ...g, scope: g.scope.split(' ').sort() }))).toEqual(
      [...new Set(delegated.map((p) => p.api))].map((api) =>
        expect.objectContaining({
          consentType: 'AllPrincipals',
          principalId: null,
          resourceId: spOf(resourceApi(api).appId),
          scope: delegated
            .filter((p) => p.api === api)
            .map((p) => p.name)
            .sort(),
        }),
      ),
    );
    const roles = () =>
      emu
        .appRoleAssignmentsFor(sp.id)
        .map((r) => `${r.resourceId} ${r.appRoleId}`)
        .sort();
    expect(roles()).toEqual(
      plan.permissions
        .filter((p) => p.kind === 'application')
        .map((p) => `${spOf(resourceApi(p.api).appId)} ${p.id}`)
        .sort(),
    );
    const before = JSON.stringify({ app: emu.applications(), roles: roles(), grants: emu.grantsFor(sp.id) });

    const second = await runScript();
    expect(second.stdout).toContain('Found the registration');
    expect(second.stdout).toContain('The certificate is on the registration already.');
    expect(JSON.stringify({ app: emu.applications(), roles: roles(), grants: emu.grantsFor(sp.id) })).toBe(
      before,
    );
    expect(emu.liveSecrets(app.id)).toHaveLength(1);
    expect(proxy.outside).toEqual([]);
  }, 240_000);
});
