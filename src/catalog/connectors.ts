import type { PermissionKind } from './permissions';
import type { ResourceApiId } from './resource-apis';

export type ConnectorId =
  'teams' | 'onedrive' | 'onedrive-business' | 'outlook-calendar' | 'outlook-mail' | 'sharepoint';

/** `user`: each person connects their own account. `admin`: an administrator connects once for the organization. */
export type ConnectorMode = 'user' | 'admin';

export const connectorModes: readonly ConnectorMode[] = ['user', 'admin'];

/** One heading of the procedure's permission lists: the names it lists for one API and kind. */
export interface ProcedureSection {
  readonly api: ResourceApiId;
  readonly kind: PermissionKind;
  /** Exactly as the procedure writes them, typos included; `corrections.ts` maps those that do not exist. */
  readonly names: readonly string[];
}

export interface ConnectorModeDefinition {
  /** One line: what connecting in this mode gives the platform. */
  readonly summary: string;
  /** The procedure's permission lists for this connector and mode. */
  readonly procedure: readonly ProcedureSection[];
  /** Admin accounts of this connector authenticate with a certificate as well as the client secret. */
  readonly certificate: boolean;
}

export interface Connector {
  readonly id: ConnectorId;
  readonly name: string;
  readonly description: string;
  readonly modes: Readonly<Record<ConnectorMode, ConnectorModeDefinition>>;
  /** Shown next to the mode choice when admin mode differs from user mode in more than permissions. */
  readonly modeNote?: string;
}

const section = (api: ResourceApiId, kind: PermissionKind, names: readonly string[]): ProcedureSection => ({
  api,
  kind,
  names,
});

/** The admin-mode lists OneDrive for Business and SharePoint Online share in the procedure. */
const orgWideFilesAdmin: readonly ProcedureSection[] = [
  section('aad-graph', 'application', ['Directory.ReadWrite.All']),
  section('graph', 'application', [
    'Directory.ReadWrite.All',
    'Files.ReadWrite.All',
    'Group.ReadWrite.All',
    'Sites.ReadWrite.All',
    'User.ReadWrite.All',
  ]),
  section('management', 'application', ['ActivityFeed.Read']),
  section('sharepoint', 'application', [
    'Sites.FullControl.All',
    'TermStore.ReadWrite.All',
    'User.ReadWrite.All',
  ]),
];

const filesUser: readonly ProcedureSection[] = [
  section('graph', 'delegated', ['offline_access', 'Files.ReadWrite.All', 'Sites.Manage.All', 'User.Read']),
  section('sharepoint', 'delegated', ['AllSites.Manage', 'AllSites.Read', 'MyFiles.Write']),
];

const signInBasics = ['email', 'offline_access', 'openid', 'profile'];

const oneDrive: readonly ProcedureSection[] = [
  section('graph', 'delegated', ['offline_access', 'profile', 'openid', 'Files.ReadWrite.All', 'User.Read']),
];

/**
 * The six connectors and, for each mode, the permissions the setup procedure lists. The procedure is kept beside this
 * file as `procedure.source.txt`; `catalog.test.ts` parses it and checks these lists against it.
 */
