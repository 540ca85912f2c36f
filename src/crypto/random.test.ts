import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64, toBase64, toBase64url, toHexUpper, toPem } from './bytes';
import { randomSerialNumber, randomUuid } from './random';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random values', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serial numbers are 16 bytes, positive and minimally encoded', () => {
    for (let i = 0; i < 500; i++) {
      const serial = randomSerialNumber();
      expect(serial).toHaveLength(16);
      expect(serial[0]).toBeGreaterThan(0);
      expect(serial[0]).toBeLessThan(0x80);
    }
  });

  it('a zero first byte becomes 1 rather than a non-minimal INTEGER', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      if (array instanceof Uint8Array) array.fill(0x80);
      return array;
    });
    expect(randomSerialNumber()[0]).toBe(1);
  });

  it('key ids are version 4 UUIDs, also where crypto.randomUUID is missing (plain HTTP pages)', () => {
    expect(randomUuid()).toMatch(uuidV4);
    // An own property shadows Crypto.prototype.randomUUID; deleting it restores the real one.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => randomUuid()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(uuidV4);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(randomUuid()).toMatch(uuidV4);
  });
});

describe('byte encodings', () => {
  const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x10]);
  it('base64 keeps padding and base64url drops it and uses - and _', () => {
    expect(toBase64(bytes)).toBe('+/+/ABA=');
    expect(toBase64url(bytes)).toBe('-_-_ABA');
    expect(fromBase64('+/+/\nABA=')).toEqual(bytes);
  });
  it('hex is uppercase without separators', () => {
    expect(toHexUpper(bytes)).toBe('FBFFBF0010');
  });
  it('PEM has 64-character lines', () => {
    const pem = toPem('CERTIFICATE', new Uint8Array(100));
    expect(pem.split('\n').map((l) => l.length)).toEqual([27, 64, 64, 8, 25, 0]);
  });
});
