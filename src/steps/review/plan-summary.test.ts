import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan';
import { summarisePlan } from './plan-summary';
import { testBranding } from '../../../test-support/logo-images';

describe('summarisePlan', () => {
  it('describes an admin SharePoint plus non-admin Outlook Mail plan in plain words', () => {
    const plan = buildPlan({
      connectors: [
        { id: 'sharepoint', mode: 'admin' },
        { id: 'outlook-mail', mode: 'user' },
      ],
      displayName: 'Contoso Sync',
      redirectUris: ['https://api.example.com/cb'],
    });
    const text = Object.fromEntries(summarisePlan(plan).map((l) => [l.label, l.text]));
    expect(text.Connectors).toBe('Outlook Mail (non-admin users), SharePoint Online (admin accounts)');
    expect(text.Registration).toMatch(
      /multitenant app named "Contoso Sync".*personal Microsoft accounts cannot/,
    );
    expect(text['ID tokens']).toMatch(/^Issued, because admin accounts of SharePoint Online/);
    expect(text['API permissions']).toBe(
      `${plan.permissions.length} on 4 APIs: 11 delegated, 10 application.`,
    );
    expect(text.Credentials).toBe(
      'A client secret, and a certificate for admin accounts of SharePoint Online.',
    );
    expect(text['Admin consent']).toMatch(/^Needed: 10 permissions/);
  });

  it('says when nothing needs an administrator', () => {
    const plan = buildPlan({
      connectors: [{ id: 'onedrive', mode: 'user' }],
      displayName: 'X',
      redirectUris: ['https://a.b/c'],
    });
    const text = Object.fromEntries(summarisePlan(plan).map((l) => [l.label, l.text]));
    expect(text['Admin consent']).toMatch(/^Not needed/);
    expect(text['ID tokens']).toMatch(/^Not issued/);
    expect(text.Credentials).toBe('A client secret.');
  });
});

describe('the consent prompt in the summary', () => {
  it('names the logo and the links the admin set, and is absent without them', () => {
    const base = {
      connectors: [{ id: 'outlook-mail', mode: 'user' }] as const,
      displayName: 'Contoso Mail',
      redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
    };
    const branded = summarisePlan(buildPlan({ ...base, branding: testBranding() }));
    expect(branded.at(-1)).toEqual({
      label: 'Consent prompt',
      text: 'The logo logo.png (215×215 pixels), and links to your home page, terms of service, privacy statement, support page and marketing page.',
    });
    const linksOnly = buildPlan({
      ...base,
      branding: { info: { supportUrl: 'https://contoso.com/help' }, homePageUrl: null, logo: null },
    });
    expect(summarisePlan(linksOnly).at(-1)?.text).toBe('Links to your support page.');
    expect(summarisePlan(buildPlan(base)).map((s) => s.label)).not.toContain('Consent prompt');
  });
});
