import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DEFAULT_REPLICATION_BUDGET_MS } from '../graph/retry-policy';
import type { RunWaiting } from '../graph/run-types';
import { waitMessage } from './wait-message';

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

/** Why the wizard waits before asking Microsoft Graph again, counting down; nothing while it does not wait. */
export function WaitNotice({ waiting }: { readonly waiting: RunWaiting | undefined }) {
  const now = useNow(waiting !== undefined);
  if (!waiting) return null;
  const wait = waitMessage(waiting, now, DEFAULT_REPLICATION_BUDGET_MS);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{wait.title}</MessageBarTitle>
        {wait.text}
        <ProgressBar
          aria-label={wait.budgetLeft === undefined ? 'Waiting' : 'Time left to wait'}
          {...(wait.budgetLeft === undefined ? {} : { value: wait.budgetLeft })}
        />
      </MessageBarBody>
    </MessageBar>
  );
}
