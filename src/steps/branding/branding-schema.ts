import { brandingLinkProblem, type BrandingLinkKey } from '../../catalog/branding-links';
import type { LogoImage } from '../../catalog/logo-image';
import { brandingFromLinks, brandingLinks } from '../../plan/branding-links';
import type { PlannedBranding } from '../../plan/plan-types';
import { checked } from '../../ui/checked-field';
import { z } from '../../ui/zod-without-eval';

/** Each link is optional, and https when given. The logo is not a form value: it is checked as it is chosen. */
export const brandingSchema = z.object({
  homePageUrl: checked((v) => brandingLinkProblem(v, 'home page')),
  termsOfServiceUrl: checked((v) => brandingLinkProblem(v, 'terms of service')),
  privacyStatementUrl: checked((v) => brandingLinkProblem(v, 'privacy statement')),
  supportUrl: checked((v) => brandingLinkProblem(v, 'support page')),
  marketingUrl: checked((v) => brandingLinkProblem(v, 'marketing page')),
});

export type BrandingForm = z.infer<typeof brandingSchema>;

// Every link the catalog names is a field of the form, and nothing else is.
export type AssertBrandingFields = BrandingLinkKey extends keyof BrandingForm
  ? keyof BrandingForm extends BrandingLinkKey
    ? true
    : never
  : never;

/** The form as the answers have it. */
export const toForm = (branding: PlannedBranding): BrandingForm => brandingLinks(branding);

/** The branding the form and the chosen logo make: links trimmed, empty ones left out. */
export const toBranding = (form: BrandingForm, logo: LogoImage | null): PlannedBranding =>
  brandingFromLinks(form, logo);
