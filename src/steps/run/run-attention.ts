import type { RunResult } from '../../graph/run-types';

/**
 * Whether a successful run leaves something on the Create step for the admin to read: admin consent that was asked
 * for and not granted (the step says why and what to send an administrator), or a registration that differs from the
 * plan. Without either, the wizard goes straight on to the credentials.
 */
export function needsAttention(result: Pick<RunResult, 'consent' | 'drift'>): boolean {
  const consentSettled = result.consent.status === 'granted' || result.consent.status === 'not-requested';
  return !consentSettled || result.drift.length > 0;
}
