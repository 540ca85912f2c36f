import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan';
import { summarisePlan } from './plan-summary';

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
