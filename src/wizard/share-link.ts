import { BRANDING_LINKS, brandingLinkProblem, type BrandingLinkKey } from '../catalog/branding-links';
import { connectorIds, isConnectorId, isConnectorMode, type ConnectorId } from '../catalog/connectors';
import { displayNameProblem, redirectUriProblem } from '../catalog/entra-limits';
import type { AppConfig } from '../config/config-schema';
import type { ConnectorSelection } from '../plan/plan-types';
import { brandingFromLinks, brandingLinks } from '../plan/branding-links';
import { defaultDisplayName, type WizardAnswers } from './answers';
import { quoteLinkValue, readParameters, type LinkParameter } from './link-parameters';

/**
 * The non-secret choices, as a URL query, so support staff can send a customer a ready-made setup:
 * `?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync&redirect.teams=https://…`, and, when the
 * branding step is asked for, `branding=on&branding.privacyStatementUrl=https://…` with each link given. The logo is
 * a file, never part of the link.
 */
export type LinkedAnswers = Partial<
  Pick<WizardAnswers, 'connectors' | 'displayName' | 'redirectUris' | 'customizeBranding' | 'branding'>
>;

export interface ParsedLink {
  readonly answers: LinkedAnswers;
  /** What was wrong in the link; those values were ignored. */
  readonly problems: readonly string[];
}

/** How many problems the page lists; the rest are counted in one more line. */
const PROBLEMS_MAX = 20;

const isRead = (key: string) =>
  key === 'connectors' ||
  key === 'name' ||
  key === BRANDING ||
  key.startsWith('redirect.') ||
  key.startsWith(BRANDING_PREFIX);

/** The parameter that asks for the branding step, with the value {@link BRANDING_ON}. */
const BRANDING = 'branding';
const BRANDING_ON = 'on';
/** Before each branding link's key: `branding.homePageUrl`, `branding.termsOfServiceUrl`, … */
const BRANDING_PREFIX = 'branding.';

const brandingLink = (key: string) => BRANDING_LINKS.find((link) => link.key === key);

/** How a message names a parameter of the link. */
function described(key: string): string {
  if (key === 'name') return 'The name in the link';
  if (key === 'connectors') return 'The connector list in the link';
  if (key === BRANDING) return `The link's "${BRANDING}" value`;
  const link = key.startsWith(BRANDING_PREFIX) && brandingLink(key.slice(BRANDING_PREFIX.length));
  if (link) return `The ${link.noun} link in the link`;
  if (key.startsWith(BRANDING_PREFIX)) return `The branding link ${quoteLinkValue(key)} in the link`;
  return `The redirect URI ${quoteLinkValue(key)} in the link`;
}

