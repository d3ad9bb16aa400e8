import { useCallback, useState } from 'preact/hooks';

/** What the page last did (role=status) or what went wrong (role=alert). */
export interface Notices {
  status: string | null;
  alert: string | null;
  say(text: string): void;
  fail(text: string): void;
  dismiss(): void;
}

/** One notice at a time: a new one replaces the last, so the page never shows a stale error next to a success. */
export function useNotices(): Notices {
  const [notice, setNotice] = useState<{ status: string | null; alert: string | null }>({ status: null, alert: null });
  const say = useCallback((text: string) => setNotice({ status: text, alert: null }), []);
  const fail = useCallback((text: string) => setNotice({ status: null, alert: text }), []);
  const dismiss = useCallback(() => setNotice({ status: null, alert: null }), []);
  return { ...notice, say, fail, dismiss };
}
