/**
 * At most `max` uses per key in any `windowMs`: a cap on what a web page could
 * make Paperlens do over and over (open tabs, say), if it ever got past the
 * UI's trusted-click check.
 */
export function createRateLimit(max: number, windowMs: number, now: () => number = Date.now) {
  const uses = new Map<string | number, number[]>();
  return {
    /** Counts a use and says whether it is allowed. */
    allow(key: string | number): boolean {
      const recent = (uses.get(key) ?? []).filter((time) => now() - time < windowMs);
      const allowed = recent.length < max;
      if (allowed) recent.push(now());
      uses.set(key, recent);
      return allowed;
    },
  };
}