export function parseShareLink(search: string): ParsedLink {
  const parameters = readParameters(search, isRead);
  const answers: { -readonly [K in keyof LinkedAnswers]: LinkedAnswers[K] } = {};
  const problems: string[] = [];

  /** The parameter's value, or null after reporting it as broken; its repeats are reported by {@link repeats}. */
  const valueOf = (key: string): string | null => {
    const parameter = parameters.get(key);
    if (!parameter) return null;
    if (parameter.value === null) {
      problems.push(
        `${described(key)} was ignored: it has a broken %-escape (${quoteLinkValue(parameter.raw)}). Copy the whole link again; a "%" itself is written %25.`,
      );
    }
    return parameter.value;
  };
  const repeats = (key: string) => {
    const count = parameters.get(key)?.count ?? 0;
    if (count > 1)
      problems.push(`The link gives ${quoteLinkValue(key)} ${count} times; only the first one is used.`);
  };

  const list = valueOf('connectors');
  if (list !== null) {
    const selections: ConnectorSelection[] = [];
    for (const item of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [id = '', mode = 'user', ...rest] = item.split(':');
      if (!isConnectorId(id)) {
        problems.push(
          `The link names an unknown connector ${quoteLinkValue(id)}. Known connectors: ${connectorIds.join(', ')}.`,
        );
      } else if (!isConnectorMode(mode) || rest.length) {
        problems.push(
          `The link gives ${quoteLinkValue(item)}: the mode after "${id}:" must be "user" or "admin".`,
        );
      } else if (selections.some((s) => s.id === id)) {
        problems.push(`The link names "${id}" more than once; the first one is used.`);
      } else {
        selections.push({ id, mode });
      }
    }
    answers.connectors = selections;
  }
  repeats('connectors');

  const name = valueOf('name');
  if (name !== null) {
    const problem = displayNameProblem(name);
    if (problem) problems.push(`${described('name')} was ignored. ${problem}`);
    else answers.displayName = name.trim();
  }
  repeats('name');

  const redirects: Partial<Record<ConnectorId, string>> = {};
  for (const key of parameters.keys()) {
    if (!key.startsWith('redirect.')) continue;
    const value = valueOf(key);
    if (value !== null) {
      const id = key.slice('redirect.'.length);
      if (!isConnectorId(id)) {
        problems.push(`${described(key)} was ignored. ${quoteLinkValue(id)} is not a connector.`);
      } else {
        const problem = redirectUriProblem(value);
        if (problem) problems.push(`${described(key)} was ignored. ${problem}`);
        else redirects[id] = value.trim();
      }
    }
    repeats(key);
  }
  if (Object.keys(redirects).length) answers.redirectUris = redirects;

  readBranding(parameters, valueOf, repeats, problems, answers);

  const distinct = [...new Set(problems)];
  const more = distinct.length - PROBLEMS_MAX;
  if (more <= 0) return { answers, problems: distinct };
  return {
    answers,
    problems: [
      ...distinct.slice(0, PROBLEMS_MAX),
      more === 1
        ? 'The link has 1 more problem like these; it was ignored too.'
        : `The link has ${more} more problems like these; they were ignored too.`,
    ],
  };
}

/**
 * The branding step and its links: `branding=on` asks for the step, and so does any good `branding.<key>` link. A
 * link that would not do is reported and left out, as the step's own field would refuse it.
 */
function readBranding(
  parameters: ReadonlyMap<string, LinkParameter>,
  valueOf: (key: string) => string | null,
  repeats: (key: string) => void,
  problems: string[],
  answers: { customizeBranding?: boolean; branding?: WizardAnswers['branding'] },
): void {
  let asked = false;
  const switchValue = valueOf(BRANDING);
  if (switchValue !== null) {
    if (switchValue.trim() === BRANDING_ON) asked = true;
    else
      problems.push(
        `${described(BRANDING)} ${quoteLinkValue(switchValue)} was ignored: "${BRANDING}=${BRANDING_ON}" adds the step for the logo and links users see when they consent.`,
      );
  }
  repeats(BRANDING);
  const links: Partial<Record<BrandingLinkKey, string>> = {};
  for (const key of parameters.keys()) {
    if (!key.startsWith(BRANDING_PREFIX)) continue;
    const link = brandingLink(key.slice(BRANDING_PREFIX.length));
    if (!link) {
      problems.push(
        `${described(key)} was ignored: it is not one of ${BRANDING_LINKS.map((l) => `${BRANDING_PREFIX}${l.key}`).join(', ')}.`,
      );
    } else {
      const value = valueOf(key);
      const problem = value === null ? null : brandingLinkProblem(value, link.noun);
      if (problem) problems.push(`${described(key)} was ignored. ${problem}`);
      else if (value?.trim()) links[link.key] = value.trim();
    }
    repeats(key);
  }
  if (!asked && Object.keys(links).length === 0) return;
  answers.customizeBranding = true;
  answers.branding = brandingFromLinks(links, null);
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
  if (answers.customizeBranding) {
    params.set(BRANDING, BRANDING_ON);
    for (const [key, value] of Object.entries(brandingLinks(answers.branding))) {
      if (value) params.set(`${BRANDING_PREFIX}${key}`, value);
    }
  }
  // Commas and colons read better unescaped, and both are legal in a query.
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
