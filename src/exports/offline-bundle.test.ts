import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { buildPlan } from '../plan/build-plan';
import type { ConnectorSelection } from '../plan/plan-types';
import type { CredentialFile } from './certificate-files';
import { manifestFor, requiredResourceAccessFor, type ManifestKeyCredential } from './manifest';
import { offlineBundleFiles } from './offline-bundle';
import { portalInstructions } from './portal-instructions';
import { zipFiles } from './zip-files';

const planOf = (connectors: ConnectorSelection[]) =>
  buildPlan({ connectors, displayName: 'Contoso Sync', redirectUris: ['https://a.example.com/cb'] });

const keyCredential: ManifestKeyCredential = {
  customKeyIdentifier: 'q80=',
  displayName: 'CN=ADomain',
  endDateTime: '2027-01-01T00:00:00.000Z',
  key: 'MIIB',
  keyId: '6f1c8a3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b',
  startDateTime: '2026-01-01T00:00:00.000Z',
  type: 'AsymmetricX509Cert',
  usage: 'Verify',
};
const der = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0xff]);
const file = (name: string, content: string | Uint8Array, secret = false): CredentialFile => ({
  name,
  description: '',
  type: '',
  content,
  secret,
});
const certificateFiles = [
  file('key.pem', '-----BEGIN ENCRYPTED PRIVATE KEY-----\n', true),
  file('cert.pem', '-----BEGIN CERTIFICATE-----\n'),
  file('cert.cer', der),
  file('key-credentials.json', '{"keyCredentials":[]}\n'),
  file('certificate.pfx', new Uint8Array([0x30, 0x80]), true),
];

describe('offline bundle', () => {
  it('holds the manifest, the permissions, every certificate file and the portal steps, byte for byte', () => {
    const plan = planOf([{ id: 'sharepoint', mode: 'admin' }]);
    const steps = portalInstructions({
      plan,
      privateKey: 'passphrase',
      cloud: clouds.global,
      platformName: 'K',
    });
    const unzipped = unzipSync(
      zipFiles(offlineBundleFiles({ plan, keyCredentials: [keyCredential], certificateFiles, steps })),
    );
    expect(Object.keys(unzipped)).toEqual([
      'manifest.json',
      'required-resource-access.json',
      'key.pem',
      'cert.pem',
      'cert.cer',
      'key-credentials.json',
      'certificate.pfx',
      'portal-steps.md',
    ]);
    const text = (name: string) => strFromU8(unzipped[name] ?? new Uint8Array());
    expect(JSON.parse(text('manifest.json'))).toEqual(
      JSON.parse(JSON.stringify(manifestFor(plan, [keyCredential]))),
    );
    expect(JSON.parse(text('manifest.json'))).toMatchObject({ keyCredentials: [keyCredential] });
    expect(JSON.parse(text('required-resource-access.json'))).toEqual(
      JSON.parse(JSON.stringify(requiredResourceAccessFor(plan))),
    );
    expect(unzipped['cert.cer']).toEqual(der);
    expect(text('key.pem')).toBe('-----BEGIN ENCRYPTED PRIVATE KEY-----\n');
    expect(text('portal-steps.md')).toMatch(/^# Portal steps for Contoso Sync\n/);
    expect(text('portal-steps.md')).toContain(`${steps.length}. ${steps.at(-1)?.title}`);
  });

  it('has no certificate files when the plan needs no certificate', () => {
    const plan = planOf([{ id: 'onedrive', mode: 'user' }]);
    const steps = portalInstructions({ plan, privateKey: null, cloud: clouds.global, platformName: 'K' });
    const files = offlineBundleFiles({ plan, keyCredentials: [], certificateFiles: [], steps });
    expect(files.map((f) => f.name)).toEqual([
      'manifest.json',
      'required-resource-access.json',
      'portal-steps.md',
    ]);
    expect(JSON.parse(String(files[0]?.content))).not.toHaveProperty('keyCredentials');
  });

  it('adds the plan as code when asked, next to the certificate the scripts read', () => {
    const plan = planOf([{ id: 'sharepoint', mode: 'admin' }]);
    const steps = portalInstructions({ plan, privateKey: 'none', cloud: clouds.usgov, platformName: 'K' });
    const files = offlineBundleFiles({
      plan,
      keyCredentials: [keyCredential],
      certificateFiles,
      steps,
      code: { cloud: clouds.usgov, date: '2026-12-03' },
    });
    expect(files.map((f) => f.name).slice(-5)).toEqual([
      'setup.sh',
      'setup.ps1',
      'setup-m365.sh',
      'main.tf',
      'main.bicep',
    ]);
    expect(files.map((f) => f.name)).toContain('cert.cer');
    expect(String(files.find((f) => f.name === 'setup.sh')?.content)).toContain(
      'az cloud set --name AzureUSGovernment',
    );
  });

  it('refuses two files with one name rather than dropping one', () => {
    expect(() => zipFiles([file('a.txt', 'one'), file('a.txt', 'two')])).toThrow(/Two files are named a.txt/);
  });
});
