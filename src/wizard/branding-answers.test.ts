import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { testBranding } from '../../test-support/logo-images';
import { initialAnswers, NO_BRANDING, planFor, type WizardAnswers } from './answers';
import { parseShareLink, shareLinkQuery } from './share-link';

const answers = (more: Partial<WizardAnswers>): WizardAnswers => ({
  ...initialAnswers(defaultConfig),
  connectors: [{ id: 'outlook-mail', mode: 'user' }],
  ...more,
});

describe('branding in the answers', () => {
  it('reaches the plan only when the admin asked for the branding step, in either mode', () => {
    const branding = testBranding();
    for (const path of ['automatic', 'offline'] as const) {
      const asked = planFor(answers({ path, customizeBranding: true, branding }), defaultConfig);
      expect(asked?.application.info).toEqual(branding.info);
      expect(asked?.logo).toBe(branding.logo);
      const notAsked = planFor(answers({ path, customizeBranding: false, branding }), defaultConfig);
      expect(notAsked?.application).not.toHaveProperty('info');
      expect(notAsked?.logo).toBeNull();
    }
  });

  it('puts the branding step and its links in the share link, never the logo', () => {
    const branding = testBranding();
    const query = shareLinkQuery(answers({ customizeBranding: true, branding }), defaultConfig);
    expect(query).toBe(
      'connectors=outlook-mail:user&branding=on&branding.homePageUrl=https:%2F%2Fwww.contoso.com%2F' +
        '&branding.termsOfServiceUrl=https:%2F%2Fwww.contoso.com%2Fterms' +
        '&branding.privacyStatementUrl=https:%2F%2Fwww.contoso.com%2Fprivacy' +
        '&branding.supportUrl=https:%2F%2Fwww.contoso.com%2Fsupport' +
        '&branding.marketingUrl=https:%2F%2Fwww.contoso.com%2Fconnectors',
    );
    expect(query).not.toMatch(/logo|png/i);
    expect(parseShareLink(query)).toEqual({
      answers: {
        connectors: [{ id: 'outlook-mail', mode: 'user' }],
        customizeBranding: true,
        branding: { ...branding, logo: null },
      },
      problems: [],
    });
  });

  it('asks for the step with branding=on alone when only a logo was chosen', () => {
    const onlyLogo = { ...testBranding(), info: {}, homePageUrl: null };
    const query = shareLinkQuery(answers({ customizeBranding: true, branding: onlyLogo }), defaultConfig);
    expect(query).toBe('connectors=outlook-mail:user&branding=on');
    expect(parseShareLink(query).answers).toMatchObject({ customizeBranding: true, branding: NO_BRANDING });
  });

  it('leaves the links out of the share link while the step is not asked for', () => {
    const query = shareLinkQuery(
      answers({ customizeBranding: false, branding: testBranding() }),
      defaultConfig,
    );
    expect(query).toBe('connectors=outlook-mail:user');
  });

  it('starts without a logo or links, so Finish drops them', () => {
    expect(initialAnswers(defaultConfig)).toMatchObject({
      customizeBranding: false,
      branding: { info: {}, homePageUrl: null, logo: null },
    });
  });
});
