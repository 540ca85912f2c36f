import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/config-schema';
import { initialAnswers } from '../../wizard/answers';
import { appDetailsSchema, draftFits, toAnswers, toForm } from './app-details-schema';

const config = {
  ...defaultConfig,
  defaultRedirectUris: {
    teams: 'https://api.example.com/cb',
    sharepoint: 'https://api.example.com/cb',
    'outlook-mail': 'https://mail.example.com/cb',
  },
};
const answers = {
  ...initialAnswers(config),
  connectors: [
    { id: 'teams', mode: 'user' },
    { id: 'outlook-mail', mode: 'user' },
    { id: 'sharepoint', mode: 'admin' },
    { id: 'onedrive', mode: 'user' },
  ] as const,
};

describe('app details form', () => {
  it('groups connectors that share a redirect URI, prefilled from config', () => {
    expect(toForm(answers, config).redirects).toEqual([
      { connectors: ['teams', 'sharepoint'], uri: 'https://api.example.com/cb' },
      { connectors: ['outlook-mail'], uri: 'https://mail.example.com/cb' },
      { connectors: ['onedrive'], uri: '' },
    ]);
  });

  it('maps a shared entry back to every connector in it', () => {
    const form = toForm(answers, config);
    const edited = {
      ...form,
      redirects: form.redirects.map((r, i) => (i === 0 ? { ...r, uri: ' https://new.example.com/cb ' } : r)),
    };
    expect(toAnswers(edited).redirectUris).toEqual({
      teams: 'https://new.example.com/cb',
      sharepoint: 'https://new.example.com/cb',
      'outlook-mail': 'https://mail.example.com/cb',
      onedrive: '',
    });
  });

  it('reports each bad field with Entra’s rule', () => {
    const form = toForm(answers, config);
    const result = appDetailsSchema.safeParse({
      displayName: 'x'.repeat(121),
      redirects: [
        { connectors: ['teams'], uri: 'http://api.example.com/cb' },
        { connectors: ['outlook-mail'], uri: 'https://mail.example.com/cb#top' },
        form.redirects[2],
      ],
      customizeBranding: false,
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['displayName', expect.stringMatching(/120 characters/)],
      ['redirects.0.uri', expect.stringMatching(/https/)],
      ['redirects.1.uri', expect.stringMatching(/fragment/)],
      ['redirects.2.uri', 'Enter a redirect URI.'],
    ]);
  });

  it('reuses a draft only for the same connectors', () => {
    const form = toForm(answers, config);
    expect(draftFits(form, answers)).toBe(true);
    expect(draftFits(form, { ...answers, connectors: [{ id: 'teams', mode: 'user' }] })).toBe(false);
    expect(draftFits(undefined, answers)).toBe(false);
  });
});
