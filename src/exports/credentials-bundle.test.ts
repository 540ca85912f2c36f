import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FILE_NAMES } from './certificate-files';
import { credentialsJson, credentialsZip, type PlatformCredentials } from './credentials-bundle';

const credentials: PlatformCredentials = {
  platformName: 'Kloudless',
  clientId: '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
  clientSecret: { value: 'abc~secret', expires: '2027-11-27T00:00:00.000Z' },
  certificate: {
    customKeyIdentifier: 'u3aqEMzwmO/X6zdTkBwrbOCxpbQ=',
    thumbprintSha1Hex: 'BB76AA10CCF098EFD7EB3753901C2B6CE0B1A5B4',
    privateKeyPassphrase: 'Abcd-Efgh',
    privateKeyFile: 'key.pem',
  },
  azureDirectoryId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  application: { objectId: 'o', displayName: 'Contoso Sync' },
};

describe('credentials bundle', () => {
  it('names each value as the platform page does', () => {
    expect(JSON.parse(credentialsJson(credentials))).toEqual({
      platform: 'Kloudless',
      'Client ID': credentials.clientId,
      'Client Secret': 'abc~secret',
      'Client Secret expires': '2027-11-27T00:00:00.000Z',
      'Custom Key Identifier': 'u3aqEMzwmO/X6zdTkBwrbOCxpbQ=',
      'Private key passphrase': 'Abcd-Efgh',
      'The private key file': 'key.pem',
      'Certificate thumbprint (SHA-1)': 'BB76AA10CCF098EFD7EB3753901C2B6CE0B1A5B4',
      'Azure Directory ID': '72f988bf-86f1-41af-91ab-2d7cd011db47',
      application: { objectId: 'o', displayName: 'Contoso Sync' },
    });
  });

  it('leaves out the certificate fields when there is no certificate', () => {
    const json = JSON.parse(credentialsJson({ ...credentials, certificate: null })) as Record<
      string,
      unknown
    >;
    expect(Object.keys(json)).toEqual([
      'platform',
      'Client ID',
      'Client Secret',
      'Client Secret expires',
      'Azure Directory ID',
      'application',
    ]);
  });

  it('leaves out the secret when the run added none', () => {
    const json = JSON.parse(credentialsJson({ ...credentials, clientSecret: null })) as Record<
      string,
      unknown
    >;
    expect(json).not.toHaveProperty('Client Secret');
    expect(json).not.toHaveProperty('Client Secret expires');
    expect(json['Client ID']).toBe(credentials.clientId);
  });

  it('zips credentials.json and the files byte for byte', () => {
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0xff]);
    const zip = credentialsZip(credentials, [
      {
        name: 'key.pem',
        description: '',
        type: '',
        content: '-----BEGIN ENCRYPTED PRIVATE KEY-----\n',
        secret: true,
      },
      { name: 'cert.cer', description: '', type: '', content: der, secret: false },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['cert.cer', 'credentials.json', 'key.pem']);
    expect(JSON.parse(strFromU8(files[CREDENTIAL_FILE_NAMES.credentials] ?? new Uint8Array()))).toMatchObject(
      {
        'Client Secret': 'abc~secret',
      },
    );
    expect(files['cert.cer']).toEqual(der);
    expect(strFromU8(files['key.pem'] ?? new Uint8Array())).toBe('-----BEGIN ENCRYPTED PRIVATE KEY-----\n');
  });
});
