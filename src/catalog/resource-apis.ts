/** The resource APIs whose permissions the connectors request, in the order the wizard lists them. */
export type ResourceApiId = 'graph' | 'sharepoint' | 'management' | 'aad-graph';

export interface ResourceApi {
  readonly id: ResourceApiId;
  /** The resource's application (client) ID: `resourceAppId` in `requiredResourceAccess`. */
  readonly appId: string;
  /** The service principal's display name in a tenant. */
  readonly displayName: string;
  /** The name the Entra portal shows under API permissions > Add a permission. */
  readonly portalName: string;
  /** Set when Microsoft has retired the API: what that means for the registration. */
  readonly retired?: string;
}

export const resourceApis: readonly ResourceApi[] = [
  {
    id: 'graph',
    appId: '00000003-0000-0000-c000-000000000000',
    displayName: 'Microsoft Graph',
    portalName: 'Microsoft Graph',
  },
  {
    id: 'sharepoint',
    appId: '00000003-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 SharePoint Online',
    portalName: 'SharePoint',
  },
  {
    id: 'management',
    appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2',
    displayName: 'Office 365 Management APIs',
    portalName: 'Office 365 Management APIs',
  },
  {
    id: 'aad-graph',
    appId: '00000002-0000-0000-c000-000000000000',
    displayName: 'Windows Azure Active Directory',
    portalName: 'Azure Active Directory Graph',
    retired:
      'Azure AD Graph is retired: Microsoft ended access on 31 August 2025. The procedure still lists this permission, ' +
      'so the wizard adds it, but calls to Azure AD Graph fail. Microsoft Graph Directory.ReadWrite.All, which this ' +
      'registration also requests, is the supported equivalent.',
  },
];

export function resourceApi(id: ResourceApiId): ResourceApi {
  const api = resourceApis.find((a) => a.id === id);
  if (!api) throw new Error(`Unknown resource API "${id}"`);
  return api;
}
