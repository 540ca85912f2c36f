/**
 * What the page's live region says about a run (a setup's or a repair's) as it goes: how many operations are done,
 * why it waits, and that it finished. Only what changes the picture is said: one message per finished operation or
 * wait, never the countdown. A failure says nothing here: it shows as an alert where the run is.
 */
import type { OperationProgress, RunState } from '../graph/run-types';
import { waitWords } from './wait-message';

const finished = (operations: readonly OperationProgress[]) =>
  operations.filter((o) => o.status === 'done' || o.status === 'skipped').length;

/** The message for `state`; empty when there is nothing to say. `ready` is what a run that went well made. */
export function runStatusMessage(state: RunState | undefined, ready: string): string {
  if (!state) return '';
  const progress = `${finished(state.operations)} of ${state.operations.length} done.`;
  switch (state.status) {
    case 'running':
      return state.waiting ? `${waitWords[state.waiting.kind].title}. ${progress}` : `Running: ${progress}`;
    case 'succeeded':
      return `Finished: ${ready}.`;
    default:
      return '';
  }
}
