import type { ConnectorId } from '../catalog/connectors';
import type { AppConfig } from '../config/config-schema';
import { defaultConfig } from '../config/config-schema';
import { buildPlan } from '../plan/build-plan';
import type { ConnectorSelection, RegistrationPlan } from '../plan/plan-types';

/** How the registration gets made: by the wizard through Microsoft Graph, or by the admin in the portal. */
export type SetupPath = 'automatic' | 'offline';

/** Everything the admin has decided so far. Steps fill it in as the admin advances. */
export interface WizardAnswers {
  readonly path: SetupPath | null;
  readonly connectors: readonly ConnectorSelection[];
  readonly displayName: string;
  /** Web redirect URI per connector; connectors that share a URI share one entry on screen. */
  readonly redirectUris: Readonly<Partial<Record<ConnectorId, string>>>;
}

export function defaultDisplayName(config: AppConfig): string {
  return config.platformName === defaultConfig.platformName
    ? 'Microsoft 365 connectors'
    : `${config.platformName} Microsoft 365 connectors`;
}

export function initialAnswers(config: AppConfig): WizardAnswers {
  return { path: null, connectors: [], displayName: defaultDisplayName(config), redirectUris: {} };
}

/** The redirect URI a connector will use: the admin's choice, else the configured default, else empty. */
export function redirectUriFor(answers: WizardAnswers, config: AppConfig, id: ConnectorId): string {
  return answers.redirectUris[id] ?? config.defaultRedirectUris[id] ?? '';
}

/** The registration plan for the answers, once at least one connector is chosen. */
export function planFor(answers: WizardAnswers, config: AppConfig): RegistrationPlan | null {
  if (answers.connectors.length === 0) return null;
  return buildPlan({
    connectors: answers.connectors,
    displayName: answers.displayName,
    redirectUris: answers.connectors.map((c) => redirectUriFor(answers, config, c.id)),
  });
}
