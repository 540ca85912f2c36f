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
import { CopyField } from '../ui/copy-field';
import type { AuthErrorExplanation } from './explain-auth-error';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  link: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, wordBreak: 'break-all' },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * An explained sign-in or permission error: what happened, what to do, the admin consent URL and a message to forward
 * when an administrator has to approve, and the error code for support. For the sign-in step and the steps that
 * request permissions.
 */
export function AuthErrorMessage({ explanation }: { readonly explanation: AuthErrorExplanation }) {
  const styles = useStyles();
  return (
    <MessageBar intent={explanation.intent} layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{explanation.title}</MessageBarTitle>
        <Body1>{explanation.message}</Body1>
        {explanation.nextSteps.length > 0 && (
          <ul className={styles.steps}>
            {explanation.nextSteps.map((step) => (
              <li key={step}>
                <Body1>{step}</Body1>
              </li>
            ))}
          </ul>
        )}
        {explanation.adminConsentUrl && (
          <span className={styles.link}>
            <Link href={explanation.adminConsentUrl} target="_blank" rel="noreferrer">
              {explanation.adminConsentUrl}
            </Link>
            <CopyButton label="admin consent URL" value={explanation.adminConsentUrl} />
          </span>
        )}
        {explanation.adminMessage && (
          <CopyField
            label="Message for your administrator"
            value={explanation.adminMessage}
            hint="Send it to an administrator who can grant consent for your organization."
            multiline
          />
        )}
        <Caption1>Error code: {explanation.errorCode}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}
