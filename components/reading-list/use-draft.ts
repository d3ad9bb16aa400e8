import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A field's draft of a stored value. A change made elsewhere (another tab, an import,
 * a failed save rolled back) replaces the draft, except while the field has the focus:
 * what the user is typing is never thrown away.
 */
export function useDraft<E extends HTMLElement>(
  stored: string,
): [string, (draft: string) => void, RefObject<E | null>] {
  const [draft, setDraft] = useState(stored);
  const field = useRef<E>(null);
  useEffect(() => {
    if (document.activeElement !== field.current) setDraft(stored);
  }, [stored]);
  return [draft, setDraft, field];
}
