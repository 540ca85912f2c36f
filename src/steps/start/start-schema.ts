import type { AppConfig } from '../../config/config-schema';

/** Why the start page cannot offer automatic mode: what the admin reads, and a pointer for whoever hosts the site. */
export interface AutomaticModeUnavailable {
  /** For the admin in front of the wizard: what this means for them and what to do instead. */
  readonly reason: string;
  /** For whoever hosts the wizard, when the fix is theirs: what to set up and where that is described. */
  readonly forHost: string | null;
}

/**
 * Why automatic mode cannot be offered, or null when it can. It needs the wizard's own app registration (clientId in
 * config.json) and sign-in to have started (`signInReady`: the auth module loaded and MSAL initialised).
 */
export function automaticModeUnavailable(
  config: AppConfig,
  signInReady: boolean,
): AutomaticModeUnavailable | null {
  if (!config.clientId) {
    return {
      reason: 'Not available: automatic mode is not set up on this site. Use the portal steps instead.',
      forHost:
        'If you host this site: register the wizard’s own app and put its Application (client) ID in ' +
        'config.json as clientId, as the deployment guide (docs/deploy.md in its source) describes.',
    };
  }
  if (!signInReady) {
    return {
      reason:
        'Not available: sign-in could not start in this browser (see the problem above the wizard). Use the ' +
        'portal steps instead.',
      forHost: null,
    };
  }
  return null;
}
