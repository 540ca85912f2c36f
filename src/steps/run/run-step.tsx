import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { runOptionsFor, useAutomaticRun } from '../../wizard/automatic-run';
import type { StepProps } from '../../wizard/step-definition';
import { OperationList } from './operation-list';
import { useContinueWhenDone } from './use-continue-when-done';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** Re-renders every second while something counts down. */
function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The run's progress: each operation, Entra's replication waits, and what to do when something fails. */
export function RunStep({ context, onComplete, onUpdate }: StepProps) {
  const styles = useStyles();
  const run = useAutomaticRun();
  const state = run?.state;
  const now = useNow(Boolean(state?.waiting));
  useContinueWhenDone(state, onComplete);
  if (!run || !state) return null;
  const { answers, plan } = context;

  const retry = (secretLifetimeMonths = answers.secretLifetimeMonths) => {
    if (!plan) return;
    if (secretLifetimeMonths !== answers.secretLifetimeMonths) onUpdate({ secretLifetimeMonths });
    run.retry({ ...runOptionsFor(answers, plan), secretLifetimeMonths });
  };

  return (
    <div className={styles.stack}>
      {state.status === 'idle' && (
        <Body1>Nothing is running. Go back to Review and select Create app registration.</Body1>
      )}
      <OperationList operations={state.operations} />
      {state.waiting && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.waiting.reason.replace(/…$/, '')}</MessageBarTitle>
            {state.waiting.budgetEndsAt > state.waiting.until
              ? `New objects take a while to be visible everywhere in Microsoft Entra. The wizard keeps trying for up to ${seconds(state.waiting.budgetEndsAt - now)} more seconds; nothing is created twice.`
              : `Microsoft Graph asked the wizard to slow down. It tries again in ${seconds(state.waiting.until - now)} seconds.`}
            <ProgressBar
              aria-label="Time left to wait"
              value={Math.max(0, Math.min(1, (state.waiting.budgetEndsAt - now) / 180_000))}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'failed' && state.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {state.error.code} ({state.error.status || 'no response'})
            </MessageBarTitle>
            {state.error.meaning} {state.error.action}
            {state.error.requestId && ` Request ID: ${state.error.requestId}.`}
          </MessageBarBody>
          <MessageBarActions>
            {state.error.kind === 'secret-lifetime-policy' && answers.secretLifetimeMonths > 6 && (
              <Button appearance="primary" onClick={() => retry(6)}>
                Use a 6-month secret and try again
              </Button>
            )}
            <Button onClick={() => retry()}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'succeeded' && state.result && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The app registration is ready</MessageBarTitle>
              {state.result.application.displayName} ({state.result.application.appId}) exists with its
              permissions, client secret
              {context.plan?.credentials.certificate.required ? ', certificate' : ''} and enterprise
              application.
            </MessageBarBody>
          </MessageBar>
          {state.result.consent.status === 'forbidden' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Admin consent was not granted</MessageBarTitle>
                {state.result.consent.error?.meaning} The next page has a link to send to an administrator.
              </MessageBarBody>
            </MessageBar>
          )}
          {state.result.drift.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The registration differs from the plan</MessageBarTitle>
                <ul>
                  {state.result.drift.map((d) => (
                    <li key={d.property}>
                      {d.property}: expected {d.expected}, found {d.actual}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => onComplete({})}>
              Show the credentials
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
