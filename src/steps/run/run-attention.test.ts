import { describe, expect, it } from 'vitest';
import { needsAttention } from './run-attention';

const drift = [{ property: 'signInAudience', expected: 'AzureADMultipleOrgs', actual: 'AzureADMyOrg' }];

describe('needsAttention', () => {
  it('is clear when consent was granted or not asked for and the registration matches the plan', () => {
    expect(needsAttention({ consent: { status: 'granted', grants: [] }, drift: [] })).toBe(false);
    expect(needsAttention({ consent: { status: 'not-requested', grants: [] }, drift: [] })).toBe(false);
  });

  it('keeps the admin on the Create step when consent was refused or failed', () => {
    expect(needsAttention({ consent: { status: 'forbidden', grants: [] }, drift: [] })).toBe(true);
    expect(needsAttention({ consent: { status: 'failed', grants: [] }, drift: [] })).toBe(true);
  });

  it('keeps the admin on the Create step when the registration differs from the plan', () => {
    expect(needsAttention({ consent: { status: 'granted', grants: [] }, drift })).toBe(true);
  });
});
