import type { AppConfig } from '../../config/config-schema';

/**
 * Why automatic mode cannot be offered, or null when it can. It needs the wizard's own app registration (clientId in
 * config.json) and sign-in to have started (`signInReady`: the auth module loaded and MSAL initialised).
 */
export function automaticModeUnavailable(config: AppConfig, signInReady: boolean): string | null {
  if (!config.clientId) {
    return 'this deployment has no clientId in config.json, the wizard’s own app registration that signing in needs. Use the portal steps instead.';
  }
  if (!signInReady) {
    return 'sign-in could not start in this browser (see the problem above the wizard). Use the portal steps instead.';
  }
  return null;
}
