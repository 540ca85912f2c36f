/**
 * The portal step for what users see on the consent prompt. The manifest carries the links (`info`,
 * `web.homePageUrl`), but not the logo: Graph keeps it as a stream of its own, which only the Branding & properties
 * page (or `PUT /applications/{id}/logo`) sets.
 */
import { BRANDING_LINKS } from '../catalog/branding-links';
import type { Cloud } from '../config/clouds';
import type { RegistrationPlan } from '../plan/plan-types';
import { logoFileName } from './code/logo-export';
import type { InstructionStep } from './portal-instructions';
import { portalLinks } from './portal-links';

/** The Branding & properties step, or null when the plan sets neither a logo nor a link. */
export function brandingStep(
  plan: RegistrationPlan,
  cloud: Cloud,
  clientId: string | undefined,
): InstructionStep | null {
  const app = plan.application;
  const values = BRANDING_LINKS.flatMap(({ key, label }) => {
    const value = key === 'homePageUrl' ? app.web.homePageUrl : app.info?.[key];
    return value ? [{ label, value }] : [];
  });
  if (!plan.logo && values.length === 0) return null;
  return {
    id: 'branding',
    title: 'Add the logo and links users see when they consent',
    link: { label: 'Open Branding & properties', href: portalLinks.app(cloud, 'Branding', clientId) },
    details: [
      ...(plan.logo
        ? [
            `Under Upload new logo, choose ${logoFileName(plan.logo)} (the image you chose in the wizard, ${plan.logo.width}×${plan.logo.height} pixels; it is in the ZIP). The manifest cannot carry a logo.`,
          ]
        : []),
      ...(values.length
        ? [
            'Enter each link below in its field. They are in manifest.json too ("info" and "web.homePageUrl"), so the Manifest editor sets them as well.',
          ]
        : []),
      'Select Save.',
    ],
    values,
  };
}