export const connectors: readonly Connector[] = [
  {
    id: 'teams',
    name: 'Microsoft Teams',
    description: 'Teams, channels, channel messages and chats.',
    modes: {
      user: {
        summary: 'Each user connects their own account: their teams, channels, chats and files.',
        procedure: [
          section('graph', 'delegated', [
            'Channel.ReadBasic.All',
            'ChannelMessage.Send',
            'ChannelMessage.Delete',
            'ChannelMessage.Edit',
            'Chat.ReadWrite',
            'Files.ReadWrite.All',
            'Team.Create',
            'Team.ReadBasic.All',
            'User.Read',
            'User.ReadBasic.All',
          ]),
        ],
        certificate: false,
      },
      admin: {
        summary:
          'An admin connects once for org-wide access to every team, channel and chat, users and groups, and the activity feed.',
        procedure: [
          section('graph', 'application', [
            'Channel.Create',
            'Channel.ReadBasic.All',
            'ChannelMember.ReadWrite.All',
            'ChannelMessage.Read.All',
            'ChannelMessage.Send',
            'ChannelSettings.ReadWrite.All',
            'Chat.ReadWrite.All',
            'Directory.AccessAsUser.All',
            'Directory.ReadWrite.All',
            'Group.ReadWrite.All',
            'GroupMember.ReadWrite.All',
            'Team.ReadBasic.All',
            'TeamSettings.ReadWrite.All',
            'User.ReadBasic.All',
            'User.ReadWrite.All',
          ]),
          section('management', 'application', ['ActivityFeed.Read']),
          section('sharepoint', 'application', [
            'Sites.FullControl.All',
            'TermStore.ReadWrite.All',
            'User.ReadWrite.All',
          ]),
        ],
        certificate: true,
      },
    },
  },
  {
    id: 'onedrive',
    name: 'OneDrive',
    description: 'Files in the signed-in user’s OneDrive.',
    modeNote:
      'OneDrive has one permission set. Admin mode requests the same permissions and adds what admin accounts need to ' +
      'sign in: ID tokens and a certificate credential.',
    modes: {
      user: {
        summary: 'Each user connects their own OneDrive.',
        procedure: oneDrive,
        certificate: false,
      },
      admin: {
        summary:
          'Admin accounts connect with the same permissions, plus ID tokens and a certificate credential.',
        procedure: oneDrive,
        certificate: true,
      },
    },
  },
  {
    id: 'onedrive-business',
    name: 'OneDrive for Business',
    description: 'Work files in OneDrive for Business and SharePoint document libraries.',
    modes: {
      user: {
        summary: 'Each user connects their own OneDrive for Business and the sites they can reach.',
        procedure: filesUser,
        certificate: false,
      },
      admin: {
        summary:
          'An admin connects once for org-wide access to every user’s files, all sites, groups and the activity feed.',
        procedure: orgWideFilesAdmin,
        certificate: true,
      },
    },
  },
  {
    id: 'outlook-calendar',
    name: 'Outlook Calendar',
    description: 'Calendars, events and contacts in Exchange Online.',
    modes: {
      user: {
        summary: 'Each user connects their own calendars, including calendars shared with them.',
        procedure: [
          section('graph', 'delegated', [
            ...signInBasics,
            'Calendars.ReadWrite.Shared',
            'Calendars.ReadWrite',
            'Contacts.Read',
            'Contacts.Read.Shared',
            'MailboxSettings.Read',
            'User.Read',
            'User.ReadBasic.All',
          ]),
        ],
        certificate: false,
      },
      admin: {
        summary:
          'An admin connects once for access to the calendars, contacts and settings of every mailbox.',
        procedure: [
          section('graph', 'application', [
            'Calendar.ReadWrite',
            'Contacts.Read',
            'MailboxSettings.ReadWrite',
            'User.Read.All',
          ]),
          section('graph', 'delegated', signInBasics),
        ],
        certificate: false,
      },
    },
  },
  {
    id: 'outlook-mail',
    name: 'Outlook Mail',
    description: 'Mail, folders and contacts in Exchange Online.',
    modes: {
      user: {
        summary: 'Each user connects their own mailbox.',
        procedure: [
          section('graph', 'delegated', [
            ...signInBasics,
            'Contacts.Read',
            'Contacts.Read.Shared',
            'Mail.ReadWrite',
            'Mail.Send',
            'MailboxSettings.Read',
            'User.Read',
            'User.ReadBasic.All',
          ]),
        ],
        certificate: false,
      },
      admin: {
        summary: 'An admin connects once to read, write and send mail in every mailbox.',
        procedure: [
          section('graph', 'delegated', signInBasics),
          section('graph', 'application', [
            'MailboxSettings.Read',
            'User.Read.All',
            'Mail.Send',
            'Mail.ReadWrite',
          ]),
        ],
        certificate: false,
      },
    },
  },
  {
    id: 'sharepoint',
    name: 'SharePoint Online',
    description: 'Sites, document libraries, lists and managed metadata.',
    modes: {
      user: {
        summary: 'Each user connects their own account and the sites they can reach.',
        procedure: filesUser,
        certificate: false,
      },
      admin: {
        summary:
          'An admin connects once for full control of every site collection, managed metadata, users, groups and the activity feed.',
        procedure: orgWideFilesAdmin,
        certificate: true,
      },
    },
  },
];

export const connectorIds: readonly ConnectorId[] = connectors.map((c) => c.id);

export function isConnectorId(value: string): value is ConnectorId {
  return (connectorIds as readonly string[]).includes(value);
}

export function isConnectorMode(value: string): value is ConnectorMode {
  return (connectorModes as readonly string[]).includes(value);
}

export function connector(id: ConnectorId): Connector {
  const found = connectors.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown connector "${id}"`);
  return found;
}
