import { describe, expect, it } from 'vitest';
import { brandingLinkProblem } from './branding-links';

describe('brandingLinkProblem', () => {
  it('accepts an empty link (left out) and an https address', () => {
    expect(brandingLinkProblem('  ', 'privacy statement')).toBeNull();
    expect(brandingLinkProblem(' https://www.contoso.com/privacy ', 'privacy statement')).toBeNull();
  });

  it('says why each bad link will not do', () => {
    expect(brandingLinkProblem('http://www.contoso.com/terms', 'terms of service')).toBe(
      "Use https://: users are sent to your terms of service from Microsoft's sign-in pages, which link only to secure addresses.",
    );
    expect(brandingLinkProblem('www.contoso.com/privacy', 'privacy statement')).toBe(
      'Enter the full address of your privacy statement, starting with https://, such as https://www.example.com/privacy.',
    );
    expect(brandingLinkProblem('ftp://contoso.com/x', 'support page')).toBe(
      'Use an https:// address (not ftp:) for your support page.',
    );
    expect(brandingLinkProblem('https://localhost/help', 'support page')).toBe(
      "Use your support page's public address, such as https://www.example.com/: your users cannot open localhost.",
    );
    expect(brandingLinkProblem('https://me:pw@contoso.com/', 'home page')).toBe(
      'Remove the user name and password from the home page link.',
    );
    expect(brandingLinkProblem(`https://contoso.com/${'a'.repeat(2048)}`, 'home page')).toMatch(
      /^Shorten the home page link to 2048 characters or fewer \(it has 2068\)\.$/,
    );
    expect(brandingLinkProblem('https://contoso.com/\u202Eterms', 'terms of service')).toMatch(
      /^The terms of service link contains an invisible/,
    );
  });
});
