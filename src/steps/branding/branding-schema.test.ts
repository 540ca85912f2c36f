import { describe, expect, it } from 'vitest';
import { NO_BRANDING } from '../../wizard/answers';
import { testBranding, testLogo } from '../../../test-support/logo-images';
import { brandingSchema, toBranding, toForm } from './branding-schema';

describe('the branding form', () => {
  it('opens empty, and round-trips what the answers hold', () => {
    expect(toForm(NO_BRANDING)).toEqual({
      homePageUrl: '',
      termsOfServiceUrl: '',
      privacyStatementUrl: '',
      supportUrl: '',
      marketingUrl: '',
    });
    const branding = testBranding();
    expect(toBranding(toForm(branding), branding.logo)).toEqual(branding);
  });

  it('leaves out empty links and trims the others', () => {
    const form = { ...toForm(NO_BRANDING), supportUrl: ' https://contoso.com/help ' };
    expect(toBranding(form, testLogo())).toMatchObject({
      info: { supportUrl: 'https://contoso.com/help' },
      homePageUrl: null,
    });
  });

  it('says which link is wrong, and accepts every link empty', () => {
    expect(brandingSchema.safeParse(toForm(NO_BRANDING)).success).toBe(true);
    const result = brandingSchema.safeParse({
      ...toForm(NO_BRANDING),
      termsOfServiceUrl: 'http://contoso.com/terms',
      marketingUrl: 'contoso.com',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'termsOfServiceUrl',
        "Use https://: users are sent to your terms of service from Microsoft's sign-in pages, which link only to secure addresses.",
      ],
      [
        'marketingUrl',
        'Enter the full address of your marketing page, starting with https://, such as https://www.example.com/marketing.',
      ],
    ]);
  });
});
