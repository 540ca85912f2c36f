import { describe, expect, it } from 'vitest';
import { characterCount, hiddenCharacterProblem, hiddenCharacters, showHidden } from './hidden-characters';

const wording = { subject: 'The value', noun: 'the value', where: 'in the portal' };

describe('hidden characters', () => {
  it('finds each bidirectional control, invisible and control character once, in order', () => {
    expect(
      hiddenCharacters('a\u202Eb\u200Bc\u202Ed\te').map((c) => [c.codePoint, c.name, c.control]),
    ).toEqual([
      ['U+202E', 'right-to-left override', false],
      ['U+200B', 'zero-width space', false],
      ['U+0009', 'tab', true],
    ]);
  });

  it('lets emoji keep their variation selectors and skin tones', () => {
    expect(hiddenCharacters('❤️ 👍🏽 ☺︎')).toEqual([]);
  });

  it('names unlisted characters by their kind', () => {
    expect(hiddenCharacterProblem('a\u2061b', wording)).toMatch(
      /an invisible formatting character \(U\+2061\)/,
    );
    expect(hiddenCharacterProblem('a\u{E0041}b', wording)).toMatch(/an invisible tag character \(U\+E0041\)/);
    expect(hiddenCharacterProblem('a\u0085b', wording)).toMatch(/a control character \(U\+0085\), a control/);
  });

  it('lists control characters among invisible ones', () => {
    expect(hiddenCharacterProblem('a\u200E\nb', wording)).toBe(
      'The value contains invisible characters: a left-to-right mark (U+200E) and a line break (U+000A), which can make it display as something else in the portal. Remove them and type the value again.',
    );
  });

  it('writes hidden characters as code points when a value is repeated back', () => {
    expect(showHidden('Contoso \u202Eexe.fdp')).toBe('Contoso [U+202E]exe.fdp');
    expect(showHidden('❤️ ok')).toBe('❤️ ok');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(characterCount('😀'.repeat(65))).toBe(65);
    expect(characterCount('é')).toBe(1);
  });
});
