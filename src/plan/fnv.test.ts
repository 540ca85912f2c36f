import { describe, expect, it } from 'vitest';
import { fnv1a } from './fnv';

// The test vectors published with FNV (http://www.isthe.com/chongo/tech/comp/fnv/).
describe('FNV-1a', () => {
  it.each([
    ['', '811c9dc5', 'cbf29ce484222325'],
    ['a', 'e40c292c', 'af63dc4c8601ec8c'],
    ['foobar', 'bf9cf968', '85944171f73967e8'],
  ])('hashes %j as the published vectors', (text, hash32, hash64) => {
    expect(fnv1a(text, 32)).toBe(hash32);
    expect(fnv1a(text, 64)).toBe(hash64);
  });

  it('hashes the UTF-8 bytes, so scripts beyond Latin stay apart', () => {
    expect(fnv1a('Продажи 365', 64)).not.toBe(fnv1a('Маркетинг 365', 64));
    expect(fnv1a('é', 32)).toBe(fnv1a('\u00e9', 32));
    expect(fnv1a('é', 32)).not.toBe(fnv1a('e\u0301', 32));
  });
});
