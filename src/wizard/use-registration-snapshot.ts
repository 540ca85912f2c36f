import { useEffect, useMemo, useState } from 'react';
import { AuthFailure } from '../auth/auth-types';
import type { RegistrationSnapshot } from '../graph/registration-check';
import { useAutomaticRun } from './automatic-run';
import { checkPlanFor } from './repair';
import type { StepContext } from './step-definition';

/** What one read of the registration found. */
export type SnapshotRead =
  | { readonly status: 'reading' }
  | { readonly status: 'read'; readonly snapshot: RegistrationSnapshot }
  | { readonly status: 'not-found' }
  | { readonly status: 'failed'; readonly message: string };

/** An error in words for the page. */
export const errorMessage = (error: unknown) =>
  error instanceof AuthFailure
    ? `${error.explanation.title}. ${error.explanation.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Reads the registration being checked (reads only, so on arrival), and again whenever `readAgain` is called: the
 * rotation's review shows what the registration holds at that moment.
 */
export function useRegistrationSnapshot(context: StepContext) {
  const { answers, config } = context;
  const run = useAutomaticRun();
  const [round, setRound] = useState(0);
  const [found, setFound] = useState<{ readonly round: number; readonly read: SnapshotRead } | null>(null);
  const connectorsPlan = useMemo(() => checkPlanFor(answers, config, null), [answers, config]);
  useEffect(() => {
    if (!run || !connectorsPlan) return;
    let live = true;
    const settle = (read: SnapshotRead) => live && setFound({ round, read });
    run.check(answers.repairAppId, connectorsPlan).then(
      (snapshot) => settle(snapshot ? { status: 'read', snapshot } : { status: 'not-found' }),
      (error: unknown) => settle({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // A new round reads again; the run object changes with its progress, which must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round, answers.repairAppId, connectorsPlan]);
  const read: SnapshotRead = found?.round === round ? found.read : { status: 'reading' };
  // The last registration read stays on screen while it is read again.
  const [last, setLast] = useState<RegistrationSnapshot | null>(null);
  if (read.status === 'read' && read.snapshot !== last) setLast(read.snapshot);
  return {
    read,
    snapshot: read.status === 'read' ? read.snapshot : last,
    readAgain: () => setRound((r) => r + 1),
  };
}
