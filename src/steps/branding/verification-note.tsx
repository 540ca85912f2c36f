import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PreviewAudience } from './consent-preview';

/** Microsoft's pages on publisher verification: what it is, and how to mark an app as verified. */
export const PUBLISHER_VERIFICATION_LINKS = {
  overview: 'https://learn.microsoft.com/entra/identity-platform/publisher-verification-overview',
  steps: 'https://learn.microsoft.com/entra/identity-platform/mark-app-as-publisher-verified',
} as const;

interface VerificationNoteProps {
  readonly audience: PreviewAudience;
  /** Some of the plan's permissions need an administrator's consent. */
  readonly adminOnly: boolean;
}

/** Why the preview says "unverified", and what users who may not consent see instead of the prompt. */
export function VerificationNote({ audience, adminOnly }: VerificationNoteProps) {
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>“unverified” until you verify your publisher</MessageBarTitle>
          Microsoft marks the app unverified until its publisher is verified through a Microsoft AI Cloud
          Partner Program account; many organizations let users consent only to verified publishers.{' '}
          <Link href={PUBLISHER_VERIFICATION_LINKS.overview} target="_blank" rel="noreferrer">
            What publisher verification is
          </Link>
          {' · '}
          <Link href={PUBLISHER_VERIFICATION_LINKS.steps} target="_blank" rel="noreferrer">
            Mark your app as publisher verified
          </Link>
        </MessageBarBody>
      </MessageBar>
      {audience === 'user' && adminOnly && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Some permissions need an administrator: until one consents for the organization, users see “Need
            admin approval” instead of this prompt.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
