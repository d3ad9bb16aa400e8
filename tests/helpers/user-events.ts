/**
 * Events as the browser makes them for the user's own input. Paperlens's page
 * UI ignores events that are not `isTrusted` (a page's scripts make those);
 * happy-dom marks no event trusted, so tests say which ones the user made.
 */
export function userEvent<E extends Event>(target: EventTarget, event: E): boolean {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return target.dispatchEvent(event);
}

/** A click by the user: `detail` 0 is a keyboard activation (Enter or Space), 1 a mouse click. */
export function userClick(target: EventTarget, detail = 1): boolean {
  return userEvent(target, new MouseEvent('click', { bubbles: true, composed: true, detail }));
}
