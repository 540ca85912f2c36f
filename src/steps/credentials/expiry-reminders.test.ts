import { describe, expect, it } from 'vitest';
import type { ExistingCredential } from '../../plan/plan-types';
import { expiryReminders } from './expiry-reminders';

const existing = (keyId: string, hint: string, endDateTime: string, expired = false): ExistingCredential => ({
  keyId,
  displayName: null,
  hint,
  startDateTime: '2026-01-01T00:00:00Z',
  endDateTime,
  expired,
  madeByWizard: true,
});
const now = Date.parse('2026-12-02T00:00:00Z');
const before = {
  id: 'o',
  appId: 'a',
  displayName: 'X',
  uniqueName: 'x',
  secrets: [
    existing('S1', 'Old', '2027-03-01T00:00:00Z'),
    existing('S0', 'Dead', '2026-11-01T00:00:00Z', true),
  ],
  certificates: [
    existing('C1', 'AAAA', '2027-01-01T00:00:00Z'),
    existing('C2', 'bbbb', '2030-01-01T00:00:00Z'),
  ],
};

describe('expiryReminders', () => {
  it('lists new and found credentials once, soonest first, without expired or removed ones', () => {
    const reminders = expiryReminders({
      secret: {
        keyId: 'S2',
        secretText: 'never',
        hint: 'New',
        endDateTime: '2027-06-01T00:00:00Z',
        displayName: '',
      },
      // The new certificate is the one found already (same thumbprint): one reminder.
      certificate: { keyId: 'C9', thumbprintSha1Hex: 'BBBB', endDateTime: '2030-01-01T00:00:00Z' },
      before,
      removed: new Set(['c1']),
      now,
    });
    expect(reminders.map((r) => r.keyId)).toEqual(['S1', 'S2', 'C9']);
    expect(JSON.stringify(reminders)).not.toContain('never');
  });

  it('a new registration has only its new credentials', () => {
    const reminders = expiryReminders({
      secret: null,
      certificate: null,
      before: null,
      removed: new Set(),
      now,
    });
    expect(reminders).toEqual([]);
  });
});
