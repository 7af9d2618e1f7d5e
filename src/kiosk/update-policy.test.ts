import { describe, expect, it } from 'vitest';
import { shouldApplyUpdate } from './update-policy.ts';

describe('update policy', () => {
  it('applies a waiting update only in the attract loop or when out of order', () => {
    expect(shouldApplyUpdate('attract', true)).toBe(true);
    expect(shouldApplyUpdate('out-of-order', true)).toBe(true);
    for (const screen of ['journey', 'reflection', 'infopoint', 'wall', 'staff', 'error']) {
      expect(shouldApplyUpdate(screen, true)).toBe(false);
    }
    expect(shouldApplyUpdate('attract', false)).toBe(false);
  });
});
