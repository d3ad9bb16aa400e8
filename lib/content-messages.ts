import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './messages';
import type { PageProtocolMap } from './page-messages';

/**
 * The content script's side of the message contract, in the wire format of
 * @webext-core/messaging (which the background and extension pages use):
 * `{ id, type, data, timestamp }` out, `{ res }` or `{ err }` back. Written
 * out here because that library's listener registry and error serializer
 * would cost every page about a kilobyte it never needs.
 */

let nextId = Math.floor(Math.random() * 1e4);

/** Asks the background; rejects with the background's message when it answers with an error. */
export async function sendToBackground<K extends keyof ProtocolMap>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): Promise<GetReturnType<ProtocolMap[K]>> {
  const reply = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
  if (reply == null) throw new Error(`No answer to ${type}`);
  if (reply.err != null) throw new Error(reply.err.message ?? String(reply.err));
  return reply.res;
}

/** Answers one kind of message from extension pages (sent with `sendToPage`) until `signal` aborts. */
export function answerPageMessage<K extends keyof PageProtocolMap>(
  type: K,
  answer: () => GetReturnType<PageProtocolMap[K]>,
  signal: AbortSignal,
): void {
  // sendResponse rather than a returned promise: Chrome only recently began to accept one.
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: { res: unknown }) => void): boolean => {
    const { type: asked, timestamp } = (message ?? {}) as { type?: unknown; timestamp?: unknown };
    if (asked !== type || typeof timestamp !== 'number') return false;
    sendResponse({ res: answer() });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
