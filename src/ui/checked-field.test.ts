import { describe, expect, it } from 'vitest';
import { checked } from './checked-field';

describe('checked', () => {
  const field = checked((value) => (value === 'ok' ? null : `"${value}" is not ok`));

  it('accepts a value with no problem', () => {
    expect(field.safeParse('ok')).toEqual({ success: true, data: 'ok' });
  });

  it('shows the problem as the message', () => {
    const result = field.safeParse('bad');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['"bad" is not ok']);
  });
});
