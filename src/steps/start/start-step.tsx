import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import {
  CloudArrowUpRegular,
  DocumentBulletListRegular,
  WrenchScrewdriverRegular,
} from '@fluentui/react-icons';
import { WIZARD_PERMISSIONS } from '../../config/wizard-permissions';
import type { FormEvent } from 'react';
import { useAuth } from '../../auth/use-auth';
import { OnDemand } from '../../ui/error-boundary';
import { lazyComponent } from '../../ui/lazy-component';
import { unsavedSecrets } from '../../wizard/answers';
import type { StepProps } from '../../wizard/step-definition';
import { automaticModeUnavailable } from './start-schema';

/** Shown only when sign-in fails: its code (copy fields, tooltips) loads then. */
const AuthErrorMessage = lazyComponent(() =>
  import('../../auth/auth-error-message').then((m) => m.AuthErrorMessage),
);

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL, maxWidth: '70ch' },
  choices: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  // A Fluent Card's looks (filled, medium), without its code (selection, focus modes) in the start-up bundle.
  card: {
    position: 'relative',
    boxSizing: 'border-box',
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalL,
    gap: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    // The border is drawn over the content, as the Card's, so it takes no room (and shows in high contrast).
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
      pointerEvents: 'none',
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  unavailable: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorPaletteMarigoldForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Choose how the registration gets made. Each card's button submits the step with its path; the automatic card signs
 * in first (a popup, or a full-page redirect when popups are blocked) and the wizard goes on once someone is signed in.
 */
/** The address of the same setup with the demo tenant (`?demo`, the link's choices kept). */
function demoLink(): string {
  const params = new URLSearchParams(window.location.search);
  params.set('demo', '1');
  return `${window.location.pathname}?${params.toString()}`;
}

const demoRunning = () => new URLSearchParams(window.location.search).has('demo');

export function StartStep({ formId, context, onComplete }: StepProps) {
  const styles = useStyles();
  const auth = useAuth();
  const unavailable = automaticModeUnavailable(context.config, auth !== null);
  // A redirect reloads the page: only fall back to it while nothing exists only in this page.
  const allowRedirect = unsavedSecrets(context.answers).length === 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === 'repair') return repair();
    if (submitter?.value !== 'automatic') return onComplete({ path: 'offline' });
    if (unavailable || !auth) return;
    if (auth.account) return onComplete({ path: 'automatic' });
    // Nothing is awaited before signIn, so its popup opens within this click.
    void auth.signIn({ allowRedirect }).then((signedIn) => {
      if (signedIn) onComplete({ path: 'automatic' });
    });
  };
  /**
   * Check and repair reads registrations from the next screen on, so the sign-in window also asks for permission to
   * read and update them (the permission Create asks for).
   */
  const repair = () => {
    if (unavailable || !auth) return;
    const permissions = WIZARD_PERMISSIONS.create;
    const asked = auth.account
      ? auth.requestPermissions(permissions, 'check the registration').then(
          () => true,
          () => false,
        )
      : auth.signIn({ allowRedirect, permissions });
    void asked.then((ready) => {
      if (ready) onComplete({ path: 'repair' });
    });
  };
  return (
    <form id={formId} onSubmit={submit} aria-describedby="start-intro">
      <Body1 id="start-intro" className={styles.intro}>
        This wizard sets up the Microsoft Entra ID app registration that {context.config.platformName}’s
        Microsoft 365 connectors sign in with: the registration, its redirect URIs, every API permission with
        the right ID, the client secret, the certificate admin accounts need, and admin consent.
      </Body1>
      <div className={styles.choices}>
        <div className={styles.card}>
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
            <div id="automatic-unavailable" className={styles.unavailable}>
              <Caption1 className={styles.reason}>{unavailable.reason}</Caption1>
              {unavailable.forHost && <Caption1>{unavailable.forHost}</Caption1>}
            </div>
          )}
          <Button
            appearance="primary"
            type="submit"
            name="path"
            value="automatic"
            icon={auth?.busy ? <Spinner size="tiny" /> : undefined}
            disabledFocusable={Boolean(unavailable)}
            aria-describedby={unavailable ? 'automatic-unavailable' : undefined}
          >
            Sign in and create
          </Button>
          <Caption1 role="status">
            {auth?.busy
              ? 'Waiting for you to finish in the Microsoft window. If you closed it, click the button again.'
              : ''}
          </Caption1>
          {auth?.error && (
            <OnDemand title="The sign-in error could not be shown">
              <AuthErrorMessage explanation={auth.error} />
            </OnDemand>
          )}
          {!demoRunning() && (
            <Caption1>
              No tenant at hand? <Link href={demoLink()}>Try it with a demo tenant</Link>: the whole automatic
              path in this page, nothing sent to Microsoft.
            </Caption1>
          )}
        </div>
        <div className={styles.card}>
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
        </div>
        <div className={styles.card}>
          <WrenchScrewdriverRegular className={styles.icon} aria-hidden />
          <Subtitle2 as="h2">Check and repair an existing registration</Subtitle2>
          <ul className={styles.list}>
            <li>Sign in, then pick a registration you own or give its application (client) ID.</li>
            <li>
              See what is missing or risky for the connectors it serves: permissions, consent, redirect URIs,
              ID tokens, expiring secrets and certificates.
            </li>
            <li>Repair adds what is missing after you review it; nothing is removed unless you tick it.</li>
          </ul>
          <Button
            appearance="secondary"
            type="submit"
            name="path"
            value="repair"
            disabledFocusable={Boolean(unavailable)}
            aria-describedby={unavailable ? 'automatic-unavailable' : undefined}
          >
            Check a registration
          </Button>
        </div>
      </div>
    </form>
  );
}
