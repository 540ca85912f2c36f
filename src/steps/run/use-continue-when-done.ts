import { useEffect, useState } from 'react';
import type { RunState } from '../../graph/run-types';
import type { StepProps } from '../../wizard/step-definition';
import { needsAttention } from './run-attention';

/**
 * Goes on to the credentials by itself when a run ends well while the step is open and nothing needs the admin's
 * attention here. A result the step opened with (the admin came back with Back) leaves them on the step.
 */
export function useContinueWhenDone(state: RunState | undefined, onComplete: StepProps['onComplete']) {
  const [openedWith] = useState(() => state?.result);
  const result = state?.status === 'succeeded' ? state.result : undefined;
  const clear = result !== undefined && result !== openedWith && !needsAttention(result);
  useEffect(() => {
    if (clear) onComplete({});
  }, [clear, onComplete]);
}
