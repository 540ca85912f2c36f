import { findPermission, graphAccessType, type Permission } from '../catalog/permissions';
import { resourceApi } from '../catalog/resource-apis';
import { WIZARD_PERMISSIONS, WIZARD_PERMISSION_REASONS } from './wizard-permissions';

/**
 * The wizard's own app registration, which whoever hosts the wizard makes once in their tenant: a multitenant
 * single-page application whose redirect URI is the redirect bridge page of the site, with the Microsoft Graph
 * delegated permissions the wizard asks for. The build writes it as `wizard-registration.json`; the deployment guide
 * prints it, with the `az` command and portal steps made from it.
 */

/** The name admins see on the sign-in and consent pages. */
export const WIZARD_DISPLAY_NAME = 'Entra Setup Wizard';

/** Where the site's origin goes when it is not known yet: not a valid URI, so Entra refuses it until replaced. */
export const ORIGIN_PLACEHOLDER = 'https://<your-wizard-host>';

const BRIDGE_PATH = '/redirect.html';

/**
 * The wizard's redirect URI: the redirect bridge page (`redirect.html`) next to the app. It must be registered as a
 * single-page application redirect URI on the wizard's own app registration.
 */
export function bridgeUriFor(origin: string): string {
  return `${origin}${BRIDGE_PATH}`;
}

/** A permission of the registration, with when the wizard asks for it. */
export interface WizardPermission extends Permission {
  readonly askedFor: string;
}

/** The application in the Microsoft Graph format: the body of `POST /applications` and the portal's manifest. */
export interface WizardManifest {
  readonly displayName: string;
  readonly signInAudience: 'AzureADMultipleOrgs';
  readonly spa: { readonly redirectUris: readonly string[] };
  readonly requiredResourceAccess: readonly {
    readonly resourceAppId: string;
    readonly resourceAccess: readonly { readonly id: string; readonly type: 'Scope' }[];
  }[];
}

export interface WizardRegistration {
  /** The site's origin, or `ORIGIN_PLACEHOLDER` when it was not given. */
  readonly origin: string;
  readonly placeholder: boolean;
  readonly redirectUri: string;
  readonly permissions: readonly WizardPermission[];
  readonly manifest: WizardManifest;
}

/**
 * Why `value` cannot be the wizard's origin, or null when it can. Sign-in needs a secure context, and the wizard reads
 * `/config.json` and returns to `/redirect.html` at the root of its site, so the origin is all there is to give.
 */
export function wizardOriginProblem(value: string): string | null {
  const example = 'such as https://setup.example.com';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `"${value}" is not an absolute URL. Give the site's origin, ${example}.`;
  }
  const localhost = url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && localhost)) {
    return `"${value}" must use https:// (plain http:// only for http://localhost): sign-in needs a secure context.`;
  }
  if (url.username || url.password) return `"${value}" must not carry a user name or password.`;
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) {
    return (
      `"${value}" must be an origin only (scheme, host and optional port), ${example}: the wizard is served at ` +
      'the root of its site.'
    );
  }
  return null;
}

/** The permissions of the registration, in the order the wizard asks for them. */
function wizardPermissions(): WizardPermission[] {
  return (Object.keys(WIZARD_PERMISSIONS) as (keyof typeof WIZARD_PERMISSIONS)[]).flatMap((group) =>
    WIZARD_PERMISSIONS[group].map((name) => {
      const permission = findPermission({ api: 'graph', kind: 'delegated', name });
      if (!permission) throw new Error(`The catalog has no Microsoft Graph delegated permission ${name}`);
      return { ...permission, askedFor: WIZARD_PERMISSION_REASONS[group] };
    }),
  );
}

/**
 * The wizard's registration for the site at `origin` (`https://setup.example.com`); without one, for
 * `ORIGIN_PLACEHOLDER`. Throws with `wizardOriginProblem`'s message when the origin cannot be used.
 */
export function wizardRegistration(origin?: string): WizardRegistration {
  if (origin !== undefined) {
    const problem = wizardOriginProblem(origin);
    if (problem) throw new Error(problem);
  }
  const site = origin === undefined ? ORIGIN_PLACEHOLDER : new URL(origin.trim()).origin;
  const redirectUri = bridgeUriFor(site);
  const permissions = wizardPermissions();
  return {
    origin: site,
    placeholder: origin === undefined,
    redirectUri,
    permissions,
    manifest: {
      displayName: WIZARD_DISPLAY_NAME,
      signInAudience: 'AzureADMultipleOrgs',
      spa: { redirectUris: [redirectUri] },
      requiredResourceAccess: [
        {
          resourceAppId: resourceApi('graph').appId,
          resourceAccess: permissions.map((p) => ({ id: p.id, type: graphAccessType.delegated })),
        },
      ],
    },
  };
}
