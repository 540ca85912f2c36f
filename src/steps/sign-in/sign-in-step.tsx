import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import type { FormEvent } from 'react';
import { AuthErrorMessage } from '../../auth/auth-error-message';
import { useAuth } from '../../auth/use-auth';
import { unsavedSecrets } from '../../wizard/answers';
import type { StepProps } from '../../wizard/step-definition';
import { SIGN_IN_EXPLANATION } from './sign-in-schema';
import { SignedInAccount } from './signed-in-account';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  start: { alignSelf: 'flex-start' },
});

/** Sign in to the tenant the registration is created in. Next appears once someone is signed in. */
export function SignInStep({ formId, context, onComplete }: StepProps) {
  const styles = useStyles();
  const auth = useAuth();
  // A redirect reloads the page: only fall back to it while nothing exists only in this page.
  const allowRedirect = unsavedSecrets(context.answers).length === 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (auth?.account) onComplete({});
  };

  if (!auth) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          Sign-in is not available in this deployment. Go back to Start and choose the portal steps.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <form id={formId} noValidate className={styles.form} onSubmit={submit}>
      <Body1>{SIGN_IN_EXPLANATION}</Body1>
      {auth.account ? (
        <SignedInAccount
          account={auth.account}
          onSignOut={() => void auth.signOut()}
          onSwitch={() => void auth.signIn({ selectAccount: true, allowRedirect })}
        />
      ) : (
        <Button
          className={styles.start}
          appearance="primary"
          size="large"
          icon={auth.busy ? <Spinner size="tiny" /> : <PersonRegular />}
          onClick={() => void auth.signIn({ allowRedirect })}
        >
          Sign in with Microsoft
        </Button>
      )}
      <Body1 role="status">
        {auth.busy
          ? 'Waiting for you to finish in the Microsoft window. If you closed it, click the button again.'
          : ''}
      </Body1>
      {auth.error && <AuthErrorMessage explanation={auth.error} />}
    </form>
  );
}
