/**
 * A home folder in which CLI for Microsoft 365 is signed in with a token the emulator issued: its connection file
 * holds the access token for Microsoft Graph (as `m365 login` leaves it), its settings turn telemetry off, and a
 * `bin/m365` starts the package the project installs.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The folder of the CLI's package, as `npm install` placed it. */
function m365PackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@pnp/cli-microsoft365/package.json'));
}

/**
 * A `node_modules` in `dir` that holds the project's packages as links, except `applicationinsights`, which is the stub
 * (applicationinsights-stub.mjs): the tests turn the CLI's telemetry off, but loading the real module costs more than
 * the rest of a command's start. Node runs the CLI from here with `--preserve-symlinks`, so the CLI's modules resolve
 * their imports in this folder. Returns the CLI's entry point in it.
 *
 * A resolve hook (`module.register`) would do the same, but in Node 20 it answers every import of every command from a
 * second thread: each of the test's commands then takes about 0.8 s of CPU instead of 0.5 s.
 */
function linkCliModules(dir: string): string {
  const cliDir = m365PackageDir();
  const projectModules = dirname(dirname(cliDir));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@pnp'), { recursive: true });
  for (const entry of readdirSync(projectModules)) {
    if (entry === '@pnp' || entry === 'applicationinsights' || entry.startsWith('.')) continue;
    symlinkSync(join(projectModules, entry), join(modules, entry));
  }
  for (const entry of readdirSync(join(projectModules, '@pnp')))
    symlinkSync(join(projectModules, '@pnp', entry), join(modules, '@pnp', entry));
  const stub = join(modules, 'applicationinsights');
  mkdirSync(stub);
  copyFileSync(join(here, 'applicationinsights-stub.mjs'), join(stub, 'index.mjs'));
  writeFileSync(
    join(stub, 'package.json'),
    JSON.stringify({ name: 'applicationinsights', version: '0.0.0', type: 'module', main: 'index.mjs' }),
  );
  return join(modules, '@pnp', 'cli-microsoft365', 'dist', 'index.js');
}

/** Prepares `home` and returns the folder to put first on PATH. */
export function prepareM365Home(home: string, graphToken: string, expiresOn: Date): string {
  const connection = {
    active: true,
    name: 'emulator',
    authType: 'deviceCode',
    tenant: 'common',
    cloudType: 'Public',
    certificateType: 0,
    identityName: 'admin@contoso.onmicrosoft.com',
    accessTokens: {
      'https://graph.microsoft.com': { expiresOn: expiresOn.toISOString(), accessToken: graphToken },
    },
  };
  writeFileSync(join(home, '.cli-m365-connection.json'), JSON.stringify(connection));
  writeFileSync(join(home, '.cli-m365-all-connections.json'), JSON.stringify([connection]));
  const configstore = join(home, '.config', 'configstore');
  mkdirSync(configstore, { recursive: true });
  writeFileSync(
    join(configstore, 'cli-m365-config.json'),
    JSON.stringify({ disableTelemetry: true, autoOpenLinksInBrowser: false, output: 'json' }),
  );
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  const m365 = join(bin, 'm365');
  const entryPoint = linkCliModules(join(home, 'cli'));
  writeFileSync(
    m365,
    `#!/bin/sh\nexec "${process.execPath}" --preserve-symlinks --preserve-symlinks-main "${entryPoint}" "$@"\n`,
  );
  chmodSync(m365, 0o755);
  return bin;
}
