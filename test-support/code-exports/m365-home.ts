/**
 * A home folder in which CLI for Microsoft 365 is signed in with a token the emulator issued: its connection file
 * holds the access token for Microsoft Graph (as `m365 login` leaves it), its settings turn telemetry off, and a
 * `bin/m365` starts the package the project installs.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The CLI's entry point, as `npm install` placed it. */
export function m365EntryPoint(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@pnp/cli-microsoft365/package.json')), 'dist', 'index.js');
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
  const loader = join(here, 'm365-loader.mjs');
  writeFileSync(
    m365,
    `#!/bin/sh\nexec "${process.execPath}" --import "${loader}" "${m365EntryPoint()}" "$@"\n`,
  );
  chmodSync(m365, 0o755);
  return bin;
}
