import { connectorIds, isConnectorId, isConnectorMode, type ConnectorId } from '../catalog/connectors';
import { displayNameProblem, redirectUriProblem } from '../catalog/entra-limits';
import type { AppConfig } from '../config/config-schema';
import type { ConnectorSelection } from '../plan/plan-types';
import { defaultDisplayName, type WizardAnswers } from './answers';

/**
 * The non-secret choices, as a URL query, so support staff can send a customer a ready-made setup:
 * `?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync&redirect.teams=https://…`.
 */
export type LinkedAnswers = Partial<Pick<WizardAnswers, 'connectors' | 'displayName' | 'redirectUris'>>;

export interface ParsedLink {
  readonly answers: LinkedAnswers;
  /** What was wrong in the link; those values were ignored. */
  readonly problems: readonly string[];
}

export function parseShareLink(search: string): ParsedLink {
  const params = new URLSearchParams(search);
  const answers: { -readonly [K in keyof LinkedAnswers]: LinkedAnswers[K] } = {};
  const problems: string[] = [];

  const list = params.get('connectors');
  if (list !== null) {
    const selections: ConnectorSelection[] = [];
    for (const item of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [id = '', mode = 'user', ...rest] = item.split(':');
      if (!isConnectorId(id)) {
        problems.push(
          `The link names an unknown connector "${id}". Known connectors: ${connectorIds.join(', ')}.`,
        );
      } else if (!isConnectorMode(mode) || rest.length) {
        problems.push(`The link gives "${item}": the mode after "${id}:" must be "user" or "admin".`);
      } else if (selections.some((s) => s.id === id)) {
        problems.push(`The link names "${id}" more than once; the first one is used.`);
      } else {
        selections.push({ id, mode });
      }
    }
    answers.connectors = selections;
  }

  const name = params.get('name');
  if (name !== null) {
    const problem = displayNameProblem(name);
    if (problem) problems.push(`The name in the link was ignored. ${problem}`);
    else answers.displayName = name.trim();
  }

  const redirects: Partial<Record<ConnectorId, string>> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('redirect.')) continue;
    const id = key.slice('redirect.'.length);
    const problem = isConnectorId(id) ? redirectUriProblem(value) : `"${id}" is not a connector.`;
    if (problem || !isConnectorId(id))
      problems.push(`The redirect URI "${key}" in the link was ignored. ${problem}`);
    else redirects[id] = value.trim();
  }
  if (Object.keys(redirects).length) answers.redirectUris = redirects;

  return { answers, problems };
}

/** The query string for the answers; defaults are left out so links stay short. */
export function shareLinkQuery(answers: WizardAnswers, config: AppConfig): string {
  const params = new URLSearchParams();
  if (answers.connectors.length) {
    params.set('connectors', answers.connectors.map((c) => `${c.id}:${c.mode}`).join(','));
  }
  if (answers.displayName !== defaultDisplayName(config)) params.set('name', answers.displayName);
  for (const c of answers.connectors) {
    const uri = answers.redirectUris[c.id];
    if (uri !== undefined && uri !== config.defaultRedirectUris[c.id]) params.set(`redirect.${c.id}`, uri);
  }
  // Commas and colons read better unescaped, and both are legal in a query.
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
