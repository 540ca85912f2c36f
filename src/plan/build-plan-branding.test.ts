import { describe, expect, it } from 'vitest';
import { testBranding } from '../../test-support/logo-images';
import { buildPlan } from './build-plan';

const base = {
  connectors: [{ id: 'sharepoint', mode: 'admin' }] as const,
  displayName: 'Contoso Sync',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
};

describe('buildPlan with branding', () => {
  it('puts the links in the application and plans the logo upload right after the upsert', () => {
    const branding = testBranding();
    const plan = buildPlan({ ...base, branding });
    expect(plan.application.info).toEqual(branding.info);
    expect(plan.application.web.homePageUrl).toBe('https://www.contoso.com/');
    expect(plan.logo).toBe(branding.logo);
    const ids = plan.operations.map((o) => o.id);
    expect(ids.slice(2, 5)).toEqual(['upsert-application', 'add-password', 'upload-logo']);
  });

  it('leaves out empty links, and info altogether when none is given', () => {
    const plan = buildPlan({
      ...base,
      branding: {
        info: { supportUrl: ' https://contoso.com/help ', marketingUrl: '  ' },
        homePageUrl: '',
        logo: null,
      },
    });
    expect(plan.application.info).toEqual({ supportUrl: 'https://contoso.com/help' });
    expect(plan.application.web).not.toHaveProperty('homePageUrl');
    expect(plan.operations.some((o) => o.kind === 'upload-logo')).toBe(false);
    const none = buildPlan({ ...base, branding: { info: {}, homePageUrl: null, logo: null } });
    expect(none.application).not.toHaveProperty('info');
    expect(none.logo).toBeNull();
  });
});
