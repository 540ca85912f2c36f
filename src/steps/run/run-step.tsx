import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { SECRET_LIFETIMES, secretLifetimeDays } from '../../plan/plan-types';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { ConsentResult } from '../../wizard/consent-result';
import type { StepProps } from '../../wizard/step-definition';
import { OperationList } from './operation-list';
import { WaitNotice } from '../../wizard/wait-notice';
import { useContinueWhenDone } from './use-continue-when-done';
import { useLiveStatus } from '../../ui/live-status';
import { runStatusMessage } from '../../wizard/run-status';
import { needsAttention } from './run-attention';

/** The shortest lifetime offered: what a policy that caps lifetimes most likely allows. */
const SHORTEST = SECRET_LIFETIMES[0];
const SHORTEST_DAYS = secretLifetimeDays(SHORTEST);
/** "180-day", as the retry button names the shortest lifetime. */
const SHORTEST_WORDS = SHORTEST_DAYS === null ? `${SHORTEST}-month` : `${SHORTEST_DAYS}-day`;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The run's progress: each operation, why the run waits when it does, and what to do when something fails. */
export function RunStep({ context, onComplete, onUpdate }: StepProps) {
  const styles = useStyles();
  const run = useAutomaticRun();
  const state = run?.state;
  useContinueWhenDone(state, onComplete);
  // Progress and waits are said politely; a failure is the alert below.
  const attention = state?.result ? needsAttention(state.result) : false;
  useLiveStatus(
    runStatusMessage(
      state,
      attention ? 'the app registration is ready, with notes on this page' : 'the app registration is ready',
    ),
  );
  if (!run || !state) return null;
  const { answers, plan, config } = context;

  const retry = (secretLifetimeMonths = answers.secretLifetimeMonths) => {
    if (secretLifetimeMonths !== answers.secretLifetimeMonths) onUpdate({ secretLifetimeMonths });
    run.retry({ secretLifetimeMonths });
  };

  return (
    <div className={styles.stack}>
      {state.status === 'idle' && (
        <Body1>Nothing is running. Go back to Review and select Create app registration.</Body1>
      )}
      <OperationList operations={state.operations} />
      <WaitNotice waiting={state.waiting} />
      {state.status === 'failed' && state.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {state.error.code} ({state.error.status || 'no response'})
            </MessageBarTitle>
            {state.error.meaning} {state.error.action}
            {state.error.requestId && ` Request ID: ${state.error.requestId}.`}
          </MessageBarBody>
          <MessageBarActions>
            {state.error.kind === 'secret-lifetime-policy' && answers.secretLifetimeMonths > SHORTEST && (
              <Button appearance="primary" onClick={() => retry(SHORTEST)}>
                Use a {SHORTEST_WORDS} secret and try again
              </Button>
            )}
            <Button onClick={() => retry()}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'succeeded' && state.result && plan && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The app registration is ready</MessageBarTitle>
              {state.result.application.displayName} ({state.result.application.appId}) exists with its
              permissions, {state.result.secret ? 'a new client secret' : 'its client secret'}
              {plan.credentials.certificate.required ? ', certificate' : ''} and enterprise application.
            </MessageBarBody>
          </MessageBar>
          <ConsentResult
            result={state.result}
            plan={plan}
            config={config}
            onRetry={() => retry()}
            variant="summary"
          />
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
