/**
 * The parts of docs/deploy.md that are made from the code, so the guide never drifts from what the build and the
 * wizard do: the wizard's registration (manifest, az command, portal steps, permissions), the config.json keys, the
 * clouds and the security headers.
 */
import { securityHeaders, type SecurityHeaders } from '../src/auth/security-headers';
import { nginxHeaders } from '../src/auth/nginx-headers';
import { clouds } from '../src/config/clouds';
import { configKeyChecks, defaultConfig, type ConfigKey } from '../src/config/config-schema';
import { wizardRegistration } from '../src/config/wizard-registration';
import { stepsMarkdown } from '../src/exports/portal-steps-file';
import { AZ_CLOUD_NAMES, azCommand, wizardPortalSteps } from '../src/exports/wizard-registration-steps';

/** What each config.json key does. Typed by the schema's keys, so a new key cannot go undocumented. */
const configKeyMeanings: Readonly<Record<ConfigKey, string>> = {
  clientId:
    'Application (client) ID of the wizard’s own app registration (step 2). Without it only offline mode is ' +
    'offered, and MSAL is never downloaded.',
  cloud:
    '`global`, `usgov`, `usgovdod` or `china`: the Microsoft login, Graph and portal hosts to use (see Clouds). ' +
    'The registration must be in a tenant of that cloud.',
  defaultRedirectUris:
    'The Web redirect URI per connector id (`teams`, `onedrive`, `onedrive-business`, `outlook-calendar`, ' +
    '`outlook-mail`, `sharepoint`), as the platform’s “Custom OAuth keys” page lists them.',
  platformName: 'The platform’s name, used in the wizard’s text (“Kloudless’s Custom OAuth keys page”).',
};

const code = (value: string) => `\`${value}\``;
const fence = (language: string, body: string) => `\`\`\`${language}\n${body.trimEnd()}\n\`\`\``;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

function defaultOf(key: ConfigKey): string {
  const value = (defaultConfig as unknown as Record<string, unknown>)[key];
  return value === undefined ? 'none' : code(JSON.stringify(value));
}

function headerList({ global, paths }: SecurityHeaders): string {
  const items = (headers: Readonly<Record<string, string>>) =>
    Object.entries(headers).map(([name, value]) => `  - ${code(name)}: ${code(value)}`);
  return [
    '- Every response:',
    ...items(global),
    ...paths.flatMap(({ path, headers }) => [`- ${code(path)}, in addition or instead:`, ...items(headers)]),
  ].join('\n');
}

/** Every generated block of the guide, by the name its markers carry. */
export function deployGuideBlocks(): Readonly<Record<string, string>> {
  const registration = wizardRegistration();
  const headers = securityHeaders(Object.values(clouds));
  return {
    'registration-manifest': fence('json', JSON.stringify(registration.manifest, null, 2)),
    'registration-az': fence('sh', azCommand(registration, clouds.global)),
    'registration-portal': stepsMarkdown(wizardPortalSteps(registration, clouds.global)),
    'registration-permissions': table(
      ['Microsoft Graph permission (delegated)', 'id', 'the wizard asks for it'],
      registration.permissions.map((p) => [code(p.name), code(p.id), p.askedFor]),
    ),
    'config-keys': table(
      ['key', 'default', 'meaning'],
      Object.keys(configKeyChecks).map((key) => [
        code(key),
        defaultOf(key as ConfigKey),
        configKeyMeanings[key as ConfigKey],
      ]),
    ),
    clouds: table(
      ['`cloud`', 'cloud', 'sign-in host', 'Microsoft Graph host', 'portal', 'Azure CLI cloud'],
      Object.values(clouds).map((c) => [
        code(c.id),
        c.name,
        c.login,
        c.graph,
        c.portal,
        code(AZ_CLOUD_NAMES[c.id]),
      ]),
    ),
    headers: headerList(headers),
    nginx: fence('nginx', nginxHeaders(headers)),
  };
}
