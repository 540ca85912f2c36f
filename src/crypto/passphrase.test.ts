import { describe, expect, it } from 'vitest';
import { generatePassphrase, passphraseAlphabet, passphraseGroupSize, passphraseLength } from './passphrase';
import { estimatePassphraseStrength } from './passphrase-strength';

describe('generatePassphrase', () => {
  it('uses an alphabet without look-alike characters', () => {
    expect(passphraseAlphabet).toHaveLength(56);
    expect(new Set(passphraseAlphabet).size).toBe(56);
    for (const ambiguous of '0Oo1lI') expect(passphraseAlphabet).not.toContain(ambiguous);
  });

  it('returns 24 alphabet characters in hyphen-separated groups of four', () => {
    const passphrase = generatePassphrase();
    expect(passphrase).toMatch(/^[^-]{4}(-[^-]{4}){5}$/);
    const chars = passphrase.replace(/-/g, '');
    expect(chars).toHaveLength(passphraseLength);
    expect(passphraseGroupSize).toBe(4);
    for (const c of chars) expect(passphraseAlphabet).toContain(c);
  });

  it('gives distinct passphrases on every draw', () => {
    const draws = new Set(Array.from({ length: 1000 }, () => generatePassphrase()));
    expect(draws.size).toBe(1000);
  });

  it('uses every character of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const c of generatePassphrase().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    // 48,000 characters over 56 symbols: about 857 each. Loose bounds, so the test only fails on real bias.
    expect(counts.size).toBe(56);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(700);
      expect(n).toBeLessThan(1020);
    }
  });

  it('discards random bytes that would bias the modulo', () => {
    // 224 and above are rejected (224 = 4 × 56); 0 and 55 map to the first and last symbol.
    const bytes = [255, 224, 0, 55, 230, 56];
    let position = 0;
    const passphrase = generatePassphrase((buffer) => {
      for (let i = 0; i < buffer.length; i++) buffer[i] = bytes[position++ % bytes.length] ?? 0;
    });
    expect(passphrase.slice(0, 4)).toBe('A9AA');
  });
});

describe('estimatePassphraseStrength', () => {
  it('calls generated passphrases strong', () => {
    const result = estimatePassphraseStrength(generatePassphrase());
    expect(result.label).toBe('strong');
    expect(result.bits).toBeGreaterThanOrEqual(80);
  });

  it('calls short, repetitive or common passphrases too weak', () => {
    for (const weak of [
      '',
      'secret',
      'Password1!',
      'aaaaaaaaaaaaaaaaaaaaaaaa',
      'abcdefghijklmnopqrstuvwx',
      'qwertyuiop123456',
    ]) {
      const result = estimatePassphraseStrength(weak);
      expect(result.label, weak).toBe('too-weak');
      expect(result.hint).toMatch(/^Too weak: /);
    }
  });

  it('calls 12 random mixed characters fair and 16 strong', () => {
    expect(estimatePassphraseStrength('h7Rq2mXv9KpT').label).toBe('fair');
    expect(estimatePassphraseStrength('h7Rq2mXv9KpT').hint).toMatch(/^Fair: /);
    expect(estimatePassphraseStrength('h7Rq2mXv9KpTz4Wb').label).toBe('strong');
  });

  it('rates a pattern lower than random characters of the same length and classes', () => {
    expect(estimatePassphraseStrength('Abcdefgh1234').bits).toBeLessThan(
      estimatePassphraseStrength('Hqzmvbtr7294').bits,
    );
  });
});
