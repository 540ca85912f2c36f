import { describe, expect, it } from 'vitest';
import { decodeJwt, TokenSigner } from './jwt';
import { seededRandom } from './random';

describe('TokenSigner', () => {
  it('signs RS256 tokens that verify, under a kid of its own', async () => {
    const signer = new TokenSigner(seededRandom(1));
    const token = await signer.sign({ sub: 'someone' });
    expect(await signer.verify(token)).toBe(true);
    const { keys } = await signer.jwks();
    expect(keys).toHaveLength(1);
    expect(JSON.parse(atob(token.split('.')[0] ?? ''))).toMatchObject({ alg: 'RS256', kid: keys[0]?.kid });
    expect(decodeJwt(token)).toEqual({ sub: 'someone' });
    expect(await signer.verify(`${token.slice(0, -4)}AAAA`)).toBe(false);
  });

  it('shares one key pair across the emulators of a process, so a new emulator generates no key', async () => {
    const first = new TokenSigner(seededRandom(1));
    const second = new TokenSigner(seededRandom(2));
    const [a, b] = await Promise.all([first.jwks(), second.jwks()]);
    expect(b.keys[0]?.n).toBe(a.keys[0]?.n);
    expect(b.keys[0]?.kid).not.toBe(a.keys[0]?.kid);
  });
});
