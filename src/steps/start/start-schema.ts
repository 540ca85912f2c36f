import type { AppConfig } from '../../config/config-schema';

/** Why automatic mode cannot be offered, or null when it can. */
export function automaticModeUnavailable(config: AppConfig): string | null {
  if (!config.clientId) {
    return 'this deployment has no clientId in config.json, the wizard’s own app registration that signing in needs. Use the portal steps instead.';
  }
  return 'signing in to create the registration is not part of this version yet. Use the portal steps instead.';
}
