/**
 * The four Entra codes that mean "consent is missing", each worded by what its reader can do next. Entra answers a
 * declined or impossible consent with a redirect that MSAL turns into an error; the code in its description is all
 * the wizard learns, so each entry has to serve everyone who can receive that code.
 */

/** The consent codes explained here. */
export type ConsentCode = 'AADSTS65001' | 'AADSTS65004' | 'AADSTS90094' | 'AADSTS90095';

/** The kinds of consent problem; the rest of the auth kinds are in `explain-auth-error.ts`. */
export type ConsentErrorKind =
  'consent-required' | 'consent-declined' | 'admin-approval-required' | 'admin-approval-requested';

/** What was being asked for, in the words each entry builds its sentences from. */
export interface ConsentSituation {
  /** True for sign-in itself, false for a later permission request (such as Create). */
  readonly signingIn: boolean;
  /** "the wizard’s sign-in permissions", or "the permissions the wizard needs to create the app registration". */
  readonly asked: string;
}

/** The wording of one consent code. */
export interface ConsentWording {
  readonly kind: ConsentErrorKind;
  /** Warning when the reader may have chosen it and can simply go on; error when someone else has to act. */
  readonly intent: 'warning' | 'error';
  readonly title: (s: ConsentSituation) => string;
  /** What happened. */
  readonly message: (s: ConsentSituation) => string;
  /** What to do next, one case or option each; the admin consent URL and the message follow them. */
  readonly nextSteps: readonly string[];
  /** A sentence for the message to an administrator, when the code says more than "please grant consent". */
  readonly forAdministrator?: string;
}

/** The procedure's wording, shown with AADSTS90094 and AADSTS65001. */
export const CONSENT_PROCEDURE =
  'If the admin consent workflow is configured, request approval while signing in; otherwise an administrator ' +
  'can grant consent to the wizard itself with this admin consent URL.';

const SEND_IT =
  'Send an administrator the admin consent URL and the message below, or sign in with an administrator account ' +
  'instead.';

/** One entry per consent code. */
export const CONSENT_ERRORS: Readonly<Record<ConsentCode, ConsentWording>> = {
  AADSTS90094: {
    kind: 'admin-approval-required',
    intent: 'error',
    title: () => 'An administrator must approve the wizard',
    message: ({ asked }) =>
      `Your organization lets only administrators grant ${asked}, and your account cannot grant them ` +
      '(AADSTS90094). Trying again with this account will not change that.',
    nextSteps: [CONSENT_PROCEDURE, SEND_IT],
  },
  AADSTS90095: {
    kind: 'admin-approval-requested',
    intent: 'warning',
    title: () => 'An administrator must approve the wizard',
    message: ({ asked }) =>
      `Your organization lets only administrators grant ${asked}, and its admin consent workflow lets you ask ` +
      'them for approval (AADSTS90095).',
    nextSteps: [
      'If you clicked “Request approval” in Microsoft’s window, your request has been sent to the administrators ' +
        'who review requests. Microsoft emails you when one of them decides; once it is approved, click the ' +
        'button again.',
      'If you closed the window without sending it, click the button again to send it.',
      'An administrator can also approve the wizard at once with the admin consent URL below: send it with the ' +
        'message below.',
    ],
    forAdministrator:
      'I have requested it in the admin consent workflow (Enterprise applications, Admin consent requests): ' +
      'you can approve it there, or with the link below.',
  },
  AADSTS65001: {
    kind: 'consent-required',
    intent: 'error',
    title: () => 'The wizard’s permissions need consent',
    message: ({ asked }) =>
      `Nobody has consented to ${asked} in your organization yet, so Microsoft could not issue the token ` +
      '(AADSTS65001).',
    nextSteps: [CONSENT_PROCEDURE, SEND_IT, 'Once consent is granted, click the button again.'],
  },
  AADSTS65004: {
    kind: 'consent-declined',
    intent: 'warning',
    title: ({ signingIn }) =>
      signingIn ? 'Sign-in was cancelled or not allowed' : 'The permissions were not granted',
    message: ({ asked }) => `Microsoft did not grant ${asked} (AADSTS65004).`,
    nextSteps: [
      'If you clicked Cancel in Microsoft’s window, click the button again and accept.',
      'If the window said “Need admin approval”, your account cannot grant them and trying again will not help: ' +
        `an administrator has to grant consent to the wizard. ${SEND_IT}`,
      'If it said “Approval required”, click the button again and choose “Request approval”.',
    ],
  },
};

/** The consent code in an error, if it is one of {@link CONSENT_ERRORS}. */
export function consentCode(code: string | null): ConsentCode | null {
  return code !== null && Object.hasOwn(CONSENT_ERRORS, code) ? (code as ConsentCode) : null;
}

/** What the wizard is, for the message to an administrator. */
const WIZARD = 'the Entra Setup Wizard';

/**
 * A message a user who cannot consent forwards to an administrator: what to approve (the wizard's own registration,
 * by client ID), why, who can, and the admin consent URL.
 */
export function messageForAdministrator(
  wording: ConsentWording,
  clientId: string,
  reason: string | undefined,
  url: string,
): string {
  const purpose = reason === undefined ? 'sign in to it' : `use it to ${reason}`;
  return [
    `Please grant admin consent to ${WIZARD} (application ID ${clientId}) for our organization, so that I can ` +
      `${purpose}. It asks for Microsoft Graph permissions that only an administrator can grant.`,
    wording.forAdministrator,
    'Open this link signed in as a Global Administrator or Cloud Application Administrator and accept: ' +
      url,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' ');
}
