import { storage } from 'wxt/utils/storage';

/** One "Follow on arXiv" or "Refresh now" of one author, as pages show its progress. */
export interface LibraryJob {
  authorId: string;
  name: string;
  /** The arXiv author query (`au:Pioro_M`). */
  query: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Papers fetched so far, and how many arXiv says there are (null until the first page). */
  fetched: number;
  total: number | null;
  /** Papers new to the library when it finished. */
  added: number;
  /** Why it stopped, in words, when it failed. */
  error: string | null;
  /** ISO timestamp of its last change. */
  at: string;
}

/** What the background tells open pages about the library: that it changed, and what it is doing. */
export interface LibraryStatus {
  /** Changes whenever the library does; pages read the library again. */
  revision: string;
  /** False while coauthors, novelty and related papers are being worked out. */
  derivedReady: boolean;
  jobs: LibraryJob[];
  /** Papers the last refreshes added, until the user has seen them (the toolbar shows the count). */
  newPapers: string[];
}

export const libraryStatus = storage.defineItem<LibraryStatus>('local:libraryStatus', {
  fallback: { revision: '', derivedReady: true, jobs: [], newPapers: [] },
});
