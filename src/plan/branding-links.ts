/**
 * The branding links as one flat record by their catalog key, and back: the branding step's form and the link to a
 * setup both hold them that way, while the plan keeps the home page apart (`web.homePageUrl`) from the others
 * (`info`). Pure.
 */
import { BRANDING_LINKS, type BrandingLinkKey, type InfoLinkKey } from '../catalog/branding-links';
import type { LogoImage } from '../catalog/logo-image';
import type { PlannedBranding, PlannedInfo } from './plan-types';

/** Every branding link of `branding` by its key, in the catalog's order; '' where none is given. */
export function brandingLinks(branding: PlannedBranding): Record<BrandingLinkKey, string> {
  const links = {} as Record<BrandingLinkKey, string>;
  for (const { key } of BRANDING_LINKS) {
    links[key] = (key === 'homePageUrl' ? branding.homePageUrl : branding.info[key]) ?? '';
  }
  return links;
}

/** The branding these links and `logo` make: each link trimmed, an empty or missing one left out. */
export function brandingFromLinks(
  links: Readonly<Partial<Record<BrandingLinkKey, string>>>,
  logo: LogoImage | null,
): PlannedBranding {
  const info: { [K in InfoLinkKey]?: string } = {};
  for (const { key } of BRANDING_LINKS) {
    const value = links[key]?.trim();
    if (value && key !== 'homePageUrl') info[key] = value;
  }
  return { info: info as PlannedInfo, homePageUrl: links.homePageUrl?.trim() || null, logo };
}
