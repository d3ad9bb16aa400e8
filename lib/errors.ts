/** Whether an error says the background did not answer because its worker stopped or restarted meanwhile. */
export function isRestartError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /message port closed|message channel closed|Receiving end does not exist|Could not establish connection|^No response$|disconnected/i.test(
    text,
  );
}

/**
 * An error as a sentence a user can act on: what happened and what to do.
 * Browser errors (storage, messaging) are put in plain words; Paperlens's own
 * messages, already written that way, pass through.
 */
export function plainError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota|disk is full|no space/i.test(text)) {
    return 'Your disk is full, so Paperlens could not store this. Free some space, then try again.';
  }
  if (name === 'InvalidStateError' || /database connection is closing/i.test(text)) {
    return 'Paperlens could not reach its storage. Try again in a moment; if it keeps failing, restart the browser.';
  }
  if (name === 'UnknownError' || name === 'AbortError' || name === 'DataError') {
    return 'Paperlens’s storage could not write this, so nothing was changed. Try again.';
  }
  if (/Extension context invalidated/i.test(text)) {
    return 'Paperlens was updated or reloaded. Reload this page to use it again.';
  }
  if (isRestartError(error)) return 'Paperlens was restarting and did not answer. Try again.';
  return text;
}
