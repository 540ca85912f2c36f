import type { ResourceApiId } from './resource-apis';

/**
 * Delegated permissions act on behalf of a signed-in user (`Scope` in `requiredResourceAccess`); application
 * permissions act as the app itself, without a user (`Role`).
 */
export type PermissionKind = 'delegated' | 'application';

/** A permission that exists on a resource API's service principal. */
export interface Permission {
  readonly api: ResourceApiId;
  /** The permission's value, as the portal and tokens show it. */
  readonly name: string;
  readonly kind: PermissionKind;
  /** The `oauth2PermissionScope` (delegated) or `appRole` (application) id on the resource's service principal. */
  readonly id: string;
  /** Whether only an administrator can consent to it. Every application permission needs admin consent. */
  readonly adminConsentRequired: boolean;
  /** What it allows, in the words the portal uses. */
  readonly description: string;
}

/** The `type` Microsoft Graph uses in `resourceAccess` for each kind. */
export const graphAccessType = { delegated: 'Scope', application: 'Role' } as const satisfies Record<
  PermissionKind,
  string
>;

/**
 * Every permission the connectors request, and those the wizard's own registration asks for, with its id.
 *
 * Source: `microsoft-permissions.source.json` beside this file (collected 2026-11 from public exports of the
 * first-party service principals and Microsoft's own permission catalogues; each id was cross-checked in two or more
 * independent public sources, listed per entry there). `catalog.test.ts` checks every id here against that file.
 * Microsoft can add permissions later, so a signed-in run still resolves names against the tenant's own service
 * principals before writing anything.
 */
