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
  ])('rejects "%s"', (uri, message) => {
    expect(redirectUriProblem(uri)).toMatch(message);
  });
});

describe('displayNameProblem', () => {
  it('accepts a normal name and one of exactly 120 characters', () => {
    expect(displayNameProblem('Contoso Sync')).toBeNull();
    expect(displayNameProblem('x'.repeat(120))).toBeNull();
  });

  it.each([
    ['   ', /Enter a name/],
    ['x'.repeat(121), /120 characters or fewer \(it has 121\)/],
    ['Contoso\tSync', /control characters/],
  ])('rejects %j', (name, message) => {
    expect(displayNameProblem(name)).toMatch(message);
  });
});
