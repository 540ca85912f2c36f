/**
 * What the run step says while the runner waits to send a request again: one entry per wait kind, so the title, the
 * text and the progress list's status always come from the same kind (never from comparing times or messages).
 */
import type { RunWaiting, WaitKind } from '../graph/run-types';

interface WaitWords {
  readonly title: string;
  /** The operation's status in the progress list, for screen readers. */
  readonly status: string;
  readonly text: (seconds: { readonly nextTry: number; readonly budgetLeft: number }) => string;
}

const AGAIN = 'nothing is created twice';

export const waitWords: Readonly<Record<WaitKind, WaitWords>> = {
  replication: {
    title: 'Waiting for Microsoft Entra to catch up',
    status: 'Waiting for Microsoft Entra to make a new object visible',
    text: ({ budgetLeft }) =>
      `New objects take a while to be visible everywhere in Microsoft Entra. The wizard keeps trying for up to ${budgetLeft} more seconds; ${AGAIN}.`,
  },
  throttled: {
    title: 'Microsoft Graph asked the wizard to slow down',
    status: 'Waiting: Microsoft Graph asked the wizard to slow down',
    text: ({ nextTry }) =>
      `Microsoft Graph is throttling requests from your tenant (429 Too Many Requests). The wizard tries again in ${nextTry} seconds; ${AGAIN}.`,
  },
  unavailable: {
    title: 'Microsoft Graph is temporarily unavailable',
    status: 'Waiting: Microsoft Graph is temporarily unavailable',
    text: ({ nextTry }) =>
      `Microsoft Graph answered that it cannot take the request right now (503 or 504). The wizard tries again in ${nextTry} seconds; ${AGAIN}.`,
  },
  connection: {
    title: 'The connection to Microsoft Graph dropped',
    status: 'Waiting: the connection to Microsoft Graph dropped',
    text: ({ nextTry }) =>
      `No answer came back from Microsoft Graph. The wizard tries again in ${nextTry} seconds, and first checks what the lost request did, so ${AGAIN}.`,
  },
};

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** The message for a wait at `now`: its title, its text, and how much of the replication budget is left (0–1). */
export function waitMessage(waiting: RunWaiting, now: number, budgetMs: number) {
  const words = waitWords[waiting.kind];
  return {
    title: words.title,
    text: words.text({
      nextTry: seconds(waiting.until - now),
      budgetLeft: seconds(waiting.budgetEndsAt - now),
    }),
    /** Only replication has a budget to show; the other waits are short and open-ended. */
    budgetLeft:
      waiting.kind === 'replication'
        ? Math.max(0, Math.min(1, (waiting.budgetEndsAt - now) / budgetMs))
        : undefined,
  };
}
