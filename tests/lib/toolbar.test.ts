import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createToolbar } from '../../lib/toolbar';

function fakeAction() {
  const texts: [number, string][] = [];
  // What each tab shows now (-1: the global values), as the browser keeps it.
  const shown = new Map<number, { text?: string | null; color?: string; title?: string }>();
  const set = (tabId: number | undefined, value: object) =>
    shown.set(tabId ?? -1, { ...shown.get(tabId ?? -1), ...value });
  return {
    texts,
    shown: (tabId: number) => ({ ...shown.get(-1), ...shown.get(tabId) }),
    setBadgeText: vi.fn(async ({ tabId, text }: { tabId?: number; text: string | null }) => {
      texts.push([tabId ?? -1, text ?? '']);
      set(tabId, { text });
    }),
    setBadgeBackgroundColor: vi.fn(async ({ tabId, color }: { tabId?: number; color: string }) =>
      set(tabId, { color }),
    ),
    setTitle: vi.fn(async ({ tabId, title }: { tabId?: number; title: string }) => set(tabId, { title })),
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

  it('a tab that shows a paper says whether it is saved and in the library, in place of its count', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action as never);
    toolbar.counts.report(2, 0, ['2402.07871', '2401.04081']);
    toolbar.paper(2, { id: '2310.15961', inLibrary: true, saved: false });
    expect(action.shown(2)).toEqual({
      text: '☆',
      color: '#0b6bcb',
      title: 'Paperlens · arXiv:2310.15961: in your library, not saved (Alt+Shift+S saves it)',
    });
    // A frame's new count changes nothing while the paper is shown.
    toolbar.counts.report(2, 3, ['2502.05172']);
    expect(action.shown(2).text).toBe('☆');
    toolbar.paper(2, { id: '2001.08361', inLibrary: false, saved: true });
    expect(action.shown(2)).toMatchObject({ text: '★', color: '#5f6368' });
    // Gone: the count, colour and title come back (Chrome cannot unset them, so they are set to the global ones).
    toolbar.showNew(2);
    toolbar.paper(2, null);
    expect(action.shown(2)).toEqual({
      text: '3',
      color: '#0b6bcb',
      title: 'Paperlens · 2 new papers from the authors you follow',
    });
    // Nothing to take away on a tab that never showed a paper.
    action.setTitle.mockClear();
    toolbar.paper(8, null);
    expect(action.setTitle).not.toHaveBeenCalled();
  });

  it('a save’s ✓ stays its full moment whatever changes meanwhile, then the paper’s state shows', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action as never);
    toolbar.paper(6, { id: '2310.15961', inLibrary: true, saved: false });
    toolbar.flash(6, true);
    toolbar.paper(6, { id: '2310.15961', inLibrary: true, saved: true });
    toolbar.counts.report(6, 0, ['2402.07871']);
    expect(action.shown(6).text).toBe('✓');
    vi.advanceTimersByTime(1000);
    toolbar.flash(6, true);
    vi.advanceTimersByTime(1000);
    expect(action.shown(6).text).toBe('✓');
    vi.advanceTimersByTime(500);
    expect(action.shown(6).text).toBe('★');
  });
});
