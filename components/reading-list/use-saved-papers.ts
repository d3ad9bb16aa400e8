import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PapersById } from '../../lib/export/facts';
import { sendMessage } from '../../lib/messages';
import { askAgainAfterRestart } from '../../lib/reading-list/client';
import { readingListRevision } from '../../lib/reading-list/revision';
import { changedIds } from '../../lib/reading-list/revision-reader';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { SavedPapers } from './saved-papers';

const fetchPapers = (ids: string[]) => askAgainAfterRestart(() => sendMessage('getPapers', { ids }));

const idsOf = (entries: readonly ReadingListEntry[] | null) => entries?.map((entry) => entry.id) ?? [];

/**
 * The library records of the entries the list holds (authors, categories),
 * fetched as the entries arrive and again for entries another page changes.
 * Rows show each as it comes; `papers.all` waits for the rest (exports).
 */
export function useSavedPapers(entries: readonly ReadingListEntry[] | null): [PapersById, SavedPapers] {
  const [papersById, setPapersById] = useState<PapersById>(() => new Map());
  const papers = useMemo(() => new SavedPapers(fetchPapers, setPapersById), []);
  const held = useRef(entries);
  held.current = entries;
  useEffect(() => () => papers.stop(), [papers]);
  useEffect(() => {
    papers.ask(idsOf(entries));
  }, [papers, entries]);
  useEffect(
    () =>
      readingListRevision.watch((revision) => {
        papers.forget(changedIds(revision));
        // A new save is asked for when its entry arrives; an entry already here is asked for now.
        papers.ask(idsOf(held.current));
      }),
    [papers],
  );
  return [papersById, papers];
}
