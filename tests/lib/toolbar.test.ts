import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createToolbar } from '../../lib/toolbar';

function fakeAction() {
  const texts: [number, string][] = [];
  return {
    texts,
    setBadgeText: vi.fn(async ({ tabId, text }: { tabId?: number; text: string | null }) => {
      texts.push([tabId ?? -1, text ?? '']);
    }),
    setBadgeBackgroundColor: vi.fn(async () => {}),
    setTitle: vi.fn(async () => {}),
  };
}

describe('createToolbar', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each tab its paper count, and nothing for none', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action as never);
    toolbar.counts.report(3, 0, ['2402.07871', '2401.04081']);
    toolbar.counts.clear(3);
    expect(action.texts).toEqual([
      [3, '2'],
      [3, ''],
    ]);
  });

  it('flashes ✓ or ! after a save, then the count again; never on a tab it cannot name', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action as never);
    toolbar.counts.report(5, 0, ['2402.07871']);
    toolbar.flash(5, true);
    toolbar.flash(undefined, false);
    toolbar.flash(-1, false);
    expect(action.texts.at(-1)).toEqual([5, '✓']);
    vi.advanceTimersByTime(1500);
    expect(action.texts.at(-1)).toEqual([5, '1']);
    toolbar.flash(5, false);
    expect(action.texts.at(-1)).toEqual([5, '!']);
  });

  it('shows new papers where a tab has no count of its own, and says so in the title', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action as never);
    toolbar.counts.report(3, 0, ['2402.07871']);
    toolbar.counts.clear(3);
    // A tab without papers falls back to the global text (null), rather than hiding it ('').
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: null });
    toolbar.showNew(3);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '+3' });
    expect(action.setTitle).toHaveBeenLastCalledWith({ title: 'Paperlens · 3 new papers from the authors you follow' });
    toolbar.showNew(0);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });
});
