import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { buildPlan } from '../plan/build-plan';
import { testBranding } from '../../test-support/logo-images';
import { manifestFor } from './manifest';
import { offlineBundleFiles } from './offline-bundle';
import { portalInstructions } from './portal-instructions';

const base = {
  connectors: [{ id: 'outlook-mail', mode: 'user' }] as const,
  displayName: 'Contoso Mail',
  redirectUris: ['https://api.kloudless.com/v1/oauth/callback'],
};
const branding = testBranding();
const plan = buildPlan({ ...base, branding });
const steps = (p = plan, clientId?: string) =>
  portalInstructions({
    plan: p,
    privateKey: null,
    cloud: clouds.global,
    platformName: 'Kloudless',
    ...(clientId ? { clientId } : {}),
  });

describe('branding in offline mode', () => {
  it('puts info and the home page in manifest.json, never the logo', () => {
    const manifest = manifestFor(plan);
    expect(manifest.info).toEqual(branding.info);
    expect(manifest.web).toMatchObject({ homePageUrl: 'https://www.contoso.com/' });
    expect(JSON.stringify(manifest)).not.toMatch(/logo/i);
    expect(manifestFor(buildPlan(base))).not.toHaveProperty('info');
  });

  it('adds a Branding & properties step with the logo file and every link, after the settings', () => {
    const all = steps(plan, '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
    const step = all.find((s) => s.id === 'branding');
    expect(all.map((s) => s.id).indexOf('branding')).toBe(all.map((s) => s.id).indexOf('permissions') - 1);
    expect(step?.link?.href).toBe(
      'https://portal.azure.com/#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/Branding/appId/3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c/isMSAApp/',
    );
    expect(step?.details[0]).toBe(
      'Under Upload new logo, choose logo.png (the image you chose in the wizard, 215×215 pixels; it is in the ZIP). The manifest cannot carry a logo.',
    );
    expect(step?.values).toEqual([
      { label: 'Home page URL', value: 'https://www.contoso.com/' },
      { label: 'Terms of service URL', value: 'https://www.contoso.com/terms' },
      { label: 'Privacy statement URL', value: 'https://www.contoso.com/privacy' },
      { label: 'Support URL', value: 'https://www.contoso.com/support' },
      { label: 'Marketing URL', value: 'https://www.contoso.com/connectors' },
    ]);
  });

  it('has no branding step without a logo or a link, and a links-only step without a logo', () => {
    expect(steps(buildPlan(base)).some((s) => s.id === 'branding')).toBe(false);
    const linksOnly = steps(buildPlan({ ...base, branding: { ...branding, logo: null } })).find(
      (s) => s.id === 'branding',
    );
    expect(linksOnly?.details.join(' ')).not.toMatch(/logo/i);
  });

  it('puts the logo in the ZIP as logo.png, byte for byte', () => {
    const files = offlineBundleFiles({ plan, keyCredentials: [], certificateFiles: [], steps: steps() });
    expect(files.find((f) => f.name === 'logo.png')?.content).toBe(branding.logo?.bytes);
  });
});
