import { describe, expect, it } from 'vitest';
import { createRateLimit } from '../../lib/rate-limit';

describe('createRateLimit', () => {
  it('allows max uses per key in any window, then again once the window has passed', () => {
    let time = 0;
    const limit = createRateLimit(2, 1000, () => time);
    expect([limit.allow(1), limit.allow(1), limit.allow(1), limit.allow(2)]).toEqual([true, true, false, true]);
    time = 999;
    expect(limit.allow(1)).toBe(false);
    time = 1000;
    expect(limit.allow(1)).toBe(true);
    expect(limit.allow(1)).toBe(true);
    expect(limit.allow(1)).toBe(false);
  });
});
