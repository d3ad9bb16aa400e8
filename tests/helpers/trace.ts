import type { CDPSession } from 'playwright-core';

/** What the benches and end-to-end tests read of a Chromium trace event. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the task really ran, whatever else the machine was doing meanwhile. */
  tdur?: number;
  args?: { name?: string; data?: { isMainFrame?: boolean; isOutermostMainFrame?: boolean; url?: string } };
}

/** Runs `run` under a light trace (top-level tasks and the page's load marks) and returns its events. */
export async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  // Top-level tasks and the page's load marks only: a light trace, the same in every browser.
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}