export const permissions: readonly Permission[] = [
  // Microsoft Graph, delegated
  d('graph', 'openid', '37f7f235-527c-4136-accd-4a02d197296e', 'Sign users in'),
  d('graph', 'profile', '14dad69e-099b-42c9-810b-d002981feec1', "View users' basic profile"),
  d('graph', 'email', '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0', "View users' email address"),
  d(
    'graph',
    'offline_access',
    '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
    'Maintain access to data you have given it access to',
  ),
  d('graph', 'User.Read', 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', 'Sign in and read user profile'),
  d('graph', 'User.ReadBasic.All', 'b340eb25-3456-403f-be2f-af7a0d370277', "Read all users' basic profiles"),
  d(
    'graph',
    'Channel.ReadBasic.All',
    '9d8982ae-4365-4f57-95e9-d6032a4c0b87',
    'Read the names and descriptions of channels',
  ),
  d('graph', 'ChannelMessage.Send', 'ebf0f66e-9fb1-49e4-a278-222f76911cf4', 'Send channel messages'),
  d('graph', 'ChannelMessage.Edit', '2b61aa8a-6d36-4b2f-ac7b-f29867937c53', "Edit user's channel messages"),
  d(
    'graph',
    'ChannelMessage.ReadWrite',
    '5922d31f-46c8-4404-9eaf-2117e390a8a4',
    'Read and write user channel messages',
    true,
  ),
  d('graph', 'Chat.ReadWrite', '9ff7295e-131b-4d94-90e1-69fde507ac11', 'Read and write user chat messages'),
  d('graph', 'Team.Create', '7825d5d6-6049-4ce7-bdf6-3b8d53f4bcd0', 'Create teams'),
  d(
    'graph',
    'Team.ReadBasic.All',
    '485be79e-c497-4b35-9400-0e3fa7f2a5d4',
    'Read the names and descriptions of teams',
  ),
  d(
    'graph',
    'Directory.AccessAsUser.All',
    '0e263e50-5827-48a4-b97c-d940288653c7',
    'Access directory as the signed in user',
    true,
  ),
  d(
    'graph',
    'Files.ReadWrite.All',
    '863451e7-0667-486c-a5d6-d135439485f0',
    'Have full access to all files user can access',
  ),
  d(
    'graph',
    'Sites.Manage.All',
    '65e50fdc-43b7-4915-933e-e8138f11f40a',
    'Create, edit, and delete items and lists in all site collections',
  ),
  d(
    'graph',
    'Calendars.ReadWrite',
    '1ec239c2-d7c9-4623-a91a-a9775856bb36',
    'Have full access to user calendars',
  ),
  d(
    'graph',
    'Calendars.ReadWrite.Shared',
    '12466101-c9b8-439a-8589-dd09ee67e8e9',
    'Read and write user and shared calendars',
  ),
  d('graph', 'Contacts.Read', 'ff74d97f-43af-4b68-9f2a-b77ee6968c5d', 'Read user contacts'),
  d('graph', 'Contacts.Read.Shared', '242b9d9e-ed24-4d09-9a52-f43769beb9d4', 'Read user and shared contacts'),
  d('graph', 'MailboxSettings.Read', '87f447af-9fa4-4c32-9dfa-4a57a73d18ce', 'Read user mailbox settings'),
  d('graph', 'Mail.ReadWrite', '024d486e-b451-40bb-833d-3e66d98c5c73', 'Read and write access to user mail'),
  d('graph', 'Mail.Send', 'e383f46e-2787-4529-855e-0e479a3ffac0', 'Send mail as a user'),

  // Microsoft Graph, delegated: what the wizard's own registration asks for, besides sign-in
  d(
    'graph',
    'Application.ReadWrite.All',
    'bdfbf15f-ee85-4955-8675-146e8e5296b5',
    'Read and write all applications',
    true,
  ),
  d(
    'graph',
    'AppRoleAssignment.ReadWrite.All',
    '84bccea3-f856-4a8a-967b-dbe0a3d53a64',
    'Manage app permission grants and app role assignments',
    true,
  ),
  d(
    'graph',
    'DelegatedPermissionGrant.ReadWrite.All',
    '41ce6ca6-6826-4807-84f1-1c82854f7ee5',
    'Manage all delegated permission grants',
    true,
  ),
  d(
    'graph',
    'Policy.Read.All',
    '572fea84-0151-49b2-9301-11cb16974376',
    "Read your organization's policies",
    true,
  ),

  // Microsoft Graph, application
  a('graph', 'Channel.Create', 'f3a65bd4-b703-46df-8f7e-0174fea562aa', 'Create channels'),
  a(
    'graph',
    'Channel.ReadBasic.All',
    '59a6b24b-4225-4393-8165-ebaec5f55d7a',
    'Read the names and descriptions of all channels',
  ),
  a(
    'graph',
    'ChannelMember.ReadWrite.All',
    '35930dcf-aceb-4bd1-b99a-8ffed403c974',
    'Add and remove members from all channels',
  ),
  a('graph', 'ChannelMessage.Read.All', '7b2449af-6ccd-4f4d-9f78-e550c193f0d1', 'Read all channel messages'),
  a(
    'graph',
    'ChannelSettings.ReadWrite.All',
    '243cded2-bd16-4fd6-a953-ff8177894c3d',
    'Read and write the names, descriptions, and settings of all channels',
  ),
  a(
    'graph',
    'Chat.ReadWrite.All',
    '294ce7c9-31ba-490a-ad7d-97a7d075e4ed',
    'Read and write all chat messages',
  ),
  a(
    'graph',
    'Directory.ReadWrite.All',
    '19dbc75e-c2e2-444c-a770-ec69d8559fc7',
    'Read and write directory data',
  ),
  a('graph', 'Group.ReadWrite.All', '62a82d76-70ea-41e2-9197-370581804d09', 'Read and write all groups'),
  a(
    'graph',
    'GroupMember.ReadWrite.All',
    'dbaae8cf-10b5-4b86-a4a1-f871c94c6695',
    'Read and write all group memberships',
  ),
  a('graph', 'Team.ReadBasic.All', '2280dda6-0bfd-44ee-a2f4-cb867cfc4c1e', 'Get a list of all teams'),
  a(
    'graph',
    'TeamSettings.ReadWrite.All',
    'bdd80a03-d9bc-451d-b7c4-ce7c63fe3c8f',
    "Read and change all teams' settings",
  ),
  a('graph', 'User.ReadBasic.All', '97235f07-e226-4f63-ace3-39588e11d3a1', "Read all users' basic profiles"),
  a('graph', 'User.Read.All', 'df021288-bdef-4463-88db-98f22de89214', "Read all users' full profiles"),
  a(
    'graph',
    'User.ReadWrite.All',
    '741f803b-c850-494e-b5df-cde7c675a1ca',
    "Read and write all users' full profiles",
  ),
  a(
    'graph',
    'Files.ReadWrite.All',
    '75359482-378d-4052-8f01-80520e7db3cd',
    'Read and write files in all site collections',
  ),
  a(
    'graph',
    'Sites.ReadWrite.All',
    '9492366f-7969-46a4-8d15-ed1a20078fff',
    'Read and write items in all site collections',
  ),
  a(
    'graph',
    'Calendars.ReadWrite',
    'ef54d2bf-783f-4e0f-bca1-3210c0444d99',
    'Read and write calendars in all mailboxes',
  ),
  a('graph', 'Contacts.Read', '089fe4d0-434a-44c5-8827-41ba8a0b17f5', 'Read contacts in all mailboxes'),
  a(
    'graph',
    'MailboxSettings.Read',
    '40f97065-369a-49f4-947c-6a255697ae91',
    'Read all user mailbox settings',
  ),
  a(
    'graph',
    'MailboxSettings.ReadWrite',
    '6931bccd-447a-43d1-b442-00a195474933',
    'Read and write all user mailbox settings',
  ),
  a(
    'graph',
    'Mail.ReadWrite',
    'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
    'Read and write mail in all mailboxes',
  ),
  a('graph', 'Mail.Send', 'b633e1c5-b582-4048-a93e-9f11b44c7e96', 'Send mail as any user'),

  // Office 365 SharePoint Online
  d(
    'sharepoint',
    'AllSites.Manage',
    'b3f70a70-8a4b-4f95-9573-d71c496a53f4',
    'Read and write items and lists in all site collections',
  ),
  d(
    'sharepoint',
    'AllSites.Read',
    '4e0d77b0-96ba-4398-af14-3baa780278f4',
    'Read items in all site collections',
  ),
  d('sharepoint', 'MyFiles.Write', '2cfdc887-d7b4-4798-9b33-3d98d6b95dd2', 'Read and write user files'),
  a(
    'sharepoint',
    'Sites.FullControl.All',
    '678536fe-1083-478a-9c59-b99265e6b0d3',
    'Have full control of all site collections',
  ),
  a(
    'sharepoint',
    'TermStore.ReadWrite.All',
    'c8e3537c-ec53-43b9-bed3-b2bd3617ae97',
    'Read and write managed metadata',
  ),
  // Same GUID as Microsoft Graph's User.ReadWrite.All app role: the resource app id tells them apart.
  a(
    'sharepoint',
    'User.ReadWrite.All',
    '741f803b-c850-494e-b5df-cde7c675a1ca',
    'Read and write user profiles',
  ),

  // Office 365 Management APIs (its delegated scope of the same name shares this GUID)
  a(
    'management',
    'ActivityFeed.Read',
    '594c1fb6-4f81-4475-ae41-0c394909246c',
    'Read activity data for your organization',
  ),

  // Azure AD Graph (retired)
  a(
    'aad-graph',
    'Directory.ReadWrite.All',
    '78c8a3c8-a07e-4b9e-af1b-b5ccab50a175',
    'Read and write directory data',
  ),
];

function d(
  api: ResourceApiId,
  name: string,
  id: string,
  description: string,
  adminConsentRequired = false,
): Permission {
  return { api, name, kind: 'delegated', id, adminConsentRequired, description };
}

function a(api: ResourceApiId, name: string, id: string, description: string): Permission {
  return { api, name, kind: 'application', id, adminConsentRequired: true, description };
}

/** A reference to a permission by name, as the procedure writes it. */
export interface PermissionRef {
  readonly api: ResourceApiId;
  readonly name: string;
  readonly kind: PermissionKind;
}

export const permissionKey = (p: PermissionRef): string => `${p.api}|${p.kind}|${p.name}`;

const byKey = new Map(permissions.map((p) => [permissionKey(p), p]));

/** The permission a reference names, or undefined when no such permission exists. */
export function findPermission(ref: PermissionRef): Permission | undefined {
  return byKey.get(permissionKey(ref));
}
