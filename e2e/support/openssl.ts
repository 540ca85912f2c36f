/**
 * Checks of certificate files with the OpenSSL command line, the tool the procedure itself uses. Node only: the
 * vitest integration test of src/crypto and the browser end-to-end test (on the files the UI downloads) share it.
 * Passphrases reach OpenSSL through an environment variable (`-passin env:`), never the command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const passEnv = 'ENTRA_WIZARD_TEST_PASS';

/** Runs openssl; returns stdout and stderr (some commands report on stderr). Throws with stderr when it fails. */
export function runOpenssl(
  args: string[],
  options: { passphrase?: string; input?: string | Uint8Array } = {},
): { stdout: string; stderr: string } {
  const result = spawnSync('openssl', args, {
    env: { ...process.env, [passEnv]: options.passphrase ?? '' },
    input: options.input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`openssl ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.trim()}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Runs openssl and returns stdout. */
export function openssl(
  args: string[],
  options: { passphrase?: string; input?: string | Uint8Array } = {},
): string {
  return runOpenssl(args, options).stdout;
}

// Always given (empty for null) so OpenSSL never stops to prompt on a terminal; unencrypted keys ignore it.
const passin = ['-passin', `env:${passEnv}`];

/** What `openssl x509 -text` says about a certificate. */
export interface CertificateReport {
  text: string;
  /** `openssl x509 -subject -nameopt RFC2253`, e.g. `CN=ADomain,O=An Org,ST=Some-State,C=AU`. */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** e.g. `sha256WithRSAEncryption`. */
  signatureAlgorithm: string;
  /** RSA modulus length, e.g. 4096. */
  publicKeyBits: number;
  /** Uppercase hex modulus. */
  modulus: string;
  /** Uppercase hex serial. */
  serial: string;
  /** True when basicConstraints says CA:FALSE. */
  caFalse: boolean;
}

function field(text: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`openssl output has no ${what}:\n${text}`);
  return match[1].trim();
}

/** Parses a PEM (or, with `der`, DER) certificate file with `openssl x509`. */
export function readCertificate(path: string, format: 'PEM' | 'DER' = 'PEM'): CertificateReport {
  const base = ['x509', '-in', path, '-inform', format, '-noout'];
  const text = openssl([...base, '-text']);
  const info = openssl([
    ...base,
    '-subject',
    '-issuer',
    '-startdate',
    '-enddate',
    '-serial',
    '-modulus',
    '-nameopt',
    'RFC2253,-esc_msb',
  ]);
  return {
    text,
    subject: field(info, /^subject=(.*)$/m, 'subject'),
    issuer: field(info, /^issuer=(.*)$/m, 'issuer'),
    notBefore: new Date(field(info, /^notBefore=(.*)$/m, 'notBefore')),
    notAfter: new Date(field(info, /^notAfter=(.*)$/m, 'notAfter')),
    signatureAlgorithm: field(text, /Signature Algorithm: (\S+)/, 'signature algorithm'),
    publicKeyBits: Number(field(text, /Public-Key: \((\d+) bit\)/, 'key size')),
    modulus: field(info, /^Modulus=(.*)$/m, 'modulus').toUpperCase(),
    serial: field(info, /^serial=(.*)$/m, 'serial').toUpperCase(),
    caFalse: /X509v3 Basic Constraints:.*\n\s*CA:FALSE/.test(text),
  };
}

/** `openssl x509 -fingerprint -sha1`, as uppercase hex without colons. */
export function fingerprintSha1(path: string, format: 'PEM' | 'DER' = 'PEM'): string {
  const out = openssl(['x509', '-in', path, '-inform', format, '-noout', '-fingerprint', '-sha1']);
  return field(out, /Fingerprint=([0-9A-F:]+)/i, 'fingerprint')
    .replace(/:/g, '')
    .toUpperCase();
}

/** Decrypts a private key file with `openssl pkey`; returns the unencrypted PKCS#8 PEM. Throws on a wrong passphrase. */
export function decryptKey(path: string, passphrase: string | null): string {
  return openssl(['pkey', '-in', path, ...passin], { passphrase: passphrase ?? undefined });
}

/** RSA modulus of a private key file, uppercase hex. */
export function keyModulus(path: string, passphrase: string | null): string {
  const out = openssl(['rsa', '-in', path, '-noout', '-modulus', ...passin], {
    passphrase: passphrase ?? undefined,
  });
  return field(out, /^Modulus=(.*)$/m, 'modulus').toUpperCase();
}

/** `openssl asn1parse` of a PEM file. */
export function asn1Parse(path: string): string {
  return openssl(['asn1parse', '-in', path]);
}

/** What `openssl pkcs12 -info -nodes` extracted and reported. */
export interface Pkcs12Report {
  /** Everything openssl printed on stdout: bag attributes, the certificate and the unencrypted key. */
  contents: string;
  /** The -info lines (stderr), e.g. `MAC: sha256, Iteration 100000` and the bag algorithms. */
  info: string;
  /** MAC digest, e.g. `sha256`. */
  macAlgorithm: string;
  macIterations: number;
}

/** Opens a PFX with `openssl pkcs12` (OpenSSL 3 defaults, no legacy provider); throws when it cannot. */
export function openPkcs12(path: string, passphrase: string): Pkcs12Report {
  const { stdout, stderr } = runOpenssl(
    ['pkcs12', '-in', path, '-info', '-nodes', '-passin', `env:${passEnv}`],
    {
      passphrase,
    },
  );
  const mac = /MAC: (\S+), Iteration (\d+)/.exec(stderr);
  return {
    contents: stdout,
    info: stderr,
    macAlgorithm: mac?.[1] ?? '',
    macIterations: Number(mac?.[2] ?? 0),
  };
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A JWT client assertion header as Entra expects it: RS256 with the certificate thumbprint in `x5t`. */
export function clientAssertionHeader(thumbprintBase64url: string): string {
  return JSON.stringify({ alg: 'RS256', typ: 'JWT', x5t: thumbprintBase64url });
}

/** Signs a JWT (RS256) with a private key file via `openssl dgst -sha256 -sign`. */
export function signJwtWithKey(
  header: string,
  payload: string,
  keyPath: string,
  passphrase: string | null,
): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
  try {
    const dataPath = join(dir, 'data');
    const sigPath = join(dir, 'sig');
    writeFileSync(dataPath, signingInput);
    openssl(['dgst', '-sha256', '-sign', keyPath, ...passin, '-out', sigPath, dataPath], {
      passphrase: passphrase ?? undefined,
    });
    return `${signingInput}.${base64url(readFileSync(sigPath))}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Verifies a JWT's RS256 signature with the public key of a certificate file, the way Entra checks assertions. */
export function verifyJwtWithCertificate(jwt: string, certificatePath: string): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
  try {
    const pubPath = join(dir, 'pub.pem');
    const dataPath = join(dir, 'data');
    const sigPath = join(dir, 'sig');
    writeFileSync(pubPath, openssl(['x509', '-in', certificatePath, '-noout', '-pubkey']));
    writeFileSync(dataPath, `${header}.${payload}`);
    writeFileSync(sigPath, Buffer.from(signature, 'base64url'));
    try {
      return /Verified OK/.test(
        openssl(['dgst', '-sha256', '-verify', pubPath, '-signature', sigPath, dataPath]),
      );
    } catch {
      return false;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
