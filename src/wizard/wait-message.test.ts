import { describe, expect, it } from 'vitest';
import type { WaitKind } from '../graph/run-types';
import { waitMessage, waitWords } from './wait-message';

const now = 1_000_000;

describe('waitMessage', () => {
  it('takes its title and text from the one kind of the wait', () => {
    const at = (kind: WaitKind) =>
      waitMessage({ kind, until: now + 4_200, budgetEndsAt: now + 90_000 }, now, 180_000);
    expect(at('replication')).toEqual({
      title: 'Waiting for Microsoft Entra to catch up',
      text: expect.stringContaining('keeps trying for up to 90 more seconds') as string,
      budgetLeft: 0.5,
    });
    expect(at('throttled')).toMatchObject({
      title: 'Microsoft Graph asked the wizard to slow down',
      text: expect.stringContaining('(429 Too Many Requests). The wizard tries again in 5 seconds') as string,
      budgetLeft: undefined,
    });
    expect(at('unavailable').title).toBe('Microsoft Graph is temporarily unavailable');
    expect(at('connection').title).toBe('The connection to Microsoft Graph dropped');
  });

  it('never mixes the words of one kind into another', () => {
    const kinds = Object.keys(waitWords) as WaitKind[];
    for (const kind of kinds) {
      const { title, text } = waitMessage(
        { kind, until: now + 1_000, budgetEndsAt: now + 1_000 },
        now,
        180_000,
      );
      const words = `${title} ${text}`;
      expect(/slow down|429/.test(words), kind).toBe(kind === 'throttled');
      expect(/visible everywhere|catch up/.test(words), kind).toBe(kind === 'replication');
      expect(/unavailable|503/.test(words), kind).toBe(kind === 'unavailable');
      expect(/connection/.test(words), kind).toBe(kind === 'connection');
    }
  });
});
