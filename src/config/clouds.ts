/** The Microsoft clouds the wizard can work in. GCC (moderate) uses the global endpoints. */
export type CloudId = 'global' | 'usgov' | 'usgovdod' | 'china';

export interface Cloud {
  readonly id: CloudId;
  readonly name: string;
  /** Microsoft identity platform host. */
  readonly login: string;
  /** Microsoft Graph host. */
  readonly graph: string;
  /** The admin portal where app registrations live. */
  readonly portal: string;
}

/** Source: Microsoft Graph docs, "National cloud deployments" (concepts/deployments.md). */
export const clouds: Readonly<Record<CloudId, Cloud>> = {
  global: {
    id: 'global',
    name: 'Microsoft Azure (global)',
    login: 'https://login.microsoftonline.com',
    graph: 'https://graph.microsoft.com',
    portal: 'https://portal.azure.com',
  },
  usgov: {
    id: 'usgov',
    name: 'Azure Government (GCC High, L4)',
    login: 'https://login.microsoftonline.us',
    graph: 'https://graph.microsoft.us',
    portal: 'https://portal.azure.us',
  },
  usgovdod: {
    id: 'usgovdod',
    name: 'Azure Government (DoD, L5)',
    login: 'https://login.microsoftonline.us',
    graph: 'https://dod-graph.microsoft.us',
    portal: 'https://portal.azure.us',
  },
  china: {
    id: 'china',
    name: 'Microsoft Azure operated by 21Vianet',
    login: 'https://login.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    portal: 'https://portal.azure.cn',
  },
};

export const cloudIds = Object.keys(clouds) as CloudId[];
