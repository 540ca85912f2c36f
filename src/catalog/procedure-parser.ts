import type { ConnectorId, ConnectorMode, ProcedureSection } from './connectors';
import type { PermissionKind } from './permissions';
import type { ResourceApiId } from './resource-apis';

const connectorHeadings: Record<string, ConnectorId> = {
  'Microsoft Teams': 'teams',
  OneDrive: 'onedrive',
  'OneDrive for Business': 'onedrive-business',
  'Outlook Calendar': 'outlook-calendar',
  'Outlook Mail': 'outlook-mail',
  'SharePoint Online': 'sharepoint',
};

const apiHeadings: Record<string, ResourceApiId> = {
  'Microsoft Graph': 'graph',
  SharePoint: 'sharepoint',
  'Office 365 Management APIs': 'management',
  'Azure Active Directory Graph': 'aad-graph',
};

export type ParsedProcedure = Map<`${ConnectorId}:${ConnectorMode}`, ProcedureSection[]>;

/**
 * Reads the permission lists out of the setup procedure's text, so tests can hold the catalog to the procedure itself
 * rather than to a second transcription of it. A connector without "Authenticating … users" headings (OneDrive) has one
 * list that serves both modes.
 */
export function parseProcedure(text: string): ParsedProcedure {
  const result: ParsedProcedure = new Map();
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.indexOf('# Required permissions (scopes)');
  const end = lines.findIndex((l) => l.startsWith('# White-labeling'));
  if (start < 0 || end < 0) throw new Error('The procedure has no "Required permissions" part');

  let connectorId: ConnectorId | undefined;
  let modes: ConnectorMode[] = [];
  let current: { names: string[] } | undefined;

  for (const line of lines.slice(start + 1, end)) {
    const heading = /^# (.+)$/.exec(line)?.[1];
    if (heading === undefined) {
      if (current && /^[A-Za-z_.]+$/.test(line)) current.names.push(line);
      else current = undefined;
      continue;
    }
    current = undefined;
    if (heading in connectorHeadings) {
      connectorId = connectorHeadings[heading];
      modes = ['user', 'admin'];
      continue;
    }
    if (/^Authenticating non-admin users$/i.test(heading)) modes = ['user'];
    else if (/^Authenticating admin users$/i.test(heading)) modes = ['admin'];
    const section = /^(.+) \((Delegated|Application) permissions\)$/i.exec(heading);
    if (!section || !connectorId) continue;
    const api = apiHeadings[section[1] ?? ''];
    if (!api) throw new Error(`Unknown API heading "${heading}"`);
    const kind: PermissionKind = section[2]?.toLowerCase() === 'delegated' ? 'delegated' : 'application';
    const names: string[] = [];
    current = { names };
    for (const mode of modes) {
      const key = `${connectorId}:${mode}` as const;
      result.set(key, [...(result.get(key) ?? []), { api, kind, names }]);
    }
  }
  return result;
}
