import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  autoRefresh,
  REFRESH_ALARM,
  REFRESH_PERIOD_MINUTES,
  refreshAllFromAlarm,
} from '../../../lib/library/auto-refresh';

describe('the daily arXiv refresh', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is off until turned on; its alarm exists only while it is on', async () => {
    expect(await autoRefresh.get()).toBe(false);
    await autoRefresh.apply(true);
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: REFRESH_PERIOD_MINUTES });
    await autoRefresh.apply(false);
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });

  it('refreshes when the alarm fires only if the user still has it on', async () => {
    const refreshAll = vi.fn(async () => 2);
    await refreshAllFromAlarm(refreshAll);
    expect(refreshAll).not.toHaveBeenCalled();
    await autoRefresh.set(true);
    await refreshAllFromAlarm(refreshAll);
    expect(refreshAll).toHaveBeenCalledOnce();
  });
});
