import { useEffect, useRef } from 'preact/hooks';
import { MAX_NOTE_LENGTH, type ReadingListEntry } from '../../lib/reading-list/schema';
import { useDraft } from './use-draft';

/** A note is saved this long after the last keystroke (and at once on blur or when the page goes away). */
const NOTE_SAVE_DELAY_MS = 600;

/**
 * The draft of an entry's note and `commit`, which saves it if it changed. It is saved
 * after a pause in typing and before the popup or page goes away (no blur comes then).
 */
export function useNoteDraft(entry: ReadingListEntry, update: (id: string, changes: { note: string }) => void) {
  const [note, setNote, field] = useDraft<HTMLTextAreaElement>(entry.note);
  // The latest draft and stored note, for saving from timers and page-exit handlers.
  const latest = useRef({ note, stored: entry.note });
  latest.current = { note, stored: entry.note };
  const commit = () => {
    const { note: draft, stored } = latest.current;
    if (draft !== stored) update(entry.id, { note: draft.slice(0, MAX_NOTE_LENGTH) });
  };
  useEffect(() => {
    if (note === entry.note) return;
    const timer = setTimeout(commit, NOTE_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [note]);
  useEffect(() => {
    const flush = () => commit();
    addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
  return { note, setNote, field, commit };
}
