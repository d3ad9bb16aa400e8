import { useEffect } from 'preact/hooks';
import { MAX_NOTE_LENGTH, type ReadingListEntry } from '../../lib/reading-list/schema';
import { type Draft, type SaveField, useDraft } from './use-draft';

/** A note is saved this long after the last keystroke (and at once on blur or when the page goes away). */
const NOTE_SAVE_DELAY_MS = 600;

/**
 * The draft of an entry's note. It is saved after a pause in typing and before the popup or page
 * goes away (no blur comes then), and only when the user changed it.
 */
export function useNoteDraft(entry: ReadingListEntry, save: SaveField): Draft<HTMLTextAreaElement> {
  const draft = useDraft<HTMLTextAreaElement>(entry.note, (value, base) => save(value.slice(0, MAX_NOTE_LENGTH), base));
  useEffect(() => {
    const timer = setTimeout(draft.commit, NOTE_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.value]);
  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && draft.commit();
    addEventListener('pagehide', draft.commit);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      draft.commit();
      removeEventListener('pagehide', draft.commit);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
  return draft;
}
