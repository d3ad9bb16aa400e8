import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryPaper } from '../../lib/library/schema';
import { sendMessage } from '../../lib/messages';
import { askAgainAfterRestart } from '../../lib/reading-list/client';
import { readingListRevision } from '../../lib/reading-list/revision';
import { changedIds } from '../../lib/reading-list/revision-reader';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { tabPaperId, titleFromTab } from '../../lib/tab-paper';
import { type TargetTab, targetTab } from './target-tab';

/** The tab the popup acts on (null until known, or when it is none Paperlens runs on). */
export function useTargetTab(): TargetTab | null {
  const [tab, setTab] = useState<TargetTab | null>(null);
  useEffect(() => {
    void targetTab().then(setTab, () => setTab(null));
  }, []);
  return tab;
}

/** The paper a tab shows, as the popup's "This tab" names it. */
export interface ThisTabPaper {
  id: string;
  /** The library's title, else the saved entry's, else the tab's, else `arXiv:<id>`. */
  title: string;
  /** A library paper; null until the library has answered. */
  inLibrary: boolean | null;
  /** Its reading-list entry: null when not saved, undefined until known. */
  entry: ReadingListEntry | null | undefined;
  /** Shows an entry the popup just stored (an update's outcome) before the list's change notice arrives. */
  stored(entry: ReadingListEntry | null): void;
  /** Reads the entry again (after a save or remove here). */
  reload(): void;
}

/** The paper the tab shows (by its address), its library record and its entry, kept true as the list changes. */
export function useThisTabPaper(tab: TargetTab | null): ThisTabPaper | null {
  const id = tabPaperId(tab?.url);
  const paper = useLibraryPaper(id);
  const { entry, setEntry, reload } = useTabEntry(id);
  if (!id || !tab) return null;
  const title = paper?.displayTitle || entry?.title || titleFromTab(tab.title, tab.url) || `arXiv:${id}`;
  return { id, title, inLibrary: paper === undefined ? null : paper !== null, entry, stored: setEntry, reload };
}

/** The library's record of a paper: null when it has none, undefined until it answers. */
function useLibraryPaper(id: string | null): LibraryPaper | null | undefined {
  const [paper, setPaper] = useState<LibraryPaper | null | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    askAgainAfterRestart(() => sendMessage('getPapers', { ids: [id] })).then(
      (found) => setPaper(found.find((p) => p.id === id) ?? null),
      () => setPaper(null),
    );
  }, [id]);
  return paper;
}

/** One paper's reading-list entry, read again whenever any page, tab or shortcut changes it. */
function useTabEntry(id: string | null) {
  const [entry, setEntry] = useState<ReadingListEntry | null | undefined>(undefined);
  // The latest read wins: an answer for an earlier read, or another paper, is dropped.
  const reads = useRef(0);
  const reload = () => {
    if (!id) return;
    const read = ++reads.current;
    askAgainAfterRestart(() => sendMessage('getReadingListEntries', { ids: [id] })).then(
      (found) => read === reads.current && setEntry(found.find((e) => e.id === id) ?? null),
      () => {},
    );
  };
  useEffect(() => {
    reload();
    const unwatch = readingListRevision.watch((revision) => {
      const ids = changedIds(revision);
      if (id && (!ids || ids.includes(id))) reload();
    });
    return () => {
      reads.current++;
      unwatch();
    };
  }, [id]);
  return { entry, setEntry, reload };
}
