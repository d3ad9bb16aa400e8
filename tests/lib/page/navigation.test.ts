import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onNavigation } from '../../../lib/page/navigation';

/** A window whose address the test moves, with or without the Navigation API. */
function fakeWindow(withNavigationApi: boolean) {
  const navigation = new EventTarget();
  const view = {
    location: { href: 'https://app.example/a' },
    setInterval: (handler: () => void, ms: number) => setInterval(handler, ms),
    clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
    ...(withNavigationApi ? { navigation } : {}),
  };
  const go = (href: string) => {
    view.location.href = href;
    navigation.dispatchEvent(new Event('currententrychange'));
  };
  return { view: view as unknown as Window, navigation, go };
}

describe('onNavigation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([true, false])('calls back once per new address (Navigation API: %s), until aborted', (api) => {
    const { view, go } = fakeWindow(api);
    const controller = new AbortController();
    const heard = vi.fn();
    onNavigation(view, heard, controller.signal);
    go('https://app.example/b');
    vi.advanceTimersByTime(1000);
    go('https://app.example/b');
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveBeenCalledTimes(1);
    controller.abort();
    go('https://app.example/c');
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('does nothing for an event a page dispatches without moving', () => {
    const { view, navigation } = fakeWindow(true);
    const heard = vi.fn();
    onNavigation(view, heard, new AbortController().signal);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(heard).not.toHaveBeenCalled();
  });
});
