/** A throwaway TLS certificate for Microsoft's hosts, for the local servers that stand in for them in tests. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The hosts the wizard talks to in the global cloud: the emulator answers both. */
export const MICROSOFT_HOSTS = ['graph.microsoft.com', 'login.microsoftonline.com'] as const;

/**
 * A self-signed P-256 certificate for `hosts`, valid two days, made with openssl in `dir`. `authority` marks it as a
 * CA (`basicConstraints=critical,CA:TRUE`), for clients that take it as a trust anchor (`NODE_EXTRA_CA_CERTS`).
 */
export async function throwawayCertificate(
  dir: string,
  { hosts = MICROSOFT_HOSTS, authority = false }: { hosts?: readonly string[]; authority?: boolean } = {},
): Promise<{ key: string; cert: string; certFile: string }> {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    `/CN=${hosts[0]}`,
    '-addext',
    `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ...(authority ? ['-addext', 'basicConstraints=critical,CA:TRUE'] : []),
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8'), certFile };
}
