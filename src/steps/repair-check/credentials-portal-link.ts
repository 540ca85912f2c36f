import type { ChecklistItem } from '../../graph/checklist';
import type { Cloud } from '../../config/clouds';
import { portalLinks } from '../../exports/portal-links';

/**
 * The checklist with a link to the registration's Certificates & secrets page in the Microsoft Entra admin center
 * on the credentials item, labelled as the portal steps label it, when the registration has no client secret (or no
 * certificate that admin accounts need) at all: there is nothing to rotate, and that page is where the admin adds
 * one. The copied report carries it too.
 */
export function withCredentialsPortalLink(
  items: readonly ChecklistItem[],
  cloud: Cloud,
  appId: string | null | undefined,
): ChecklistItem[] {
  return items.map((item) =>
    item.id === 'credentials' && item.missingCredentials?.length && appId
      ? {
          ...item,
          link: {
            href: portalLinks.app(cloud, 'Credentials', appId),
            label: 'Open Certificates & secrets',
          },
        }
      : item,
  );
}
