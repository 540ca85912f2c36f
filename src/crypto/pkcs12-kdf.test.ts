import forge from 'node-forge';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { binaryToBytes, bytesToBinary, utf8 } from './bytes';
import { pkcs12Kdf } from './pkcs12-kdf';
import { sha256, sha256Iterated } from './sha256';

/** forge's RFC 7292 implementation, which the integration test's OpenSSL checks also back up. */
function forgeKdf(
  hash: 'sha1' | 'sha256',
  password: string,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iter: number,
  n: number,
) {
  const buffer = forge.util.createBuffer(bytesToBinary(salt));
  return binaryToBytes(
    forge.pkcs12.generateKey(password, buffer, id, iter, n, forge.md[hash].create()).getBytes(),
  );
}

describe('sha256', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 1000])('matches node:crypto for %i bytes', (length) => {
    const data = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
    expect(Buffer.from(sha256(data)).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('iterates like repeated hashing', () => {
    let expected: Uint8Array = utf8('seed');
    for (let i = 0; i < 5; i++) expected = createHash('sha256').update(expected).digest();
    expect(Buffer.from(sha256Iterated(utf8('seed'), 5))).toEqual(Buffer.from(expected));
    expect(sha256Iterated(utf8('seed'), 1)).toEqual(sha256(utf8('seed')));
  });

  it('matches the FIPS 180-4 "abc" example', () => {
    expect(Buffer.from(sha256(utf8('abc'))).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('pkcs12Kdf', () => {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  it.each([
    ['sha256', 'Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D', 3, 2048, 32],
    ['sha256', '', 3, 1, 32],
    ['sha256', 'ünïcödé passphrase that is longer than one sixty-four byte block', 3, 10, 32],
    ['sha1', 'Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D', 1, 2048, 24],
    ['sha1', 'Kq7m-Xh3T-pQ9a-Ze4R-wYb2-Nc8D', 2, 2048, 8],
    ['sha1', '', 3, 2048, 20],
  ] as const)(
    '%s, password %j, id %i, %i iterations, %i bytes: same as forge',
    (hash, password, id, iter, n) => {
      expect(pkcs12Kdf(hash, password, salt, id, iter, n)).toEqual(
        forgeKdf(hash, password, salt, id, iter, n),
      );
    },
  );

  it('derives 100,000-iteration SHA-256 MAC keys quickly', () => {
    const start = performance.now();
    pkcs12Kdf('sha256', 'passphrase', salt, 3, 100_000, 32);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
