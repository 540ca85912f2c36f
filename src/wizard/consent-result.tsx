import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { clouds } from '../config/clouds';
import type { AppConfig } from '../config/config-schema';
import { adminConsentUrl } from '../auth/consent-url';
import type { RunResult } from '../graph/run-types';
import type { RegistrationPlan } from '../plan/plan-types';
import { CopyField } from '../ui/copy-field';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

interface ConsentResultProps {
  readonly result: RunResult;
  readonly plan: RegistrationPlan;
  readonly config: AppConfig;
  /** Sends the grants that did not succeed again; absent where a retry cannot start. */
  readonly onRetry?: () => void;
  /** A retry is running. */
  readonly retrying?: boolean;
  /** `full` adds the admin consent link and the message for an administrator. */
  readonly variant: 'summary' | 'full';
}

/**
 * How admin consent ended, truthfully: granted, left for later by choice, or which grants failed and why, with a
 * retry of just those grants and the admin consent link as the way out.
 */
export function ConsentResult({ result, plan, config, onRetry, retrying, variant }: ConsentResultProps) {
  const styles = useStyles();
  const { consent } = result;
  if (consent.status === 'granted') {
    return variant === 'summary' ? (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Admin consent granted</MessageBarTitle>
          Every permission is granted for your whole organization ({consent.grants.length}{' '}
          {consent.grants.length === 1 ? 'grant' : 'grants'}).
        </MessageBarBody>
      </MessageBar>
    ) : null;
  }
  const platform = config.platformName;
  const url = adminConsentUrl({
    cloud: clouds[config.cloud],
    tenant: result.tenantId ?? 'organizations',
    clientId: result.application.appId,
    redirectUri: plan.application.web.redirectUris[0] ?? '',
  });
  const failed = consent.grants.filter((g) => g.status !== 'granted');
  const granted = consent.grants.filter((g) => g.status === 'granted');
  const chose = consent.status === 'not-requested';
  const link = (
    <>
      <CopyField label="Admin consent URL" value={url} />
      <CopyField
        label="Message for your administrator"
        value={`Please grant admin consent to "${result.application.displayName}" (client ID ${result.application.appId}) for our organization, so ${platform} can connect to Microsoft 365. Sign in as a Global Administrator or Privileged Role Administrator and open: ${url}`}
      />
      <Body1>
        <Link href={url} target="_blank" rel="noreferrer">
          Open the admin consent page
        </Link>
      </Body1>
    </>
  );

  if (chose) {
    return variant === 'full' ? (
      <section className={styles.stack} aria-labelledby="consent-heading">
        <h2 id="consent-heading" className={styles.heading}>
          Admin consent still needed
        </h2>
        <Body1>
          You chose not to grant admin consent now. Send this link to an administrator who can grant these
          permissions (a Global Administrator or Privileged Role Administrator). Opening it asks them to
          approve every permission at once.
        </Body1>
        {link}
      </section>
    ) : null;
  }

  const body = (
    <>
      <Body1>
        {failed.length === consent.grants.length
          ? 'None of the grants was made. The registration itself is ready; only the tenant-wide consent is missing.'
          : `${granted.length} of ${consent.grants.length} grants were made; these were not:`}
      </Body1>
      <ul className={styles.list} aria-label="Grants that were not made">
        {failed.map((g) => (
          <li key={g.id}>
            <strong>{g.what}</strong>:{' '}
            {g.error
              ? `${g.error.meaning} (${g.error.code}${g.error.requestId ? `, request ID ${g.error.requestId}` : ''})`
              : 'not started, because an earlier step did not finish.'}
          </li>
        ))}
      </ul>
      {consent.error?.action && <Body1>{consent.error.action}</Body1>}
    </>
  );
  const retry = onRetry && (
    <Button icon={<ArrowClockwiseRegular />} onClick={onRetry} disabled={retrying}>
      {retrying ? 'Retrying the grants…' : 'Retry the grants'}
    </Button>
  );

  if (variant === 'summary') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.stack}>
          <MessageBarTitle>Admin consent was not granted</MessageBarTitle>
          {body}
          <Body1>The Credentials step has the admin consent link to send to an administrator.</Body1>
          {retry && <span>{retry}</span>}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className={styles.stack} aria-labelledby="consent-heading">
      <h2 id="consent-heading" className={styles.heading}>
        Admin consent still needed
      </h2>
      {body}
      {retry && <span>{retry}</span>}
      <Body1>
        Or send this link to an administrator who can grant these permissions (a Global Administrator or
        Privileged Role Administrator). Opening it asks them to approve every permission at once.
      </Body1>
      {link}
    </section>
  );
}
