import { connector } from '../../catalog/connectors';
import { BRANDING_LINKS } from '../../catalog/branding-links';
import type { RegistrationPlan } from '../../plan/plan-types';

const list = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
export const connectorNames = (ids: readonly Parameters<typeof connector>[0][]) =>
  list(ids.map((id) => connector(id).name));

/** The plan in plain sentences, one per thing that will exist. */
export function summarisePlan(plan: RegistrationPlan): { readonly label: string; readonly text: string }[] {
  const { application: app, permissions } = plan;
  const delegated = permissions.filter((p) => p.kind === 'delegated').length;
  const apis = new Set(permissions.map((p) => p.api)).size;
  return [
    {
      label: 'Connectors',
      text: plan.connectors
        .map((c) => `${connector(c.id).name} (${c.mode === 'admin' ? 'admin accounts' : 'non-admin users'})`)
        .join(', '),
    },
    {
      label: 'Registration',
      text: `A multitenant app named "${app.displayName}": accounts in any Microsoft Entra ID tenant can sign in; personal Microsoft accounts cannot.`,
    },
    { label: 'Redirect URIs (Web)', text: app.web.redirectUris.join(', ') },
    {
      label: 'ID tokens',
      text: plan.idTokens.enabled
        ? `Issued, because admin accounts of ${connectorNames(plan.idTokens.neededBy)} sign in with them. Access tokens through the implicit flow stay off.`
        : 'Not issued: no connector uses admin accounts.',
    },
    {
      label: 'API permissions',
      text: `${permissions.length} on ${apis} ${apis === 1 ? 'API' : 'APIs'}: ${delegated} delegated, ${permissions.length - delegated} application.`,
    },
    {
      label: 'Credentials',
      text: plan.credentials.certificate.required
        ? `A client secret, and a certificate for admin accounts of ${connectorNames(plan.credentials.certificate.neededBy)}.`
        : 'A client secret.',
    },
    {
      label: 'Admin consent',
      text: plan.adminConsent.required
        ? `Needed: ${plan.adminConsent.permissions.length} permissions can only be granted by an administrator (${list(
            [...new Set(plan.adminConsent.permissions.map((p) => p.name))],
          )}).`
        : 'Not needed: users can consent to every permission themselves.',
    },
    ...brandingSummary(plan),
  ];
}

/** What users see when they consent, when the admin set any of it. */
function brandingSummary(plan: RegistrationPlan): { readonly label: string; readonly text: string }[] {
  const links = BRANDING_LINKS.flatMap(({ key, noun }) =>
    (key === 'homePageUrl' ? plan.application.web.homePageUrl : plan.application.info?.[key]) ? [noun] : [],
  );
  if (!plan.logo && links.length === 0) return [];
  const logo = plan.logo
    ? `The logo ${plan.logo.fileName} (${plan.logo.width}×${plan.logo.height} pixels)`
    : '';
  const linked = links.length ? `links to your ${list(links)}` : '';
  const text = [logo, linked].filter(Boolean).join(', and ');
  return [{ label: 'Consent prompt', text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` }];
}
