import { useEffect, useState } from 'react';
import type { RunState } from '../../graph/run-types';
import type { RegistrationPlan } from '../../plan/plan-types';
import type { WizardAnswers } from '../../wizard/answers';
import type { AutomaticRun } from '../../wizard/automatic-run';
import type { RotationAnswer } from '../../wizard/rotation';
import { errorMessage } from '../../wizard/use-registration-snapshot';

/** A run this step started: which stage, and the new certificate's keyId (a secret's comes with the result). */
export interface StartedStage {
  readonly before: RunState;
  readonly stage: 'add' | 'remove';
  readonly certificateKeyId: string | null;
}

/**
 * The stages a rotation runs through the plan runner, one click each: when one this step started ends, the new
 * credential (or the end of the rotation) goes into the wizard's answers, which the steps shown and the checklist's
 * notice follow, and after the addition the registration is read again, so the removal's review shows it with the
 * new credential.
 */
export function useRotationStages(
  run: AutomaticRun | null,
  mine: RotationAnswer | null,
  onUpdate: (patch: Partial<WizardAnswers>) => void,
  readAgain: () => void,
) {
  const [started, setStarted] = useState<StartedStage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ newKeyId: string | null; done: boolean } | null>(null);
  const state = run?.state;

  if (
    started &&
    state &&
    state !== started.before &&
    (state.status === 'succeeded' || state.status === 'failed')
  ) {
    setStarted(null);
    if (state.status === 'failed') {
      setProblem(
        state.error ? `${state.error.meaning} ${state.error.action}` : 'The rotation did not finish.',
      );
    } else if (started.stage === 'remove') {
      setOutcome({ newKeyId: null, done: true });
    } else {
      setOutcome({ newKeyId: state.result?.secret?.keyId ?? started.certificateKeyId, done: false });
      readAgain();
    }
  }
  useEffect(() => {
    if (!outcome || !mine) return;
    if (outcome.done && !mine.done) onUpdate({ rotation: { ...mine, done: true } });
    else if (outcome.newKeyId && mine.newKeyId !== outcome.newKeyId)
      onUpdate({ rotation: { ...mine, newKeyId: outcome.newKeyId } });
  }, [outcome, mine, onUpdate]);

  /** Starts a stage, straight from its click: a permission window, if one is needed, opens within it. */
  const begin = (plan: RegistrationPlan, stage: StartedStage['stage'], certificateKeyId: string | null) => {
    if (!run) return;
    setProblem(null);
    setStarted({ before: run.state, stage, certificateKeyId });
    run.start(plan).catch((error: unknown) => {
      setStarted(null);
      setProblem(errorMessage(error));
    });
  };

  return { started, problem, begin };
}
