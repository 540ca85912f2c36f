import { describe, expect, it } from 'vitest';
import { clouds } from '../../config/clouds';
import { evaluateChecklist } from '../../graph/checklist';
import { checklistReport } from '../../graph/checklist-report';
import { buildPlan } from '../../plan/build-plan';
import { applicationSnapshot } from '../../../test-support/registration-snapshot';
import { withCredentialsPortalLink } from './credentials-portal-link';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const APP_ID = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
const plan = buildPlan({
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  displayName: 'Kloudless SharePoint',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
});

const snapshot = (credentials: 'none' | 'both') =>
  applicationSnapshot(
    {
      id: 'app-object',
      appId: APP_ID,
      displayName: 'Kloudless SharePoint',
      passwordCredentials:
        credentials === 'both'
          ? [{ keyId: 'secret', hint: 'abc', endDateTime: new Date(NOW + 100 * 86_400_000).toISOString() }]
          : [],
      keyCredentials:
        credentials === 'both'
          ? [
              {
                keyId: 'cert',
                customKeyIdentifier: 'AAEC',
                endDateTime: new Date(NOW + 100 * 86_400_000).toISOString(),
              },
            ]
          : [],
    },
    NOW,
  );

const credentialsOf = (items: ReturnType<typeof withCredentialsPortalLink>) =>
  items.find((i) => i.id === 'credentials');

describe('the checklist links to Certificates & secrets where there is nothing to rotate', () => {
  it('links the registration’s own page in its cloud’s admin center, and the copied report carries the link', () => {
    const s = snapshot('none');
    const items = withCredentialsPortalLink(evaluateChecklist(s, plan, NOW), clouds.global, APP_ID);
    const link = credentialsOf(items)?.link;
    expect(link).toEqual({
      href: `https://portal.azure.com/#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/Credentials/appId/${APP_ID}/isMSAApp/`,
      label: 'Open Certificates & secrets',
    });
    expect(checklistReport(s, plan, items)).toContain(`  See: ${link?.href}`);
    const usgov = withCredentialsPortalLink(evaluateChecklist(s, plan, NOW), clouds.usgov, APP_ID);
    expect(credentialsOf(usgov)?.link?.href).toMatch(/^https:\/\/portal\.azure\.us\/#blade\//);
  });

  it('adds no link while every credential the platform needs is there, or without a client ID, and leaves the other items alone', () => {
    const complete = evaluateChecklist(snapshot('both'), plan, NOW);
    expect(credentialsOf(withCredentialsPortalLink(complete, clouds.global, APP_ID))).not.toHaveProperty(
      'link',
    );
    const empty = evaluateChecklist(snapshot('none'), plan, NOW);
    expect(credentialsOf(withCredentialsPortalLink(empty, clouds.global, null))).not.toHaveProperty('link');
    const linked = withCredentialsPortalLink(empty, clouds.global, APP_ID);
    expect(linked.filter((i) => i.id !== 'credentials')).toEqual(empty.filter((i) => i.id !== 'credentials'));
  });
});
