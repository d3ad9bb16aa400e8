import type { TraceEvent } from '../helpers/trace';

/** The top-level tasks of the main thread of renderer process `pid`. */
function mainThreadTasks(events: TraceEvent[], pid: number | undefined): TraceEvent[] {
  const main = events.find((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  return events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
  );
}

/** Main-thread CPU time of the renderer process `pid` from `from` (trace µs) on: the sum of its top-level tasks. */
export function rendererCpu(events: TraceEvent[], pid: number | undefined, from = 0): number {
  const tasks = mainThreadTasks(events, pid);
  if (!tasks.length) return Number.NaN;
  let us = 0;
  for (const e of tasks) if (e.ts >= from) us += e.tdur ?? 0;
  return us / 1000;
}

/** The page's DOMContentLoaded mark in the trace (its outermost frame's). */
const domContentLoaded = (events: TraceEvent[]) =>
  events.find((e) => e.name === 'MarkDOMContent' && (e.args?.data?.isOutermostMainFrame ?? e.args?.data?.isMainFrame));

/** Main-thread CPU time of the page's renderer from DOMContentLoaded on. */
export function cpuAfterDomContentLoaded(events: TraceEvent[]): number {
  const dcl = domContentLoaded(events);
  return dcl ? rendererCpu(events, dcl.pid, dcl.ts) : Number.NaN;
}

/** The longest main-thread task (wall time) that began at or after DOMContentLoaded. */
export function longestTaskAfterDomContentLoaded(events: TraceEvent[]): number {
  const dcl = domContentLoaded(events);
  if (!dcl) return Number.NaN;
  const after = mainThreadTasks(events, dcl.pid).filter((e) => e.ts >= dcl.ts);
  return Math.max(0, ...after.map((e) => (e.dur ?? 0) / 1000));
}

/** Main-thread work of the page's renderer from DOMContentLoaded on, by kind (trace events' thread time, ms). */
export interface WorkByKind {
  /** Layout passes: each separate insertion into a long page may cost one. */
  layouts: number;
  layoutMs: number;
  styleMs: number;
  /** PrePaint, Paint and Layerize. */
  paintMs: number;
  /** Promise continuations, where an extension's async code runs (a message's answer, a yield). */
  microtasksMs: number;
  gcMs: number;
}

const KINDS: Record<string, keyof Omit<WorkByKind, 'layouts'>> = {
  Layout: 'layoutMs',
  UpdateLayoutTree: 'styleMs',
  PrePaint: 'paintMs',
  Paint: 'paintMs',
  Layerize: 'paintMs',
  BlinkScheduler_PerformMicrotaskCheckpoint: 'microtasksMs',
  MinorGC: 'gcMs',
  MajorGC: 'gcMs',
};

export function workByKind(events: TraceEvent[]): WorkByKind {
  const work: WorkByKind = { layouts: 0, layoutMs: 0, styleMs: 0, paintMs: 0, microtasksMs: 0, gcMs: 0 };
  const dcl = domContentLoaded(events);
  const main = events.find((e) => e.name === 'thread_name' && e.pid === dcl?.pid && e.args?.name === 'CrRendererMain');
  if (!dcl || !main) return work;
  for (const e of events) {
    const kind = KINDS[e.name];
    if (!kind || e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid || e.ts < dcl.ts) continue;
    work[kind] += (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'Layout') work.layouts++;
  }
  return work;
}
