import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createSecretMaterial, findSecrets, secretsInFile } from './secret-search';

const KEY_BODY = 'MIIJnzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI3cPz0Yb1pQoCAggA';
const KEY_PEM = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${KEY_BODY}\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n`;
const CREDENTIALS = JSON.stringify({
  'Client ID': '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
  'Client Secret': 'Qx8~secret.text_0123456789',
  'Private key passphrase': 'maple-river-canyon-42',
});

describe('secretsInFile', () => {
  it('takes the key body, the PFX and credentials.json’s secrets, inside ZIPs too', () => {
    const pfx = new Uint8Array([48, 130, 10, 1, 2, 3, 4, 5, 6, 7]);
    const zip = zipSync({
      'key.pem': strToU8(KEY_PEM),
      'certificate.pfx': pfx,
      'credentials.json': strToU8(CREDENTIALS),
      'cert.pem': strToU8('-----BEGIN CERTIFICATE-----\nMIIFpublic\n-----END CERTIFICATE-----\n'),
    });
    expect(secretsInFile('credentials.zip', zip)).toEqual([
      { what: 'the private key in credentials.zip/key.pem', value: KEY_BODY },
      {
        what: 'credentials.zip/certificate.pfx (its bytes in base64)',
        value: Buffer.from(pfx).toString('base64'),
      },
      { what: '“Client Secret” of credentials.zip/credentials.json', value: 'Qx8~secret.text_0123456789' },
      {
        what: '“Private key passphrase” of credentials.zip/credentials.json',
        value: 'maple-river-canyon-42',
      },
    ]);
    expect(secretsInFile('manifest.json', strToU8('{"keyCredentials":[]}'))).toEqual([]);
  });
});

describe('findSecrets', () => {
  const material = createSecretMaterial();
  material.add('the passphrase', 'maple-river-canyon-42');
  material.add('too short to tell', 'abc');
  material.addSource(() => [{ what: 'the client secret', value: 'Qx8~secret.text_0123456789' }]);
  const secrets = material.values();

  it('reads sources when asked, and ignores values too short to tell apart', () => {
    expect(secrets.map((s) => s.what)).toEqual(['the passphrase', 'the client secret']);
  });

  it('names each secret and place it found, without the secret', () => {
    const found = findSecrets(
      [
        { where: 'localStorage key “a”', text: 'a\n{"x":"maple-river-canyon-42"}' },
        { where: 'the address of page 1', text: 'http://localhost/?s=Qx8~secret.text_0123456789' },
        {
          where: 'history entry 2 of page 1',
          text: `http://localhost/?p=${encodeURIComponent('a b')}&s=${encodeURIComponent('Qx8~secret.text_0123456789')}`,
        },
        { where: 'console message 3 (log)', text: 'Bearer eyJ0eXAiOiJKV1QiLCJh.eyJhdWQiOiJodHRwczov.c2ln' },
        { where: 'IndexedDB store “k”', text: KEY_PEM },
        { where: 'sessionStorage key “msal.interaction.status”', text: 'plain progress, nothing secret' },
      ],
      secrets,
    );
    expect(found).toEqual([
      'the passphrase: in localStorage key “a”',
      'the client secret: in the address of page 1',
      'the client secret: in history entry 2 of page 1',
      'a JWT (an access or ID token): in console message 3 (log)',
      'a PEM private key (“PRIVATE KEY”): in IndexedDB store “k”',
    ]);
    expect(found.join('\n')).not.toContain('maple-river');
  });
});
