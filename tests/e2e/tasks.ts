import type { Page } from '@playwright/test';
import { type TraceEvent, traced } from '../helpers/trace';

/** Records a trace (top-level tasks and the script each ran) while `run` runs. */
export async function traceWhile(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  return traced(await page.context().newCDPSession(page), run);
}

/**
 * The longest CPU time, in ms, that the script at a URL containing `script` ran within one task of a renderer's
 * main thread (CPU time, so a busy machine does not stretch it). It is what "no task of ours over 50 ms" means: our own work, not the page's, and not the
 * browser's rendering that follows any insertion into a long page (which no extension can avoid).
 */
export function longestTaskOf(events: TraceEvent[], script: string): number {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined;
  const tasks = events.filter((e) => onMain(e) && e.name === 'ThreadControllerImpl::RunTask');
  const ours = events.filter(
    (e) =>
      onMain(e) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.args?.data?.url?.includes(script),
  );
  let longest = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = ours.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end);
    longest = Math.max(longest, inside.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000);
  }
  return longest;
}
