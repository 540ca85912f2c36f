/** The Microsoft hosts the emulator answers for, per national cloud. */

/** Sign-in hosts (global, US Government, China 21Vianet). */
export const LOGIN_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/** Microsoft Graph hosts (global, US Gov L4, US Gov L5 DoD, China 21Vianet). */
export const GRAPH_HOSTS: readonly string[] = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
];

/** Every host the emulator serves. */
export const EMULATED_HOSTS: readonly string[] = [...LOGIN_HOSTS, ...GRAPH_HOSTS];

/** Matches an `https://` URL on any emulated host (for Playwright routing). */
export const EMULATED_URL_PATTERN = new RegExp(
  `^https://(${EMULATED_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})(:443)?/`,
  'i',
);

/** Whether the host is an emulated sign-in host. */
export function isLoginHost(host: string): boolean {
  return LOGIN_HOSTS.includes(host.toLowerCase());
}

/** Whether the host is an emulated Graph host. */
export function isGraphHost(host: string): boolean {
  return GRAPH_HOSTS.includes(host.toLowerCase());
}

/** The Graph resource whose tokens a sign-in host issues when scopes carry no resource prefix. */
export function defaultGraphResource(loginHost: string): string {
  switch (loginHost.toLowerCase()) {
    case 'login.microsoftonline.us':
      return 'https://graph.microsoft.us';
    case 'login.chinacloudapi.cn':
    case 'login.partner.microsoftonline.cn':
      return 'https://microsoftgraph.chinacloudapi.cn';
    default:
      return 'https://graph.microsoft.com';
  }
}
