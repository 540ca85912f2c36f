import { Body1, Button, Caption1, Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { CloudArrowUpRegular, DocumentBulletListRegular } from '@fluentui/react-icons';
import type { FormEvent } from 'react';
import { useAuth } from '../../auth/use-auth';
import type { SetupPath } from '../../wizard/answers';
import type { StepProps } from '../../wizard/step-definition';
import { automaticModeUnavailable } from './start-schema';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL, maxWidth: '70ch' },
  choices: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  reason: { color: tokens.colorPaletteMarigoldForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Choose how the registration gets made. Each card's button submits the step with its path. */
export function StartStep({ formId, context, onComplete }: StepProps) {
  const styles = useStyles();
  const auth = useAuth();
  const unavailable = automaticModeUnavailable(context.config, auth !== null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const path: SetupPath = submitter?.value === 'automatic' && !unavailable ? 'automatic' : 'offline';
    if (submitter?.value === 'automatic' && unavailable) return;
    onComplete({ path });
  };
  return (
    <form id={formId} onSubmit={submit} aria-describedby="start-intro">
      <Body1 id="start-intro" className={styles.intro}>
        This wizard sets up the Microsoft Entra ID app registration that {context.config.platformName}’s
        Microsoft 365 connectors sign in with: the registration, its redirect URIs, every API permission with
        the right ID, the client secret, the certificate admin accounts need, and admin consent.
      </Body1>
      <div className={styles.choices}>
        <Card className={styles.card}>
          <CloudArrowUpRegular className={styles.icon} aria-hidden />
          <Subtitle2 as="h2">Sign in and create it for me</Subtitle2>
          <ul className={styles.list}>
            <li>Sign in as an administrator of your Microsoft Entra tenant.</li>
            <li>Review the plan, then the wizard creates everything through Microsoft Graph.</li>
            <li>Takes about a minute.</li>
          </ul>
          {auth?.account && (
            <Caption1>
              Signed in as {auth.account.name} ({auth.account.username}).
            </Caption1>
          )}
          {unavailable && (
            <Caption1 id="automatic-unavailable" className={styles.reason}>
              Not available: {unavailable}
            </Caption1>
          )}
          <Button
            appearance="primary"
            type="submit"
            name="path"
            value="automatic"
            disabledFocusable={Boolean(unavailable)}
            aria-describedby={unavailable ? 'automatic-unavailable' : undefined}
          >
            Sign in and create
          </Button>
        </Card>
        <Card className={styles.card}>
          <DocumentBulletListRegular className={styles.icon} aria-hidden />
          <Subtitle2 as="h2">Do it myself in the portal</Subtitle2>
          <ul className={styles.list}>
            <li>No sign-in: nothing leaves this browser.</li>
            <li>Get the manifest, the permissions file and step-by-step portal instructions.</li>
            <li>Send the page’s link to someone else to prepare the same setup.</li>
          </ul>
          <Button
            appearance={unavailable ? 'primary' : 'secondary'}
            type="submit"
            name="path"
            value="offline"
          >
            Do it myself
          </Button>
        </Card>
      </div>
    </form>
  );
}
