import { useEffect, useMemo, useState } from 'preact/hooks';
import { messageApi, ReadingListClient, type ReadingListState } from '../../lib/reading-list/client';
import { readingListRevision } from '../../lib/reading-list/revision';
import { changedIds } from '../../lib/reading-list/revision-reader';

const UNDO_MS = 15_000;

/** A reading-list client, loaded, and refreshed whenever any tab or the context menu changes the list. */
export function useReadingList(): [ReadingListClient, ReadingListState] {
  const client = useMemo(() => new ReadingListClient(messageApi()), []);
  const [state, setState] = useState(client.current);
  useEffect(() => {
    const stop = client.subscribe(setState);
    void client.refresh();
    const unwatch = readingListRevision.watch((revision) => void client.changed(changedIds(revision)));
    return () => {
      stop();
      unwatch();
    };
  }, [client]);
  // An entry removed here can be undone for a while; then the offer goes away.
  useEffect(() => {
    if (!state.removed) return;
    const timer = setTimeout(() => client.dismiss(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [state.removed, client]);
  return [client, state];
}
