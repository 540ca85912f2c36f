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

  it('never throws on nonsense', () => {
    for (const junk of ['?connectors=', '?connectors=,,,:', '?name=', '?%E0%A4%A', '?redirect.=x']) {
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
