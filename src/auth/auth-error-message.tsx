import {
  Body1,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { CopyButton } from '../ui/copy-button';
import type { AuthErrorExplanation } from './explain-auth-error';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  link: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, wordBreak: 'break-all' },
});

/**
 * An explained sign-in or permission error: what happened, what to do, the admin consent URL when an administrator
 * has to approve, and the error code for support. For the sign-in step and the steps that request permissions.
 */
export function AuthErrorMessage({ explanation }: { readonly explanation: AuthErrorExplanation }) {
  const styles = useStyles();
  const mild = explanation.kind === 'cancelled' || explanation.kind === 'popup-blocked';
  return (
    <MessageBar intent={mild ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{explanation.title}</MessageBarTitle>
        <Body1>{explanation.message}</Body1>
        {explanation.adminConsentUrl && (
          <span className={styles.link}>
            <Link href={explanation.adminConsentUrl} target="_blank" rel="noreferrer">
              {explanation.adminConsentUrl}
            </Link>
            <CopyButton label="admin consent URL" value={explanation.adminConsentUrl} />
          </span>
        )}
        <Caption1>Error code: {explanation.errorCode}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}
