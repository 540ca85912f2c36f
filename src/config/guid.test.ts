import { describe, expect, it } from 'vitest';
import { isGuid } from './guid';

describe('isGuid', () => {
  it.each(['3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c', '72F988BF-86F1-41AF-91AB-2D7CD011DB47'])(
    'accepts %s',
    (id) => {
      expect(isGuid(id)).toBe(true);
    },
  );

  it.each([
    '{3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c}',
    '3f1b6c2a9d4e4b8fa1c25e6d7f8a9b0c',
    '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0',
    'g f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
    ' 3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c',
    42,
  ])('rejects %j', (value) => {
    expect(isGuid(value)).toBe(false);
  });
});
