/** The median of `xs` (the mean of the middle two for an even count); NaN when there are none. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : Number.NaN;
}

/** The `p`th percentile of `xs` (nearest rank); NaN when there are none. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number) : Number.NaN;
}

/**
 * An init script (it runs in the page before the page's own scripts): records every long task in
 * `window.__long`, for a bench to read afterwards.
 */
export function recordLongTasks(): void {
  const w = window as unknown as { __long: { start: number; duration: number }[] };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}
