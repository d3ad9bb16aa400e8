import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** The name of the periodic refresh's alarm; it exists only while the user has turned the refresh on. */
export const REFRESH_ALARM = 'paperlens-arxiv-refresh';

/** How often the periodic refresh runs, when turned on. */
export const REFRESH_PERIOD_MINUTES = 24 * 60;

const item = storage.defineItem<boolean>('local:arxivAutoRefresh', { fallback: false });

/** The optional daily arXiv refresh: off until the user turns it on (on the library page). */
export const autoRefresh = {
  get: () => item.getValue(),
  set: (on: boolean) => item.setValue(on),
  watch: (listener: (on: boolean) => void) => item.watch(listener),
  /** Creates the alarm while it is on, and removes it when it is off. */
  async apply(on: boolean): Promise<void> {
    if (!browser.alarms) return;
    if (on) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES });
    else await browser.alarms.clear(REFRESH_ALARM);
  },
};

/** The alarm fired: refresh every author followed on arXiv (if the user still has it on). */
export async function refreshAllFromAlarm(refreshAll: () => Promise<unknown>): Promise<void> {
  if (!(await item.getValue())) return;
  await refreshAll().catch((error: unknown) => console.error('[paperlens] refresh', error));
}
