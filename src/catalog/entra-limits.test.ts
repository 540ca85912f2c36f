import { describe, expect, it } from 'vitest';
import { displayNameProblem, redirectUriProblem } from './entra-limits';

describe('redirectUriProblem', () => {
  it.each([
    'https://api.example.com/v1/oauth/callback',
    'https://api.example.com/cb?tenant=contoso',
    'http://localhost:3000/callback',
    'http://127.0.0.1/cb',
    `https://example.com/${'a'.repeat(256 - 'https://example.com/'.length)}`,
  ])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ['', /Enter a redirect URI/],
    ['http://example.com/cb', /Use https:\/\//],
    ['ftp://example.com/cb', /Use https:\/\//],
    ['https://*.example.com/cb', /wildcard/],
    ['https://example.com/cb#section', /fragment/],
    ["https://example.com/it's", /"'"/],
    ['https://example.com/a,b;c', /",", ";"/],
    ['https://example.com/(x)', /"\(", "\)"/],
    ['https://example.com/$', /"\$"/],
    ['https://example.com/!', /"!"/],
    ['/relative/callback', /absolute URI/],
    [`https://example.com/${'a'.repeat(250)}`, /256 characters or fewer \(it has 270\)/],
    ['https://example.com/\u202Ecb', /invisible right-to-left override \(U\+202E\).*type the URI again/],
    ['https://exa\u200Bmple.com/cb', /invisible zero-width space \(U\+200B\)/],
    ['https://example.com/c\tb', /a tab \(U\+0009\), a control character/],
  ])('rejects "%s"', (uri, message) => {
    expect(redirectUriProblem(uri)).toMatch(message);
  });
});

describe('displayNameProblem', () => {
  it('accepts a normal name and one of exactly 120 characters', () => {
    expect(displayNameProblem('Contoso Sync')).toBeNull();
    expect(displayNameProblem('x'.repeat(120))).toBeNull();
  });

  it('counts characters, so 120 emoji fit and 121 are reported as 121', () => {
    expect(displayNameProblem('🚀'.repeat(120))).toBeNull();
    expect(displayNameProblem('🚀'.repeat(121))).toBe(
      'Shorten the name to 120 characters or fewer (it has 121).',
    );
  });

  it.each([
    ['   ', /Enter a name/],
    ['x'.repeat(121), /120 characters or fewer \(it has 121\)/],
    ['Contoso\tSync', /a tab \(U\+0009\), a control character\. Remove control characters/],
    ['Contoso\u2028Sync', /a line separator \(U\+2028\), a control character/],
  ])('rejects %j', (name, message) => {
    expect(displayNameProblem(name)).toMatch(message);
  });

  it('refuses a right-to-left override, naming it, since it makes the consent prompt show another name', () => {
    expect(displayNameProblem('Contoso \u202Eexe.fdp')).toBe(
      'The name contains an invisible right-to-left override (U+202E), which can make it display as something else on the consent prompt. Remove it and type the name again.',
    );
  });

  it.each([
    '200E',
    '200F',
    '202A',
    '202B',
    '202C',
    '202D',
    '202E',
    '2066',
    '2067',
    '2068',
    '2069',
    '061C',
    '200B',
    '200C',
    '200D',
    '2060',
    'FEFF',
    '180E',
    '00AD',
    '3164',
    'E0041',
  ])('refuses U+%s inside a name', (hex) => {
    const problem = displayNameProblem(`Con${String.fromCodePoint(parseInt(hex, 16))}toso`);
    expect(problem).toMatch(new RegExp(`\\(U\\+${hex}\\).*consent prompt`));
  });

  it('names each invisible character once and asks to remove them all', () => {
    expect(displayNameProblem('A\u200bB\u202eC\u200bD')).toBe(
      'The name contains invisible characters: a zero-width space (U+200B) and a right-to-left override (U+202E), which can make it display as something else on the consent prompt. Remove them and type the name again.',
    );
  });

  it.each([
    'Contoso Синхронизация',
    'كونتوسو للمزامنة',
    'קונטוסו',
    'Contoso 🚀 Sync',
    'Café Sync',
    'コントソ同期',
  ])('accepts the visible letters and symbols of any script: %s', (name) => {
    expect(displayNameProblem(name)).toBeNull();
  });
});
