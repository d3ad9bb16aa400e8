/** How often a page without the Navigation API is checked for a new address (as WXT does). */
const POLL_MS = 1000;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

/**
 * Calls `listener` after the page moves to another address within itself
 * (`history.pushState`, a single-page app's route). Uses the Navigation API
 * where the browser has it, else checks the address every second; either way
 * it acts only when the address really changed.
 */
export function onNavigation(view: Window, listener: () => void, signal: AbortSignal): void {
  let last = view.location.href;
  const check = () => {
    if (view.location.href === last) return;
    last = view.location.href;
    listener();
  };
  const navigation = (view as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  const timer = view.setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => view.clearInterval(timer));
}
