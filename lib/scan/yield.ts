/** Gives the main thread back to the page (input, rendering) before the next chunk of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `work` over `items` in slices of at most `budgetMs` each, yielding to
 * the page between slices, so no task of ours gets long however many items
 * there are. Stops early when `signal` aborts.
 */
export async function forEachInSlices<T>(
  items: ArrayLike<T>,
  work: (item: T) => void,
  { budgetMs = 8, signal }: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  let index = 0;
  while (index < items.length) {
    if (signal?.aborted) return;
    const deadline = performance.now() + budgetMs;
    // Check the clock every 64 items: performance.now() itself is not free.
    do {
      const end = Math.min(index + 64, items.length);
      for (; index < end; index++) work(items[index] as T);
    } while (index < items.length && performance.now() < deadline);
    if (index < items.length) await yieldToMain();
  }
}
