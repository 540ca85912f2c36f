import { permissionKey, type PermissionRef } from './permissions';

/** A permission name in the setup procedure that does not exist as written, and what the wizard requests instead. */
export interface Correction {
  /** The permission as the procedure writes it. */
  readonly asWritten: PermissionRef;
  /** The permission that exists and does what the procedure intends. */
  readonly resolvedTo: PermissionRef;
  /** Shown to the user: why the name was changed. */
  readonly reason: string;
}

/** Source: the `exists: false` entries of `microsoft-permissions.source.json` and their notes. */
export const corrections: readonly Correction[] = [
  {
    asWritten: { api: 'graph', kind: 'delegated', name: 'ChannelMessage.Delete' },
    resolvedTo: { api: 'graph', kind: 'delegated', name: 'ChannelMessage.ReadWrite' },
    reason:
      'Microsoft Graph has no ChannelMessage.Delete permission. ChannelMessage.ReadWrite is the permission Microsoft ' +
      'documents for deleting channel messages; it needs admin consent.',
  },
  {
    asWritten: { api: 'graph', kind: 'application', name: 'ChannelMessage.Send' },
    resolvedTo: { api: 'graph', kind: 'delegated', name: 'ChannelMessage.Send' },
    reason:
      'ChannelMessage.Send exists only as a delegated permission, so it is requested as delegated and works when the ' +
      'admin signs in. Microsoft Graph allows app-only posting only for message migration (Teamwork.Migrate.All), ' +
      'which is not requested.',
  },
  {
    asWritten: { api: 'graph', kind: 'application', name: 'Directory.AccessAsUser.All' },
    resolvedTo: { api: 'graph', kind: 'delegated', name: 'Directory.AccessAsUser.All' },
    reason:
      'Directory.AccessAsUser.All exists only as a delegated permission, so it is requested as delegated (admin consent ' +
      'required). For app-only directory access the list already has Directory.ReadWrite.All (application).',
  },
  {
    asWritten: { api: 'graph', kind: 'application', name: 'Calendar.ReadWrite' },
    resolvedTo: { api: 'graph', kind: 'application', name: 'Calendars.ReadWrite' },
    reason: 'The procedure has a typo: the permission is Calendars.ReadWrite, with an "s".',
  },
];

const byKey = new Map(corrections.map((c) => [permissionKey(c.asWritten), c]));

export function findCorrection(ref: PermissionRef): Correction | undefined {
  return byKey.get(permissionKey(ref));
}
