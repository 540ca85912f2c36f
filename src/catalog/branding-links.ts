import { hiddenCharacterProblem } from './hidden-characters';

/**
 * The links an app registration shows its users (Graph `info`, an `informationalUrl`, and `web.homePageUrl`), with
 * the words the portal's Branding & properties page uses for each. `logoUrl` is not here: Graph makes it from the
 * uploaded logo and it is read-only.
 */
export const BRANDING_LINKS = [
  { key: 'homePageUrl', label: 'Home page URL', noun: 'home page' },
  { key: 'termsOfServiceUrl', label: 'Terms of service URL', noun: 'terms of service' },
  { key: 'privacyStatementUrl', label: 'Privacy statement URL', noun: 'privacy statement' },
  { key: 'supportUrl', label: 'Support URL', noun: 'support page' },
  { key: 'marketingUrl', label: 'Marketing URL', noun: 'marketing page' },
] as const;

export type BrandingLinkKey = (typeof BRANDING_LINKS)[number]['key'];
/** The links of `info`; the home page is `web.homePageUrl`. */
export type InfoLinkKey = Exclude<BrandingLinkKey, 'homePageUrl'>;

/** The longest link the wizard sends. Graph names no limit; the portal's fields stop at 2048 characters. */
export const BRANDING_LINK_MAX = 2048;

/** Why a branding link would not do, or null (an empty one is fine: the link is left out). */
export function brandingLinkProblem(value: string, noun: string): string | null {
  const link = value.trim();
  if (!link) return null;
  const hidden = hiddenCharacterProblem(link, {
    subject: `The ${noun} link`,
    noun: 'the link',
    where: 'on the consent prompt',
  });
  if (hidden) return hidden;
  if (link.length > BRANDING_LINK_MAX) {
    return `Shorten the ${noun} link to ${BRANDING_LINK_MAX} characters or fewer (it has ${link.length}).`;
  }
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return `Enter the full address of your ${noun}, starting with https://, such as https://www.example.com/${noun.split(' ')[0]}.`;
  }
  if (url.protocol === 'http:') {
    return `Use https://: users are sent to your ${noun} from Microsoft's sign-in pages, which link only to secure addresses.`;
  }
  if (url.protocol !== 'https:') return `Use an https:// address (not ${url.protocol}) for your ${noun}.`;
  if (!url.hostname.includes('.') || url.hostname === 'localhost') {
    return `Use your ${noun}'s public address, such as https://www.example.com/: your users cannot open ${url.hostname}.`;
  }
  if (url.username || url.password) return `Remove the user name and password from the ${noun} link.`;
  return null;
}
