import { describe, expect, it } from 'vitest';
import { forEachInSlices } from '../../../lib/scan/yield';

describe('forEachInSlices', () => {
  it('visits every item in order and yields between slices when the budget runs out', async () => {
    const items = Array.from({ length: 2_000 }, (_, i) => i);
    const seen: number[] = [];
    let yields = 0;
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const marker = setInterval(() => yields++, 0);
    await forEachInSlices(
      items,
      (item) => {
        seen.push(item);
        if (item % 64 === 0) spin(1);
      },
      { budgetMs: 4 },
    );
    clearInterval(marker);
    expect(seen).toEqual(items);
    expect(yields).toBeGreaterThan(2);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    await forEachInSlices(
      items,
      (item) => {
        seen.push(item);
        if (item === 100) controller.abort();
        const end = performance.now() + 0.01;
        while (performance.now() < end);
      },
      { budgetMs: 1, signal: controller.signal },
    );
    expect(seen.length).toBeLessThan(items.length);
  });
});
