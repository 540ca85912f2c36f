import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { initialAnswers } from './answers';
import { parseShareLink, shareLinkQuery } from './share-link';

describe('parseShareLink', () => {
  it('reads the example link from the docs', () => {
    expect(parseShareLink('?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync')).toEqual({
      answers: {
        connectors: [
          { id: 'sharepoint', mode: 'admin' },
          { id: 'outlook-mail', mode: 'user' },
        ],
        displayName: 'Contoso Sync',
      },
      problems: [],
    });
  });

  it('defaults a connector without a mode to user', () => {
    expect(parseShareLink('connectors=teams').answers.connectors).toEqual([{ id: 'teams', mode: 'user' }]);
  });

  it('reports and ignores unknown connectors, bad modes and repeats', () => {
    const { answers, problems } = parseShareLink(
      '?connectors=dropbox,teams:owner,onedrive:admin,onedrive:user',
    );
    expect(answers.connectors).toEqual([{ id: 'onedrive', mode: 'admin' }]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/unknown connector "dropbox"/);
    expect(problems[1]).toMatch(/"teams:owner".*"user" or "admin"/);
    expect(problems[2]).toMatch(/more than once/);
  });

  it('reports a bad name and keeps the rest', () => {
    const { answers, problems } = parseShareLink(`?name=${'x'.repeat(200)}&connectors=teams:admin`);
    expect(answers.displayName).toBeUndefined();
    expect(answers.connectors).toEqual([{ id: 'teams', mode: 'admin' }]);
    expect(problems[0]).toMatch(/120 characters/);
  });

  it('refuses a name with a right-to-left override and says which character it is', () => {
    const { answers, problems } = parseShareLink('?name=Contoso%20%E2%80%AEexe.fdp&connectors=teams');
    expect(answers.displayName).toBeUndefined();
    expect(answers.connectors).toEqual([{ id: 'teams', mode: 'user' }]);
    expect(problems).toEqual([
      'The name in the link was ignored. The name contains an invisible right-to-left override (U+202E), which can make it display as something else on the consent prompt. Remove it and type the name again.',
    ]);
  });

  it('reads redirect URIs per connector and rejects bad ones', () => {
    const { answers, problems } = parseShareLink(
      '?redirect.teams=https%3A%2F%2Fa.example.com%2Fcb&redirect.sharepoint=http%3A%2F%2Fb.example.com&redirect.box=https%3A%2F%2Fc.example.com',
    );
    expect(answers.redirectUris).toEqual({ teams: 'https://a.example.com/cb' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/redirect\.sharepoint.*https/);
    expect(problems[1]).toMatch(/"box" is not a connector/);
  });

  it('repeats at most 60 characters of a bad value, with its length, so a huge value cannot flood the page', () => {
    const { problems } = parseShareLink(`?connectors=${'x'.repeat(10_000)}:user,${'y'.repeat(60)}`);
    expect(problems).toEqual([
      `The link names an unknown connector "${'x'.repeat(60)}…" (10000 characters). Known connectors: teams, onedrive, onedrive-business, outlook-calendar, outlook-mail, sharepoint.`,
      `The link names an unknown connector "${'y'.repeat(60)}". Known connectors: teams, onedrive, onedrive-business, outlook-calendar, outlook-mail, sharepoint.`,
    ]);
    const long = parseShareLink(
      `?connectors=teams:${'z'.repeat(5000)}&redirect.${'w'.repeat(5000)}=x`,
    ).problems;
    expect(long).toHaveLength(2);
    for (const problem of long) expect(problem.length).toBeLessThan(250);
    expect(long[0]).toMatch(/"teams:z+…" \(5006 characters\)/);
    expect(long[1]).toMatch(/"redirect\.w+…" \(5009 characters\)/);
  });

  it('reports each problem once and at most 20 of them, so a long list cannot flood the page', () => {
    expect(parseShareLink('?connectors=dropbox,dropbox').problems).toHaveLength(1);
    const many = Array.from({ length: 500 }, (_, i) => `c${i}`).join(',');
    const { problems } = parseShareLink(`?connectors=${many}`);
    expect(problems).toHaveLength(21);
    expect(problems[19]).toMatch(/unknown connector "c19"/);
    expect(problems[20]).toBe('The link has 480 more problems like these; they were ignored too.');
  });

  it('shows hidden characters of a repeated value by their code points', () => {
    expect(parseShareLink('?connectors=tea%E2%80%AEms').problems[0]).toMatch(
      /unknown connector "tea\[U\+202E\]ms"/,
    );
  });

  it('reports a broken %-escape instead of applying what is left of the value', () => {
    const { answers, problems } = parseShareLink(
      '?name=Contoso%E0%A&connectors=teams%ZZ&redirect.teams=https://a.example.com/%E0&redirect.onedrive=https://b.example.com/cb',
    );
    expect(answers).toEqual({ redirectUris: { onedrive: 'https://b.example.com/cb' } });
    expect(problems).toEqual([
      'The connector list in the link was ignored: it has a broken %-escape ("teams%ZZ"). Copy the whole link again; a "%" itself is written %25.',
      'The name in the link was ignored: it has a broken %-escape ("Contoso%E0%A"). Copy the whole link again; a "%" itself is written %25.',
      'The redirect URI "redirect.teams" in the link was ignored: it has a broken %-escape ("https://a.example.com/%E0"). Copy the whole link again; a "%" itself is written %25.',
    ]);
  });

  it('decodes names and values, "+" as a space', () => {
    expect(parseShareLink('?na%6De=Contoso+Sync%20%F0%9F%9A%80').answers).toEqual({
      displayName: 'Contoso Sync 🚀',
    });
  });

  it('uses the first of a repeated parameter, for every parameter, and reports the repeats', () => {
    const { answers, problems } = parseShareLink(
      '?name=First&connectors=teams&redirect.teams=https://a.example.com/cb&name=Second&redirect.teams=https://b.example.com/cb&connectors=onedrive&name=Third',
    );
    expect(answers).toEqual({
      displayName: 'First',
      connectors: [{ id: 'teams', mode: 'user' }],
      redirectUris: { teams: 'https://a.example.com/cb' },
    });
    expect(problems).toEqual([
      'The link gives "connectors" 2 times; only the first one is used.',
      'The link gives "name" 3 times; only the first one is used.',
      'The link gives "redirect.teams" 2 times; only the first one is used.',
    ]);
  });

  it('keeps to the first of a repeated parameter even when it is the bad one', () => {
    const { answers, problems } = parseShareLink('?name=&name=Contoso');
    expect(answers.displayName).toBeUndefined();
    expect(problems).toEqual([
      'The name in the link was ignored. Enter a name for the app registration.',
      'The link gives "name" 2 times; only the first one is used.',
    ]);
  });

  it('reads the branding step and its links, and reports each link that would not do', () => {
    const { answers, problems } = parseShareLink(
      '?connectors=teams&branding.privacyStatementUrl=https://www.contoso.com/privacy' +
        '&branding.homePageUrl=http://www.contoso.com&branding.supportUrl=' +
        '&branding.logoUrl=https://www.contoso.com/logo.png&branding.termsOfServiceUrl=https://a.example.com/%E0',
    );
    expect(answers).toEqual({
      connectors: [{ id: 'teams', mode: 'user' }],
      customizeBranding: true,
      branding: {
        info: { privacyStatementUrl: 'https://www.contoso.com/privacy' },
        homePageUrl: null,
        logo: null,
      },
    });
    expect(problems).toEqual([
      "The home page link in the link was ignored. Use https://: users are sent to your home page from Microsoft's sign-in pages, which link only to secure addresses.",
      'The branding link "branding.logoUrl" in the link was ignored: it is not one of branding.homePageUrl, branding.termsOfServiceUrl, branding.privacyStatementUrl, branding.supportUrl, branding.marketingUrl.',
      'The terms of service link in the link was ignored: it has a broken %-escape ("https://a.example.com/%E0"). Copy the whole link again; a "%" itself is written %25.',
    ]);
  });

  it('asks for the branding step only with branding=on or a good link', () => {
    expect(parseShareLink('?branding=on').answers).toEqual({
      customizeBranding: true,
      branding: { info: {}, homePageUrl: null, logo: null },
    });
    const refused = parseShareLink('?branding=yes&branding.homePageUrl=javascript:alert(1)');
    expect(refused.answers).toEqual({});
    expect(refused.problems).toEqual([
      'The link\'s "branding" value "yes" was ignored: "branding=on" adds the step for the logo and links users see when they consent.',
      'The home page link in the link was ignored. Use an https:// address (not javascript:) for your home page.',
    ]);
  });

  it('uses the first of a repeated branding link and reports the repeat', () => {
    const { answers, problems } = parseShareLink(
      '?branding.supportUrl=https://a.contoso.com/help&branding.supportUrl=https://b.contoso.com/help',
    );
    expect(answers.branding?.info).toEqual({ supportUrl: 'https://a.contoso.com/help' });
    expect(problems).toEqual(['The link gives "branding.supportUrl" 2 times; only the first one is used.']);
  });

  it('never throws on nonsense', () => {
    for (const junk of [
      '?connectors=',
      '?connectors=,,,:',
      '?name=',
      '?%E0%A4%A',
      '?redirect.=x',
      '?branding.=',
      '?branding',
    ]) {
      expect(() => parseShareLink(junk)).not.toThrow();
    }
  });
});

describe('shareLinkQuery', () => {
  it('round-trips the choices and leaves out defaults', () => {
    const config = { ...defaultConfig, defaultRedirectUris: { teams: 'https://default.example.com/cb' } };
    const answers = {
      ...initialAnswers(config),
      connectors: [
        { id: 'teams', mode: 'admin' },
        { id: 'outlook-mail', mode: 'user' },
      ] as const,
      displayName: 'Contoso Sync',
      redirectUris: {
        teams: 'https://default.example.com/cb',
        'outlook-mail': 'https://mail.example.com/cb',
      },
    };
    const query = shareLinkQuery(answers, config);
    expect(query).toBe(
      'connectors=teams:admin,outlook-mail:user&name=Contoso+Sync&redirect.outlook-mail=https:%2F%2Fmail.example.com%2Fcb',
    );
    const parsed = parseShareLink(query);
    expect(parsed.problems).toEqual([]);
    expect(parsed.answers).toEqual({
      connectors: answers.connectors,
      displayName: 'Contoso Sync',
      redirectUris: { 'outlook-mail': 'https://mail.example.com/cb' },
    });
  });

  it('is empty for untouched answers', () => {
    expect(shareLinkQuery(initialAnswers(defaultConfig), defaultConfig)).toBe('');
  });
});
