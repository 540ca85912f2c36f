import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { testBranding } from '../../test-support/logo-images';
import { initialAnswers, planFor, type WizardAnswers } from './answers';
import { shareLinkQuery } from './share-link';

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

  it('never puts the logo or the links in the share link', () => {
    const query = shareLinkQuery(
      answers({ customizeBranding: true, branding: testBranding() }),
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
