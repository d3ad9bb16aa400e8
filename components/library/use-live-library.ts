import { useCallback, useEffect, useState } from 'preact/hooks';
import { plainError } from '../../lib/errors';
import { type LibraryStatus, libraryStatus } from '../../lib/library/status';
import type { LibraryOverview } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';

/** The library's overview, the background's report on it (jobs, derived data), and a way to read it again. */
export interface LiveLibrary {
  library: LibraryOverview | null;
  error: string | null;
  status: LibraryStatus | null;
  reload(): void;
}

/** Reads the library's overview (never its papers: the page stays as quick at 100,000), and again whenever the background says it changed (a new revision, derived data done). */
export function useLiveLibrary(): LiveLibrary {
  const status = useLibraryStatus();
  const [state, setState] = useState<{ library: LibraryOverview | null; error: string | null }>({
    library: null,
    error: null,
  });
  const [reads, setReads] = useState(0);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  const revision = status?.revision;
  const derivedReady = status?.derivedReady;

  // revision, derivedReady and reads are not read inside: they are what make it read the library again.
  useEffect(() => {
    if (revision === undefined) return;
    let current = true;
    sendMessage('getLibraryOverview', undefined).then(
      (library) => current && setState({ library, error: null }),
      (e: unknown) => current && setState((old) => ({ library: old.library, error: plainError(e) })),
    );
    return () => {
      current = false;
    };
  }, [revision, derivedReady, reads]);

  return { ...state, status, reload };
}

function useLibraryStatus(): LibraryStatus | null {
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  useEffect(() => {
    // Unreadable, the library is still read once: only its progress and updates are missing.
    void libraryStatus.getValue().then(setStatus, () => setStatus(libraryStatus.fallback));
    return libraryStatus.watch((value) => setStatus(value));
  }, []);
  return status;
}
